import type { ApiResult } from "@/lib/api/with-api";
import type { CallOptions } from "@/lib/calls/call-options";
import { callsMessage, type CallResults, type preflightAddedCustomers } from "./customer-calls";
import type { AddCustomersOutcome, NotWritten } from "@/lib/customers/add-customers";
import type { z } from "zod";
import { invalidRecord, warningMessages } from "./record-errors";
import type { bulkAddResultsSchema } from "./responses";

// The Bulk Add response, exactly as the seed writes it:
//   201 every record added · 207 some added · 400 none added ("No valid records to add" when none
//   even passed validation, else "Added 0 of N records" with the full results).
// total = successful + failed; failed = invalid + duplicates + records the database refused.
// `index` on each results.errors entry is ours (additive): the record's position in the request.
// Validate-only answers 200 with the same shape, counting what would be added.

/** A valid record that was not written: `{ id, error, reason }` as the seed has it, plus `index`. */
export interface RecordError {
  id: string;
  error: "DUPLICATE_IN_REQUEST" | "DUPLICATE" | "WRITE_FAILED";
  reason: string;
  index: number;
}

const ERROR_CODE: Record<NotWritten["code"], RecordError["error"]> = {
  duplicate_in_file: "DUPLICATE_IN_REQUEST",
  duplicate_in_campaign: "DUPLICATE",
  duplicate_phone_in_file: "DUPLICATE_IN_REQUEST",
  duplicate_phone_in_campaign: "DUPLICATE",
  write_failed: "WRITE_FAILED",
};

export interface BulkAddAnswer {
  body: CallOptions;
  outcome: AddCustomersOutcome;
  validateOnly: boolean;
  /** initiateCall: what was scheduled, or (validate-only) what would be. */
  calls?: { results: CallResults } | { preflight: Awaited<ReturnType<typeof preflightAddedCustomers>> };
}

export function bulkAddResponse(answer: BulkAddAnswer): ApiResult {
  const { validateOnly, outcome } = answer;
  const { validation, added } = outcome;
  const total = validation.valid.length + validation.duplicates.length + validation.invalid.length;
  const invalidRecords = validation.invalid.map(invalidRecord);

  if (!validateOnly && validation.invalid.length === total) {
    return { status: 400, body: { success: false, message: "No valid records to add", invalidRecords } };
  }

  const results = {
    total,
    valid: total - validation.invalid.length,
    invalid: validation.invalid.length,
    successful: added,
    failed: total - added,
    batchesProcessed: outcome.batches,
    errors: outcome.notWritten.map((r): RecordError => ({ id: r.id, error: ERROR_CODE[r.code], reason: r.reason, index: r.index })),
    ...(invalidRecords.length > 0 && { invalidRecords }),
    ...(validation.warnings.length > 0 && { warnings: warningMessages(validation.warnings) }),
  } satisfies z.input<typeof bulkAddResultsSchema>;

  if (validateOnly) {
    return {
      status: 200,
      body: {
        success: added === total,
        validateOnly: true,
        message: `Validated ${total} records: ${added} of ${total} would be added`,
        results,
        ...(answer.calls && "preflight" in answer.calls && { callResults: answer.calls.preflight }),
        ...(outcome.workflowRuns !== null && { workflowRunsWouldStart: outcome.workflowRuns }),
      },
    };
  }

  let message = `Added ${added} of ${total} records`;
  const extra: Record<string, unknown> = {};
  if (answer.calls && "results" in answer.calls) {
    message += callsMessage(answer.calls.results.initiated);
    extra.callResults = answer.calls.results;
  }
  if (answer.body.useWorkflow) {
    // The runs were written with the customers; the runner takes them from there.
    message += ` | Workflow triggered for ${outcome.workflowRuns ?? 0} customers`;
    extra.workflowTriggered = (outcome.workflowRuns ?? 0) > 0;
  }
  const status = added === total ? 201 : added > 0 ? 207 : 400;
  return { status, body: { success: added === total, message, results, ...extra } };
}
