import type { AuthContext } from "@/lib/api/authenticate";
import type { ApiResult } from "@/lib/api/with-api";
import { getCampaignForContract, recordRules } from "@/lib/campaigns/campaigns";
import { duplicateReason, fieldMessages, recordMessages, recordPrefix } from "@/lib/records/messages";
import { requestedIdentifier } from "./timepay-customer";
import type { BulkUpdateBody } from "./timepay-bodies";
import { updateCustomers, type CustomerChange } from "./update-customers";
import { logError } from "@/lib/log";
import { completeUploadJob, createUploadJob, failUploadJob, syncUploadSource, uploadRowErrors } from "./upload-jobs";

// PUT /api/v1/customer-data/bulk: up to 10,000 { id, data } changes. Like the bulk add: each
// record fails alone, an upload job (action "update") records the request, and the counts equal
// what was written. Status 200 when every record was updated, 207 for some, 400 for none.

type Invalid = { index: number; id: string | null; errors: string[] };
type RecordError = { id: string; error: "NOT_FOUND" | "DUPLICATE_IN_REQUEST" | "CONFLICT" | "WRITE_FAILED"; reason: string; index: number };

export async function bulkUpdateCustomers(auth: AuthContext, body: BulkUpdateBody): Promise<ApiResult> {
  const campaign = await getCampaignForContract(auth.organizationId, body.campaignId);
  const { schema, policy } = recordRules(campaign);
  const keyLabel = schema.identifierKey ?? schema.phoneKey;
  const { changes, invalid, errors } = readChanges(body.records, (id) => requestedIdentifier({ id }, schema, policy));

  const total = body.records.length;
  const ui = auth.apiKeyId === null;
  if (changes.length === 0) {
    return { status: 400, body: { success: false, message: "No valid records to update", invalidRecords: invalid } };
  }

  const job = await createUploadJob({
    organizationId: auth.organizationId,
    campaignId: campaign.id,
    source: syncUploadSource(auth),
    action: "update",
    total,
    status: "processing",
    createdById: auth.userId,
    apiKeyId: auth.apiKeyId,
  });
  const result = await updateCustomers({ campaignId: campaign.id, schema, policy, changes }).catch(async (error: unknown) => {
    await failUploadJob(job.id, "The update stopped on an unexpected error").catch(() => {});
    throw error;
  });

  const error = (change: CustomerChange, code: RecordError["error"], reason: string): RecordError => ({ id: change.identifier, error: code, reason, index: change.index });
  errors.push(
    ...result.notFound.map((c) => error(c, "NOT_FOUND", `No customer with ${keyLabel} '${c.identifier}' in this campaign`)),
    ...result.conflicts.map((c) => error(c, "CONFLICT", "Changed by another request on every attempt; send it again")),
    ...result.failed.map((c) => error(c, "WRITE_FAILED", "The database refused this change and nothing of it was saved; send it again")),
  );
  errors.sort((a, b) => a.index - b.index);
  invalid.push(...result.invalid.map(({ index, id, errors: messages }) => ({ index, id, errors: messages })));
  invalid.sort((a, b) => a.index - b.index);

  const updated = result.updated.length;
  // The changes are committed: a job that cannot be closed must not turn them into a 500.
  await completeUploadJob(
    job.id,
    { total, valid: total - invalid.length, invalid: invalid.length, successful: updated, failed: total - updated, duplicates: 0 },
    uploadRowErrors(invalid, errors),
  ).catch((failure: unknown) => logError("upload job not closed after its rows were written", failure, { uploadJobId: job.id }));
  const results = {
    total,
    valid: total - invalid.length,
    invalid: invalid.length,
    successful: updated,
    failed: total - updated,
    retried: result.retried,
    batchesProcessed: result.batches,
    errors,
    ...(invalid.length > 0 && { invalidRecords: invalid }),
    ...(result.warnings.length > 0 && { warnings: result.warnings }),
  };
  const status = updated === total ? 200 : updated > 0 ? 207 : 400;
  return {
    status,
    body: { success: updated === total, message: `Updated ${updated} of ${total} records`, results, ...(ui && { uploadJobId: job.id }) },
    headers: { "X-Upload-Job-Id": job.id },
  };
}

/** Each record's shape ({ id, data }), and repeated ids (the first wins). */
function readChanges(records: readonly unknown[], identify: (id: string | number) => string) {
  const changes: CustomerChange[] = [];
  const invalid: Invalid[] = [];
  const errors: RecordError[] = [];
  const firstSeen = new Map<string, number>();
  records.forEach((record, index) => {
    const problems: string[] = [];
    const item = typeof record === "object" && record !== null && !Array.isArray(record) ? (record as Record<string, unknown>) : null;
    if (!item) problems.push(recordMessages.notObject);
    const id = item && Object.hasOwn(item, "id") ? item.id : undefined;
    const text = typeof id === "string" && id.trim() !== "" ? id : typeof id === "number" && Number.isFinite(id) ? id : undefined;
    if (item && id == null) problems.push(recordMessages.missingRequired("id"));
    else if (item && text === undefined) problems.push(fieldMessages.text("id"));
    const data = item && Object.hasOwn(item, "data") ? item.data : undefined;
    const dataOk = typeof data === "object" && data !== null && !Array.isArray(data) && Object.keys(data).length > 0;
    if (item && !dataOk) problems.push("Field 'data' must be an object with at least one field to change");

    const identifier = text === undefined ? null : identify(text);
    if (problems.length > 0) {
      invalid.push({ index, id: identifier, errors: problems.map((p) => recordPrefix(index) + p) });
      return;
    }
    const first = firstSeen.get(identifier!);
    if (first !== undefined) {
      errors.push({ id: identifier!, error: "DUPLICATE_IN_REQUEST", reason: duplicateReason("id", identifier!, first), index });
      return;
    }
    firstSeen.set(identifier!, index);
    changes.push({ index, identifier: identifier!, data: data as Record<string, unknown> });
  });
  return { changes, invalid, errors };
}
