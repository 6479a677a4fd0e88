import type { CallOptions } from "@/lib/calls/call-options";
import { unavailableCallResults } from "@/lib/calls/call-options";
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
  if (options.mode === "call") return { initiateCall: true, callConfig: { agentId: options.agentId, dispositionId: options.dispositionId } };
  return options.mode === "workflow" ? { useWorkflow: true } : {};
}

function rows(outcome: AddCustomersOutcome) {
  return {
    invalid: outcome.validation.invalid.map(({ index, id, issues }) => ({ index, id, issues })),
    notWritten: outcome.notWritten.map(({ index, id, code, reason }) => ({ index, id, code, message: reason })),
  };
}

export function chunkAnswer(outcome: AddCustomersOutcome & { callOptions: CallOptions }, received: number): UploadChunkAnswer {
  const calls = outcome.callOptions.initiateCall ? unavailableCallResults(outcome.added) : null;
  return uploadChunkAnswerSchema.parse({
    uploadJobId: outcome.uploadJobId,
    received,
    added: outcome.added,
    ...rows(outcome),
    calls: calls && { requested: calls.totalRequested, initiated: calls.initiated, failed: calls.failed, notes: calls.errors.map((e) => e.reason) },
    // The chunk's customers were written with their workflow runs.
    workflowTriggered: outcome.callOptions.useWorkflow ? (outcome.workflowRuns ?? 0) > 0 : null,
  });
}

export function checkAnswer(outcome: AddCustomersOutcome): CheckRowsAnswer {
  return checkRowsAnswerSchema.parse(rows(outcome));
}
