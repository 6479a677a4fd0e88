import { assertCallTargets, recordedCallOptions, type CallOptions } from "@/lib/calls/call-options";
import type { DomainContext } from "@/lib/domain/context";
import { logError } from "@/lib/log";
import { validateRecords, type ValidationResult, type ValidRecord } from "@/lib/records/validate-records";
import {
  completeUploadJob,
  createUploadJob,
  failUploadJob,
  recordUploadChunk,
  uploadRowErrors,
  type UploadCounts,
} from "@/lib/upload-jobs/upload-jobs";
import { assignableAgents } from "./assignees";
import type { CustomerCampaign } from "./customer-campaign";
import { alreadyExistsReason, customerKeyLabel, duplicateOptions, phoneExistsReason, writeFailedReason } from "./duplicate-policy";
import { existingIdentifiers, existingPhones, insertCustomers } from "./insert-customers";
import { runStartFor } from "@/lib/workflows/start-runs";
import { wakeWorkflowRunner } from "@/lib/workflows/workflows-queue";

// Adding many customers to a campaign (TimePay's bulk add, the upload wizard): every record is
// judged by the validation core, the valid ones go through the shared insert path, an upload job
// records the request, and the counts equal what the table now holds. Validate-only runs the same
// checks, including duplicates against the campaign, and writes nothing at all.

export type AddCustomersInput = {
  records: readonly unknown[];
  callOptions: CallOptions;
  validateOnly: boolean;
  /** A chunk of a file whose job is open (openFileUpload); without it the request is a job of its own. */
  chunkOf?: { jobId: string };
};

/** A valid record that was not written, and why. */
export type NotWritten = {
  index: number;
  id: string;
  code: "duplicate_in_file" | "duplicate_phone_in_file" | "duplicate_in_campaign" | "duplicate_phone_in_campaign" | "write_failed";
  reason: string;
};

export type AddCustomersOutcome = {
  validation: ValidationResult;
  /** Records written (or, validate-only, that would be). */
  added: number;
  /** In request order. */
  notWritten: NotWritten[];
  batches: number;
  /** useWorkflow: workflow runs started (validate-only: that would start), one per customer added. */
  workflowRuns: number | null;
  /** Null for validate-only. */
  uploadJobId: string | null;
  /** The customers written, in request order: { record's id, customers.id, the record's values }. Validate-only: the records that would be. */
  addedCustomers: { id: string; customerId: string | null; phoneE164: string; values?: Record<string, unknown> }[];
};

export async function addCustomers(ctx: DomainContext, campaign: CustomerCampaign, input: AddCustomersInput): Promise<AddCustomersOutcome> {
  await assertCallTargets(ctx.organizationId, campaign, input.callOptions);
  const { schema, policy } = campaign;
  // useWorkflow: resolved before anything is written (no workflow → 400 naming it, nothing added).
  const workflow = input.callOptions.useWorkflow ? await runStartFor(ctx.organizationId, campaign) : null;
  const options = { ...duplicateOptions(schema, campaign.duplicatesBy), agents: await assignableAgents(ctx.organizationId, schema) };
  const validation = validateRecords(input.records, schema, policy, options);
  const keyLabel = customerKeyLabel(schema);
  const inRequest: NotWritten[] = validation.duplicates.map((d) => ({ index: d.index, id: d.id, code: d.code, reason: d.reason }));
  const exists = (r: ValidRecord): NotWritten => ({
    index: r.index,
    id: r.id,
    code: "duplicate_in_campaign",
    reason: alreadyExistsReason(keyLabel, r.id),
  });
  const samePhone = (r: ValidRecord): NotWritten => ({
    index: r.index,
    id: r.id,
    code: "duplicate_phone_in_campaign",
    reason: phoneExistsReason(schema.phoneKey, r.phoneE164),
  });
  const sorted = (list: NotWritten[]) => list.sort((a, b) => a.index - b.index);

  if (input.validateOnly) {
    const existing = await existingIdentifiers(
      campaign.id,
      validation.valid.map((r) => r.id),
    );
    // The phone as a key of its own only when the schema has an identifier (else it is the identifier).
    const phones =
      options.uniquePhone && schema.identifierKey !== null
        ? await existingPhones(
            campaign.id,
            validation.valid.map((r) => r.phoneE164),
          )
        : new Set<string>();
    const refused = validation.valid.flatMap((r) => (existing.has(r.id) ? [exists(r)] : phones.has(r.phoneE164) ? [samePhone(r)] : []));
    const refusedIds = new Set(refused.map((r) => r.index));
    const added = validation.valid.length - refused.length;
    const wouldAdd = validation.valid
      .filter((r) => !refusedIds.has(r.index))
      .map((r) => ({ id: r.id, customerId: null, phoneE164: r.phoneE164, values: r.values }));
    return {
      validation,
      added,
      notWritten: sorted([...inRequest, ...refused]),
      batches: 0,
      workflowRuns: workflow ? added : null,
      uploadJobId: null,
      addedCustomers: wouldAdd,
    };
  }

  const job = input.chunkOf ?? { jobId: (await createUploadJob(ctx, jobOf(campaign.id, input))).id };
  const written = await insertCustomers({
    campaignId: campaign.id,
    uploadJobId: job.jobId,
    schema,
    records: validation.valid,
    workflow,
  }).catch(async (error: unknown) => {
    await failUploadJob(job.jobId, "The upload stopped on an unexpected error").catch(() => {});
    throw error;
  });
  const failed = written.failed.map((r): NotWritten => ({ index: r.index, id: r.id, code: "write_failed", reason: writeFailedReason }));
  const notWritten = sorted([...inRequest, ...written.existing.map(exists), ...written.samePhone.map(samePhone), ...failed]);
  const added = written.inserted.length;
  const total = input.records.length;
  const counts: UploadCounts = {
    total,
    valid: total - validation.invalid.length,
    invalid: validation.invalid.length,
    successful: added,
    failed: total - added,
    duplicates: inRequest.length + written.existing.length + written.samePhone.length,
  };
  const rowErrors = uploadRowErrors(validation.invalid, notWritten, input.records);
  // The customers are committed: a job that cannot be closed must not turn them into a failure.
  await (input.chunkOf ? recordUploadChunk(job.jobId, counts, rowErrors) : completeUploadJob(job.jobId, counts, rowErrors)).catch(
    (error: unknown) => logError("upload job not closed after its rows were written", error, { uploadJobId: job.jobId }),
  );
  // The runs committed with their customers: the wake-up only saves waiting for the runner's sweep.
  if (workflow && added > 0)
    await wakeWorkflowRunner().catch((error: unknown) => logError("workflow runner not woken", error, { campaignId: campaign.id }));
  const addedCustomers = [...written.inserted]
    .sort((a, b) => a.record.index - b.record.index)
    .map((i) => ({ id: i.record.id, customerId: i.customerId, phoneE164: i.record.phoneE164, values: i.record.values }));
  return {
    validation,
    added,
    notWritten,
    batches: written.batches,
    workflowRuns: workflow ? added : null,
    uploadJobId: job.jobId,
    addedCustomers,
  };
}

function jobOf(campaignId: string, input: AddCustomersInput) {
  return { campaignId, total: input.records.length, options: recordedCallOptions(input.callOptions), status: "processing" } as const;
}
