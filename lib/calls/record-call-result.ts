import { db } from "@/lib/db/client";
import { Invalid } from "@/lib/domain/errors";
import type { Clock } from "@/lib/domain/clock";
import { finishAttempts, type Finish } from "@/lib/calls/finish-attempts";
import { prepareCallsQueue, wakeDispatcherInTransaction } from "@/lib/calls/calls-queue";
import { callResultInputSchema, type CallResultInput, type RecordResultOutcome } from "@/lib/calls/types";

// THE results path: the simulated dialer and the provider webhook both end here. Idempotent on
// the provider call id (a second delivery finds the attempt already ended: "unchanged"), safe out
// of order (a result that arrives before the dialer stored the provider call id binds through
// `attemptId`; an older result never overwrites the customer's newer last outcome).

export type ResultScope = { organizationId: string };
export type RecordOptions = {
  /** Wake the dispatcher (a freed concurrency slot, a retry). The dispatcher's own loop passes false. */
  wake?: boolean;
};

export async function recordCallResult(scope: ResultScope, input: CallResultInput, options: RecordOptions = {}): Promise<RecordResultOutcome> {
  const [outcome] = await recordCallResults(scope, [input], input.clock, options);
  return outcome;
}

/** Many results of one organization in one transaction; one outcome per input, in order. */
export async function recordCallResults(scope: ResultScope, inputs: Omit<CallResultInput, "clock">[], clock: Clock, options: RecordOptions = {}): Promise<RecordResultOutcome[]> {
  const parsed = inputs.map((input, index) => {
    const result = callResultInputSchema.safeParse(input);
    if (!result.success) throw new Invalid("Invalid call result", { issues: result.error.issues.map((i) => `[${index}] ${i.path.join(".")} ${i.message}`) });
    return result.data;
  });
  const wake = options.wake ?? true;
  if (wake) await prepareCallsQueue();
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const { organizationId } = scope;
    const providerIds = [...new Set(parsed.map((p) => p.providerCallId))];
    const byProvider = await tx.$queryRaw<{ id: string; providerCallId: string; state: string }[]>`
      SELECT id::text, "providerCallId", state::text FROM calls
      WHERE "organizationId" = ${organizationId} AND "providerCallId" = ANY(${providerIds}::text[]) FOR UPDATE`;
    const calls = new Map(byProvider.map((c) => [c.providerCallId, c]));
    const unbound = parsed.filter((p) => !calls.has(p.providerCallId) && p.attemptId);
    if (unbound.length > 0) {
      const bound = await tx.$queryRaw<{ id: string; providerCallId: string; state: string }[]>`
        UPDATE calls c SET "providerCallId" = f.provider FROM unnest(${unbound.map((p) => p.attemptId!)}::uuid[], ${unbound.map((p) => p.providerCallId)}::text[]) AS f(id, provider)
        WHERE c.id = f.id AND c."organizationId" = ${organizationId} AND c."providerCallId" IS NULL
        RETURNING c.id::text, c."providerCallId", c.state::text`;
      for (const c of bound) calls.set(c.providerCallId, c);
    }
    const names = [...new Set(parsed.map((p) => p.disposition).filter((d): d is string => !!d))];
    const dispositions = names.length
      ? await tx.disposition.findMany({ where: { organizationId, name: { in: names, mode: "insensitive" } }, select: { id: true, name: true } })
      : [];
    const dispositionId = new Map(dispositions.map((d) => [d.name.toLowerCase(), d.id]));

    const seen = new Set<string>();
    const finishes: Finish[] = [];
    for (const p of parsed) {
      const call = calls.get(p.providerCallId);
      if (!call || call.state !== "dialing" || seen.has(call.id)) continue;
      seen.add(call.id);
      finishes.push({ ...p, callId: call.id, dispositionId: p.disposition ? (dispositionId.get(p.disposition.toLowerCase()) ?? null) : null });
    }
    const report = await finishAttempts(tx, finishes, now);
    const ended = new Set(report.finished.map((f) => f.id));
    if (wake && ended.size > 0) await wakeDispatcherInTransaction(tx, organizationId, now, now);
    const retryOf = new Map(report.retries.map((r) => [r.retryOfId, r]));
    const reported = new Set<string>();
    return parsed.map((p): RecordResultOutcome => {
      const call = calls.get(p.providerCallId);
      if (!call) return { outcome: "not_found" };
      if (!ended.has(call.id) || reported.has(call.id)) return { outcome: "unchanged", callId: call.id };
      reported.add(call.id);
      const retry = retryOf.get(call.id);
      return { outcome: "updated", callId: call.id, state: p.status === "Failed" ? "failed" : "completed", retry: retry ? { callId: retry.callId, notBefore: retry.notBefore } : null };
    });
  });
}
