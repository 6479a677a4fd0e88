import type { DomainContext } from "@/lib/domain/context";
import { logError } from "@/lib/log";
import type { IndexedIssue, Issue } from "@/lib/records/issues";
import { completeUploadJob, createUploadJob, failUploadJob, uploadRowErrors } from "@/lib/upload-jobs/upload-jobs";
import type { CustomerCampaign } from "./customer-campaign";
import { customerKeyLabel } from "./duplicate-policy";
import { updateCustomers, type CustomerChange } from "./update-customers";

// Many changes to existing customers (TimePay's bulk update): each change fails alone, an upload
// job (action "update") records the request, and the counts equal what was written.

/** A change the caller already refused (its shape, a repeated id), recorded on the job. */
export type RefusedChange = { index: number; id: string | null; issues: Issue[] };

/** A well-formed change that was not written, and why. */
export type NotChanged = {
  index: number;
  id: string;
  kind: "not_found" | "duplicate_in_request" | "conflict" | "write_failed";
  reason: string;
};

export type ChangeCustomersInput = {
  /** Records in the request, refused ones included. */
  total: number;
  /** Distinct identifiers. */
  changes: readonly CustomerChange[];
  /** Refused before the domain saw them: bad shape (`invalid`) or repeated (`notChanged`). */
  refused: { invalid: RefusedChange[]; notChanged: NotChanged[] };
};

export type ChangeCustomersOutcome = {
  updated: number;
  /** Refused changes and merged records the core refused, in request order. */
  invalid: RefusedChange[];
  notChanged: NotChanged[];
  retried: number;
  batches: number;
  warnings: IndexedIssue[];
  uploadJobId: string;
};

export async function changeCustomers(
  ctx: DomainContext,
  campaign: CustomerCampaign,
  input: ChangeCustomersInput,
): Promise<ChangeCustomersOutcome> {
  const { schema, policy } = campaign;
  const keyLabel = customerKeyLabel(schema);
  const total = input.total;
  const job = await createUploadJob(ctx, { campaignId: campaign.id, action: "update", total, status: "processing" });
  const result = await updateCustomers({ campaignId: campaign.id, schema, policy, changes: input.changes }).catch(
    async (error: unknown) => {
      await failUploadJob(job.id, "The update stopped on an unexpected error").catch(() => {});
      throw error;
    },
  );

  const not = (change: CustomerChange, kind: NotChanged["kind"], reason: string): NotChanged => ({
    id: change.identifier,
    kind,
    reason,
    index: change.index,
  });
  const notChanged = [
    ...input.refused.notChanged,
    ...result.notFound.map((c) => not(c, "not_found", `No customer with ${keyLabel} '${c.identifier}' in this campaign`)),
    ...result.conflicts.map((c) => not(c, "conflict", "Changed by another request on every attempt; send it again")),
    ...result.failed.map((c) => not(c, "write_failed", "The database refused this change and nothing of it was saved; send it again")),
  ].sort((a, b) => a.index - b.index);
  const invalid = [...input.refused.invalid, ...result.invalid.map(({ index, id, issues }) => ({ index, id, issues }))].sort(
    (a, b) => a.index - b.index,
  );

  const updated = result.updated.length;
  // The changes are committed: a job that cannot be closed must not turn them into a failure.
  await completeUploadJob(
    job.id,
    { total, valid: total - invalid.length, invalid: invalid.length, successful: updated, failed: total - updated, duplicates: 0 },
    uploadRowErrors(invalid, notChanged),
  ).catch((error: unknown) => logError("upload job not closed after its rows were written", error, { uploadJobId: job.id }));
  return { updated, invalid, notChanged, retried: result.retried, batches: result.batches, warnings: result.warnings, uploadJobId: job.id };
}
