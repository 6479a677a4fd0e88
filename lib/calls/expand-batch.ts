import { db } from "@/lib/db/client";
import { systemClock, type Clock } from "@/lib/domain/clock";
import { emitCallEvents } from "@/lib/calls/call-events";
import { prepareCallsQueue, wakeDispatcherInTransaction } from "@/lib/calls/dispatcher-wake";
import { CALL_BATCH_SIZE } from "@/lib/calls/schedule-calls";
import type { BlockReason } from "@/lib/calls/types";

// Writes the attempts of a call batch accepted by acceptNewCustomerCalls: chunks of 500, each in
// one transaction with the dispatcher's wake-up. Idempotent, so a redelivered message, a second
// worker or a run killed mid-way ends with exactly one first attempt per accepted customer:
// - the attempt insert skips, by the unique (batchId, customerId, attempt), what an earlier run wrote;
// - a customer another request gave a live attempt since the batch was accepted is skipped by
//   calls_one_live_attempt_per_customer; the second insert then gives it a terminal `cancelled`
//   attempt (blockedReason call_in_progress, a call.cancelled event), so it is not lost silently.
//   That insert, too, skips every customer that has this batch's attempt.
// A customer deleted in between has nothing left to call (the join drops it).

const SKIPPED: BlockReason = "call_in_progress";

export type ExpandReport = { scheduled: number; skipped: number; expanded: boolean };

export async function expandBatch(batchId: string, clock: Clock = systemClock): Promise<ExpandReport> {
  // The plan stays in the database: each chunk's statements read their slice of it.
  const [batch] = await db.$queryRaw<{ organizationId: string; size: number }[]>`
    SELECT "organizationId", cardinality("plannedCustomerIds") AS size FROM call_batches WHERE id = ${batchId} AND "expandedAt" IS NULL`;
  const report: ExpandReport = { scheduled: 0, skipped: 0, expanded: false };
  if (!batch) return report;
  await prepareCallsQueue();
  for (let start = 0; start < batch.size; start += CALL_BATCH_SIZE) {
    const now = clock.now();
    await db.$transaction(async (tx) => {
      // Both inserts skip what has this batch's attempt; a cancelled attempt is not live, so the
      // second one writes exactly the customers the first one skipped for their live attempt.
      const insert = (state: "scheduled" | "cancelled") => tx.$queryRaw<{ id: string; notBefore: Date }[]>`
        INSERT INTO calls (id, "organizationId", "campaignId", "customerId", "agentId", "dispositionId", "batchId", attempt,
                           "toPhone", "notBefore", "waitReason", state, "blockedReason", "finishedAt", "createdAt", "updatedAt")
        SELECT gen_random_uuid(), b."organizationId", b."campaignId", p.customer, b."agentId", b."dispositionId", b.id, 1,
               c."phoneE164", p.not_before,
               CASE WHEN ${state} = 'scheduled' THEN NULLIF(p.wait_reason, '') END, ${state}::"CallState",
               CASE WHEN ${state} = 'cancelled' THEN ${SKIPPED} END, CASE WHEN ${state} = 'cancelled' THEN ${now}::timestamp END,
               ${now}, ${now}
        FROM call_batches b
        CROSS JOIN LATERAL unnest(b."plannedCustomerIds"[${start + 1}:${start + CALL_BATCH_SIZE}],
                                  b."plannedNotBefore"[${start + 1}:${start + CALL_BATCH_SIZE}],
                                  b."plannedWaitReasons"[${start + 1}:${start + CALL_BATCH_SIZE}]) AS p(customer, not_before, wait_reason)
        JOIN customers c ON c.id = p.customer AND c."campaignId" = b."campaignId"
        WHERE b.id = ${batchId} AND b."agentId" IS NOT NULL
        ON CONFLICT DO NOTHING
        RETURNING id::text, "notBefore"`;
      const scheduled = await insert("scheduled");
      const skipped = await insert("cancelled");
      if (scheduled.length > 0) {
        const earliest = new Date(Math.min(...scheduled.map((r) => r.notBefore.getTime())));
        await wakeDispatcherInTransaction(tx, batch.organizationId, earliest, now);
      }
      await emitCallEvents(
        tx,
        skipped.map((s) => ({ organizationId: batch.organizationId, callId: s.id, type: "call.cancelled" as const, status: SKIPPED })),
      );
      report.scheduled += scheduled.length;
      report.skipped += skipped.length;
    });
  }
  await db.callBatch.updateMany({ where: { id: batchId, expandedAt: null }, data: { expandedAt: clock.now() } });
  return { ...report, expanded: true };
}
