import type { CallOptions } from "@/lib/calls/call-options";
import type { AddedCallsOutcome } from "@/lib/calls/call-added-customers";
import type { AddCustomersOutcome } from "@/lib/customers/add-customers";
import {
  checkRowsAnswerSchema,
  uploadChunkAnswerSchema,
  type CheckRowsAnswer,
  type SubmitOptions,
  type UploadChunkAnswer,
} from "@/lib/upload-wizard/upload-api";

// The wizard routes' answers, built from the domain's outcomes and parsed by the schemas the
// browser reads them with (lib/upload-wizard/upload-api.ts).

export function callOptionsOf(options: SubmitOptions): CallOptions {
  if (options.mode === "call")
    return { initiateCall: true, callConfig: { agentId: options.agentId, dispositionId: options.dispositionId } };
  return options.mode === "workflow" ? { useWorkflow: true } : {};
}

function rows(outcome: AddCustomersOutcome) {
  return {
    invalid: outcome.validation.invalid.map(({ index, id, issues }) => ({ index, id, issues })),
    notWritten: outcome.notWritten.map(({ index, id, code, reason }) => ({ index, id, code, message: reason })),
  };
}

export function chunkAnswer(
  outcome: AddCustomersOutcome & { callOptions: CallOptions },
  received: number,
  added: AddedCallsOutcome | null,
): UploadChunkAnswer {
  const calls = outcome.callOptions.initiateCall && added ? callsSummary(added) : null;
  return uploadChunkAnswerSchema.parse({
    uploadJobId: outcome.uploadJobId,
    received,
    added: outcome.added,
    ...rows(outcome),
    calls,
    // The chunk's customers were written with their workflow runs.
    workflowTriggered: outcome.callOptions.useWorkflow ? (outcome.workflowRuns ?? 0) > 0 : null,
  });
}

export function checkAnswer(outcome: AddCustomersOutcome): CheckRowsAnswer {
  return checkRowsAnswerSchema.parse(rows(outcome));
}

function callsSummary({ requested, result, refused }: AddedCallsOutcome) {
  if (!result) return { requested, initiated: 0, failed: requested, notes: refused ? [refused] : [] };
  const notes = result.errors.map((e) => `${e.identifier || "?"}: ${e.reason}`);
  if (result.scheduledFor) notes.unshift(`Calls wait for the calling window, which opens at ${result.scheduledFor.toISOString()}`);
  return { requested, initiated: result.initiated, failed: result.failed, notes };
}
