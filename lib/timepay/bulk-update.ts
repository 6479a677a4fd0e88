import type { ApiResult } from "@/lib/api/with-api";
import { changeCustomers, type NotChanged, type RefusedChange } from "@/lib/customers/change-customers";
import { customerCampaign } from "@/lib/customers/customer-campaign";
import type { CustomerChange } from "@/lib/customers/update-customers";
import type { DomainContext } from "@/lib/domain/context";
import type { Issue } from "@/lib/records/issues";
import { duplicateReason, fieldMessages, recordMessages } from "@/lib/records/messages";
import type { BulkUpdateBody } from "./customer-bodies";
import { requestedIdentifier } from "./customer";
import { invalidRecord, warningMessages } from "./record-errors";

// PUT /api/v1/customer-data/bulk: up to 10,000 { id, data } changes. Like the bulk add: each
// record fails alone, an upload job (action "update") records the request, and the counts equal
// what was written. Status 200 when every record was updated, 207 for some, 400 for none.

type RecordError = { id: string; error: "NOT_FOUND" | "DUPLICATE_IN_REQUEST" | "CONFLICT" | "WRITE_FAILED"; reason: string; index: number };

const ERROR_CODE: Record<NotChanged["kind"], RecordError["error"]> = {
  not_found: "NOT_FOUND",
  duplicate_in_request: "DUPLICATE_IN_REQUEST",
  conflict: "CONFLICT",
  write_failed: "WRITE_FAILED",
};

export async function bulkUpdateCustomers(ctx: DomainContext, body: BulkUpdateBody): Promise<ApiResult> {
  const campaign = await customerCampaign(ctx, body.campaignId);
  const { changes, invalid, notChanged } = readChanges(body.records, (id) => requestedIdentifier({ id }, campaign));
  const total = body.records.length;
  if (changes.length === 0) {
    return { status: 400, body: { success: false, message: "No valid records to update", invalidRecords: invalid.map(invalidRecord) } };
  }

  const outcome = await changeCustomers(ctx, campaign, { total, changes, refused: { invalid, notChanged } });
  const errors = outcome.notChanged.map((r): RecordError => ({ id: r.id, error: ERROR_CODE[r.kind], reason: r.reason, index: r.index }));
  const { updated } = outcome;
  const results = {
    total,
    valid: total - outcome.invalid.length,
    invalid: outcome.invalid.length,
    successful: updated,
    failed: total - updated,
    retried: outcome.retried,
    batchesProcessed: outcome.batches,
    errors,
    ...(outcome.invalid.length > 0 && { invalidRecords: outcome.invalid.map(invalidRecord) }),
    ...(outcome.warnings.length > 0 && { warnings: warningMessages(outcome.warnings) }),
  };
  const status = updated === total ? 200 : updated > 0 ? 207 : 400;
  return {
    status,
    body: { success: updated === total, message: `Updated ${updated} of ${total} records`, results },
    headers: { "X-Upload-Job-Id": outcome.uploadJobId },
  };
}

/** Each record's shape ({ id, data }), and repeated ids (the first wins). */
function readChanges(records: readonly unknown[], identify: (id: string | number) => string) {
  const changes: CustomerChange[] = [];
  const invalid: RefusedChange[] = [];
  const notChanged: NotChanged[] = [];
  const firstSeen = new Map<string, number>();
  records.forEach((record, index) => {
    const problems: Issue[] = [];
    const item = typeof record === "object" && record !== null && !Array.isArray(record) ? (record as Record<string, unknown>) : null;
    if (!item) problems.push({ code: "not_an_object", field: null, message: recordMessages.notObject });
    const id = item && Object.hasOwn(item, "id") ? item.id : undefined;
    const text = typeof id === "string" && id.trim() !== "" ? id : typeof id === "number" && Number.isFinite(id) ? id : undefined;
    if (item && id == null) problems.push({ code: "missing_required", field: "id", message: recordMessages.missingRequired("id") });
    else if (item && text === undefined) problems.push({ code: "invalid_text", field: "id", message: fieldMessages.text("id") });
    const data = item && Object.hasOwn(item, "data") ? item.data : undefined;
    const dataOk = typeof data === "object" && data !== null && !Array.isArray(data) && Object.keys(data).length > 0;
    if (item && !dataOk)
      problems.push({ code: "not_an_object", field: "data", message: "Field 'data' must be an object with at least one field to change" });

    const identifier = text === undefined ? null : identify(text);
    if (problems.length > 0) {
      invalid.push({ index, id: identifier, issues: problems });
      return;
    }
    const first = firstSeen.get(identifier!);
    if (first !== undefined) {
      notChanged.push({ id: identifier!, kind: "duplicate_in_request", reason: duplicateReason("id", identifier!, first), index });
      return;
    }
    firstSeen.set(identifier!, index);
    changes.push({ index, identifier: identifier!, data: data as Record<string, unknown> });
  });
  return { changes, invalid, notChanged };
}
