import { assertCallTargets, recordedCallOptions, type CallOptions } from "@/lib/calls/call-options";
import type { DomainContext } from "@/lib/domain/context";
import { Invalid } from "@/lib/domain/errors";
import { validateRecords, type ValidationResult, type ValidRecord } from "@/lib/records/validate-records";
import {
  addUploadChunk,
  completeUploadJob,
  createUploadJob,
  failUploadJob,
  findChunkedUpload,
  uploadRowErrors,
  type UploadCounts,
} from "@/lib/upload-jobs/upload-jobs";
import type { CustomerCampaign } from "./customer-campaign";
import { alreadyExistsReason, customerKeyLabel, duplicateOptions, writeFailedReason } from "./duplicate-policy";
import { existingIdentifiers, insertCustomers } from "./insert-customers";

// Adding many customers to a campaign (TimePay's bulk add, the upload wizard): every record is
// judged by the validation core, the valid ones go through the shared insert path, an upload job
// records the request, and the counts equal what the table now holds. Validate-only runs the same
// checks, including duplicates against the campaign, and writes nothing at all.

export type AddCustomersInput = {
  records: readonly unknown[];
  callOptions: CallOptions;
  validateOnly: boolean;
  /** The upload wizard's file name, kept on its job. */
  fileName?: string | null;
  /** A later chunk of one file: the job of its first chunk (the wizard's own uploads only). */
  continueJobId?: string;
};

/** A valid record that was not written, and why. */
export type NotWritten = {
  index: number;
  id: string;
  kind: "duplicate_in_request" | "already_exists" | "write_failed";
  reason: string;
};

export type AddCustomersOutcome = {
  validation: ValidationResult;
  /** Records written (or, validate-only, that would be). */
  added: number;
  /** In request order. */
  notWritten: NotWritten[];
  batches: number;
  /** Null for validate-only. */
  uploadJobId: string | null;
};

export async function addCustomers(ctx: DomainContext, campaign: CustomerCampaign, input: AddCustomersInput): Promise<AddCustomersOutcome> {
  await assertCallTargets(ctx.organizationId, campaign, input.callOptions);
  const { schema, policy } = campaign;
  const validation = validateRecords(input.records, schema, policy, duplicateOptions(schema));
  const keyLabel = customerKeyLabel(schema);
  const inRequest: NotWritten[] = validation.duplicates.map((d) => ({ index: d.index, id: d.id, kind: "duplicate_in_request", reason: d.reason }));
  const exists = (r: ValidRecord): NotWritten => ({ index: r.index, id: r.id, kind: "already_exists", reason: alreadyExistsReason(keyLabel, r.id) });
  const sorted = (list: NotWritten[]) => list.sort((a, b) => a.index - b.index);

  if (input.validateOnly) {
    const existing = await existingIdentifiers(campaign.id, validation.valid.map((r) => r.id));
    const notWritten = sorted([...inRequest, ...validation.valid.filter((r) => existing.has(r.id)).map(exists)]);
    return { validation, added: validation.valid.length - existing.size, notWritten, batches: 0, uploadJobId: null };
  }

  const job = await openJob(ctx, campaign.id, input);
  const written = await insertCustomers({ campaignId: campaign.id, uploadJobId: job.id, schema, records: validation.valid }).catch(
    async (error: unknown) => {
      await failUploadJob(job.id, "The upload stopped on an unexpected error").catch(() => {});
      throw error;
    },
  );
  const failed = written.failed.map((r): NotWritten => ({ index: r.index, id: r.id, kind: "write_failed", reason: writeFailedReason }));
  const notWritten = sorted([...inRequest, ...written.existing.map(exists), ...failed]);
  const added = written.inserted.length;
  const total = input.records.length;
  const counts: UploadCounts = {
    total,
    valid: total - validation.invalid.length,
    invalid: validation.invalid.length,
    successful: added,
    failed: total - added,
    duplicates: inRequest.length + written.existing.length,
  };
  const rowErrors = uploadRowErrors(validation.invalid, notWritten);
  if (job.chunkOffset === null) await completeUploadJob(job.id, counts, rowErrors);
  else await addUploadChunk(job.id, counts, rowErrors, job.chunkOffset);
  return { validation, added, notWritten, batches: written.batches, uploadJobId: job.id };
}

// A new job, or — for the wizard's later chunks of one file — the job of its first chunk.
async function openJob(ctx: DomainContext, campaignId: string, input: AddCustomersInput): Promise<{ id: string; chunkOffset: number | null }> {
  if (input.continueJobId !== undefined) {
    const chunked = await findChunkedUpload(ctx, input.continueJobId, campaignId);
    if (!chunked) throw new Invalid("Validation failed", { field: "uploadJobId", issues: ["uploadJobId does not match an upload of yours to this campaign"] });
    return { id: chunked.id, chunkOffset: chunked.offset };
  }
  const job = await createUploadJob(ctx, {
    campaignId,
    fileName: input.fileName ?? null,
    total: input.records.length,
    options: recordedCallOptions(input.callOptions),
    status: "processing",
  });
  return { id: job.id, chunkOffset: null };
}
