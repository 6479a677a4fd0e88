import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import type { LastCall } from "@/lib/workflows/branch";
import { claimDueRuns, type ClaimedRun } from "@/lib/workflows/claim-runs";
import { followingStep } from "@/lib/workflows/definition";
import { applyRunWrites, type RunWrite } from "@/lib/workflows/apply-plans";
import { loadPass, type PassData } from "@/lib/workflows/load-pass";
import { planRun, type Plan } from "@/lib/workflows/plan-run";
import { scheduleWorkflowCalls, type CallRequest } from "@/lib/workflows/workflow-calls";

// One pass of the workflow runner, drivable with any clock: the queue handler calls it with the
// system clock, tests with a manual one. A pass claims due runs (claim-runs.ts), finishes the
// call steps whose attempts have all ended (polling the attempts' final state: the calls table is
// the truth, so nothing is lost when no process listened for the engine's events), plans each run
// in memory (plan-run.ts), writes every decision in one transaction (apply-plans.ts), and then
// schedules the pass's call steps through the dial engine's scheduleCalls (workflow-calls.ts).

export type RunnerOptions = { clock: Clock; limit?: number; organizationId?: string };
export type RunnerReport = { claimed: number; steps: number; calls: number; finished: number };

export async function runDueWorkflowSteps(options: RunnerOptions): Promise<RunnerReport> {
  const now = options.clock.now();
  const runs = await claimDueRuns(now, options.limit ?? 1_000, options.organizationId);
  const report: RunnerReport = { claimed: runs.length, steps: 0, calls: 0, finished: 0 };
  if (runs.length === 0) return report;
  const data = await loadPass(runs);
  const finals = await finalAttempts(runs.filter((r) => r.state === "waiting_call" && r.callBatchId));

  const writes: RunWrite[] = [];
  const calls: CallRequest[] = [];
  const keys = new Map<string, string>();
  for (const run of runs) {
    if (run.state === "waiting_call" && !run.callBatchId) {
      calls.push(recoveredCall(run, data)); // a worker died between the intent and scheduleCalls
      continue;
    }
    const write = planAndWrite(run, data, finals, now);
    if (write.call) {
      const groupKey = `${run.campaignId}|${write.call.agentId}|${write.call.dispositionId}`;
      const requestKey = keys.get(groupKey) ?? `workflow:${randomUUID()}`;
      keys.set(groupKey, requestKey);
      write.write.history.push({
        seq: write.call.seq,
        stepId: write.call.stepId,
        type: "call",
        status: "running",
        result: {},
        startedAt: now,
        finishedAt: null,
      });
      Object.assign(write.write, { keepLease: true, callRequestKey: requestKey, callBatchId: null });
      write.write.next = { ...write.write.next, state: "waiting_call", dueAt: null, waitUntil: null };
      calls.push({
        run,
        requestKey,
        agentId: write.call.agentId,
        dispositionId: write.call.dispositionId,
        seq: write.call.seq,
        stepId: write.call.stepId,
        lastCall: write.write.next.lastCall,
      });
    }
    writes.push(write.write);
  }
  const applied = await db.$transaction((tx) => applyRunWrites(tx, writes), { timeout: 60_000 });
  for (const w of writes) {
    if (!applied.has(w.id)) continue;
    report.steps += w.history.filter((h) => h.status !== "running").length + (w.finishCall ? 1 : 0);
    if (["completed", "stopped", "failed"].includes(w.next.state)) report.finished++;
  }
  const toSchedule = calls.filter((c) => (c.run.state === "waiting_call" && !c.run.callBatchId) || applied.has(c.run.id));
  report.calls = await scheduleWorkflowCalls(toSchedule, data, options.clock);
  return report;
}

function planAndWrite(
  run: ClaimedRun,
  data: PassData,
  finals: Map<string, FinalAttempt>,
  now: Date,
): { write: RunWrite; call: Plan["call"] } {
  const definition = data.definitions.get(run.workflowVersionId)!;
  let finishCall: RunWrite["finishCall"] = null;
  let current = run;
  if (run.state === "waiting_call") {
    // The call step's attempts have all ended: record its outcome and move on.
    const attempt = finals.get(run.id);
    const lastCall = attempt ? toLastCall(attempt) : null;
    finishCall = {
      seq: run.stepSeq + 1,
      status: attempt ? (attempt.state === "completed" || attempt.state === "failed" ? "done" : attempt.state) : "cancelled",
      result: attempt ? { callId: attempt.id, attempts: attempt.attempt, state: attempt.state, ...lastCall } : { reason: "no attempt" },
      callId: attempt?.id ?? null,
      at: now,
    };
    current = {
      ...run,
      state: "active",
      stepSeq: run.stepSeq + 1,
      stepId: followingStep(definition, run.stepId!),
      lastCall: lastCall ?? run.lastCall,
      waitUntil: null,
      dueAt: now,
    };
  }
  const campaign = data.campaigns.get(run.campaignId)!;
  const customer = run.customerId ? (data.customers.get(run.customerId) ?? null) : null;
  const plan = planRun(
    current,
    {
      now,
      definition,
      campaign,
      customer,
      dnc: customer !== null && data.dnc.has(`${run.campaignId}|${customer.phoneE164}`),
      templates: data.templates,
      groupsByDisposition: data.groupsByDisposition.get(run.organizationId) ?? new Map(),
    },
    randomUUID,
  );
  const write: RunWrite = {
    id: run.id,
    expectSeq: run.stepSeq,
    expectState: run.state,
    next: plan.next,
    keepLease: false,
    callRequestKey: null,
    callBatchId: null,
    history: plan.history,
    finishCall,
    messages: plan.messages.map((m) => ({
      ...m,
      organizationId: run.organizationId,
      campaignId: run.campaignId,
      customerId: run.customerId!,
    })),
    customerId: run.customerId,
    setFields: plan.setFields,
  };
  return { write, call: plan.call };
}

function recoveredCall(run: ClaimedRun, data: PassData): CallRequest {
  const step = data.definitions.get(run.workflowVersionId)!.steps.find((s) => s.id === run.stepId);
  const call = step?.type === "call" ? step : null;
  return {
    run,
    requestKey: run.callRequestKey!,
    agentId: call?.agentId ?? "",
    dispositionId: call?.dispositionId ?? null,
    seq: run.stepSeq + 1,
    stepId: run.stepId ?? "",
    lastCall: (run.lastCall as LastCall | null) ?? null,
  };
}

type FinalAttempt = {
  runId: string;
  id: string;
  attempt: number;
  state: string;
  outcome: string | null;
  outcomeDisposition: string | null;
  outcomeDispositionId: string | null;
  extractedData: unknown;
  blockedReason: string | null;
};

/** The newest attempt (the engine's last retry) of each run's call step. */
async function finalAttempts(runs: ClaimedRun[]): Promise<Map<string, FinalAttempt>> {
  if (runs.length === 0) return new Map();
  const rows = await db.$queryRaw<FinalAttempt[]>`
    SELECT DISTINCT ON (u.run_id) u.run_id::text AS "runId", c.id::text, c.attempt, c.state::text, c.outcome, c."outcomeDisposition",
           c."outcomeDispositionId", c."extractedData", c."blockedReason"
    FROM unnest(${runs.map((r) => r.id)}::text[], ${runs.map((r) => r.callBatchId!)}::text[], ${runs.map((r) => r.customerId)}::uuid[]) AS u(run_id, batch_id, customer_id)
    JOIN calls c ON c."batchId" = u.batch_id AND c."customerId" = u.customer_id
    ORDER BY u.run_id, c.attempt DESC`;
  return new Map(rows.map((r) => [r.runId, r]));
}

function toLastCall(a: FinalAttempt): LastCall {
  const status: LastCall["status"] =
    a.state === "completed" || a.state === "failed" ? ((a.outcome as LastCall["status"] | null) ?? "Failed") : "Blocked";
  return {
    status,
    disposition: a.outcomeDisposition,
    dispositionId: a.outcomeDispositionId,
    extractedData: (a.extractedData as Record<string, unknown> | null) ?? {},
    callId: a.id,
    ...(a.blockedReason && { reason: a.blockedReason }),
  };
}
