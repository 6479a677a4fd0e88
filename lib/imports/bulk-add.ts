import type { AuthContext } from "@/lib/api/authenticate";
import { validationFailed } from "@/lib/api/errors";
import type { ApiResult } from "@/lib/api/with-api";
import { getCampaignForContract, recordRules } from "@/lib/campaigns/campaigns";
import { assertCallTargets, recordedCallOptions } from "@/lib/calls/call-options";
import { validateRecords } from "@/lib/records/validate-records";
import { logError } from "@/lib/log";
import { existingIdentifiers, insertCustomers } from "./insert-customers";
import {
  addUploadChunk,
  completeUploadJob,
  createUploadJob,
  failUploadJob,
  findChunkedUpload,
  syncUploadSource,
  uploadRowErrors,
  type UploadCounts,
  type UploadRowError,
} from "./upload-jobs";
import { uploadFileName, type BulkAddBody } from "./timepay-bodies";
import { bulkAddResponse, existingError, failedError, requestDuplicateError, type RecordError } from "./timepay-bulk-response";

// TimePay's Bulk Add Customers, also the upload wizard's submit step: validate every record with
// the core, write the valid ones through the shared insert path, record an upload job, and
// answer with counts that equal what the table now holds. Validate-only runs the same checks,
// including duplicates against the campaign, and writes nothing at all.

export async function bulkAddCustomers(auth: AuthContext, body: BulkAddBody, validateOnly: boolean): Promise<ApiResult> {
  const campaign = await getCampaignForContract(auth.organizationId, body.campaignId);
  await assertCallTargets(auth.organizationId, campaign, body);
  const { schema, policy } = recordRules(campaign);
  // Without an identifier the phone is the contact's key, so it may not repeat in a request.
  const validation = validateRecords(body.records, schema, policy, { uniquePhone: schema.identifierKey === null });
  const keyLabel = schema.identifierKey ?? schema.phoneKey;
  const requestDuplicates = validation.duplicates.map(requestDuplicateError);
  const ui = auth.apiKeyId === null;
  const respond = (added: number, errors: RecordError[], batches: number, uploadJobId: string | null) =>
    bulkAddResponse({ body, validation, added, errors, batches, validateOnly, uploadJobId: ui ? uploadJobId : null });

  if (validateOnly) {
    const existing = await existingIdentifiers(campaign.id, validation.valid.map((r) => r.id));
    const errors = [...requestDuplicates, ...validation.valid.filter((r) => existing.has(r.id)).map((r) => existingError(r, keyLabel))];
    return respond(validation.valid.length - existing.size, errors, 0, null);
  }

  const job = await openUploadJob(auth, campaign.id, body);
  const written = await insertCustomers({ campaignId: campaign.id, uploadJobId: job.id, schema, records: validation.valid }).catch(
    async (error: unknown) => {
      await failUploadJob(job.id, "The upload stopped on an unexpected error").catch(() => {});
      throw error;
    },
  );

  const errors = [...requestDuplicates, ...written.existing.map((r) => existingError(r, keyLabel)), ...written.failed.map(failedError)];
  const added = written.inserted.length;
  const total = body.records.length;
  const counts: UploadCounts = {
    total,
    valid: total - validation.invalid.length,
    invalid: validation.invalid.length,
    successful: added,
    failed: total - added,
    duplicates: requestDuplicates.length + written.existing.length,
  };
  // The customers are committed: a job that cannot be closed must not turn them into a 500.
  await closeUploadJob(job, counts, uploadRowErrors(validation.invalid, errors)).catch((error) =>
    logError("upload job not closed after its rows were written", error, { uploadJobId: job.id }),
  );
  return { ...respond(added, errors, written.batches, job.id), headers: { "X-Upload-Job-Id": job.id } };
}

type OpenJob = { id: string; chunkOffset: number | null };

// A new job, or — for the wizard's later chunks of one file — the job of its first chunk.
async function openUploadJob(auth: AuthContext, campaignId: string, body: BulkAddBody): Promise<OpenJob> {
  const ui = auth.apiKeyId === null;
  if (ui && typeof body.uploadJobId === "string") {
    const chunked = await findChunkedUpload(body.uploadJobId, { organizationId: auth.organizationId, campaignId, createdById: auth.userId });
    if (!chunked) throw validationFailed(["uploadJobId does not match an upload of yours to this campaign"]);
    return { id: chunked.id, chunkOffset: chunked.offset };
  }
  const job = await createUploadJob({
    organizationId: auth.organizationId,
    campaignId,
    source: syncUploadSource(auth),
    fileName: ui ? uploadFileName(body.fileName) : null,
    total: body.records.length,
    options: recordedCallOptions(body),
    status: "processing",
    createdById: auth.userId,
    apiKeyId: auth.apiKeyId,
  });
  return { id: job.id, chunkOffset: null };
}

async function closeUploadJob(job: OpenJob, counts: UploadCounts, rowErrors: UploadRowError[]) {
  if (job.chunkOffset === null) await completeUploadJob(job.id, counts, rowErrors);
  else await addUploadChunk(job.id, counts, rowErrors, job.chunkOffset);
}
