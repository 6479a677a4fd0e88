import { db } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { DomainError } from "@/lib/domain/errors";
import { scheduleCalls } from "@/lib/calls/schedule-calls";
import { MissingAgentVariables } from "@/lib/agents/agent-variables";
import type { LastCall } from "@/lib/workflows/branch";
import type { ClaimedRun } from "@/lib/workflows/claim-runs";
import { followingStep } from "@/lib/workflows/definition";
import { applyRunWrites, type RunWrite } from "@/lib/workflows/apply-plans";
import type { PassData } from "@/lib/workflows/load-pass";
import { logError } from "@/lib/log";

// A workflow's call step goes through the dial engine like any call: scheduleCalls with a request
// key recorded on the run BEFORE scheduling (so windows, DNC, the frequency cap and one live
// attempt per customer all hold, and a worker that dies in between schedules the same key again,
// which adds no second attempt). Accepted customers' runs wait for their attempts to end (the
// runner polls their final state); customers the engine refuses get the step recorded as blocked
// with the engine's code and reason, and move on (a branch on status "Blocked" sees it).

export type CallRequest = {
  run: ClaimedRun;
  requestKey: string;
  agentId: string;
  dispositionId: string | null;
  seq: number;
  stepId: string;
  lastCall: LastCall | null;
};

export async function scheduleWorkflowCalls(requests: CallRequest[], data: PassData, clock: Clock): Promise<number> {
  const groups = new Map<string, CallRequest[]>();
  for (const r of requests) groups.set(r.requestKey, [...(groups.get(r.requestKey) ?? []), r]);
  let scheduled = 0;
  for (const [requestKey, group] of groups) {
    const { organizationId, campaignId } = group[0].run;
    const ctx = { organizationId, actor: { userId: null, apiKeyId: null, role: "admin" as const }, source: "workflow" as const };
    const refused = new Map<string, { error: string; reason: string }>();
    let batchId: string | null = null;
    try {
      const result = await scheduleCalls(ctx, {
        campaignId,
        customerIds: group.map((r) => r.run.customerId!).filter(Boolean),
        agentId: group[0].agentId,
        dispositionId: group[0].dispositionId,
        requestKey,
        clock,
      });
      batchId = result.batchId;
      for (const e of result.errors) refused.set(e.customerId, { error: e.error, reason: e.reason });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error; // the lease expires and the same key is scheduled again
      const code = error instanceof MissingAgentVariables ? "MISSING_AGENT_VARIABLES" : error.kind.toUpperCase();
      for (const r of group) refused.set(r.run.customerId ?? "", { error: code, reason: error.message });
    }
    const now = clock.now();
    const writes: RunWrite[] = group.map((r) => {
      const refusal =
        refused.get(r.run.customerId ?? "") ??
        (r.run.customerId ? null : { error: "CUSTOMER_NOT_FOUND", reason: "The customer was deleted" });
      const base = {
        id: r.run.id,
        expectSeq: r.seq - 1,
        expectState: "waiting_call",
        keepLease: false,
        history: [],
        messages: [],
        customerId: r.run.customerId,
        setFields: null,
      };
      const definition = data.definitions.get(r.run.workflowVersionId)!;
      if (!refusal) {
        return {
          ...base,
          next: waiting(r.seq - 1, r.stepId, r.lastCall),
          callRequestKey: requestKey,
          callBatchId: batchId,
          finishCall: null,
        };
      }
      const lastCall = {
        status: "Blocked" as const,
        disposition: null,
        dispositionId: null,
        extractedData: {},
        callId: null,
        reason: refusal.error,
      };
      return {
        ...base,
        callRequestKey: null,
        callBatchId: null,
        next: {
          state: "active",
          stepId: followingStep(definition, r.stepId),
          stepSeq: r.seq,
          dueAt: now,
          waitUntil: null,
          lastCall,
          stopReason: null,
          finishedAt: null,
        },
        finishCall: { seq: r.seq, status: "blocked", result: { status: "Blocked", ...refusal }, callId: null, at: now },
      };
    });
    const applied = await db
      .$transaction((tx) => applyRunWrites(tx, writes))
      .catch((error: unknown) => {
        logError("workflow call confirmation failed", error, { requestKey });
        return new Set<string>();
      });
    scheduled += writes.filter((w) => applied.has(w.id) && w.callBatchId).length;
  }
  return scheduled;
}

function waiting(stepSeq: number, stepId: string, lastCall: LastCall | null) {
  return { state: "waiting_call", stepId, stepSeq, dueAt: null, waitUntil: null, lastCall, stopReason: null, finishedAt: null };
}
