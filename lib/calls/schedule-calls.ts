import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { evaluateRequest, toScheduleError, waitReasonOf, type EvaluatedCustomer } from "@/lib/calls/evaluate-request";
import { insertAttempts } from "@/lib/calls/insert-attempts";
import { prepareCallsQueue, wakeDispatcherInTransaction } from "@/lib/calls/dispatcher-wake";
import type { ScheduleCallsInput, ScheduleCallsResult, ScheduleError } from "@/lib/calls/types";

// Schedules one attempt per callable customer: the attempts of each batch of 500 and the
// dispatcher's wake-up message commit in one transaction. Nothing is dialled here: the dispatcher
// re-checks every attempt when it is due. A customer that cannot be called is reported in
// `errors` with a code. Idempotent per requestKey: the key's CallBatch holds at most one first
// attempt per customer (unique (batchId, customerId, attempt)), so a retried request adds none.

export const CALL_BATCH_SIZE = 500;

export async function scheduleCalls(ctx: DomainContext, input: ScheduleCallsInput): Promise<ScheduleCallsResult> {
  const { campaign, batch: existing, now, evaluated } = await evaluateRequest(ctx, input);
  const batch = existing ?? (await openBatch(ctx, input, evaluated.length));
  await prepareCallsQueue();

  // Two batches in flight (distinct customers, so they never conflict); reported in request order.
  const chunks: EvaluatedCustomer[][] = [];
  for (let start = 0; start < evaluated.length; start += CALL_BATCH_SIZE) chunks.push(evaluated.slice(start, start + CALL_BATCH_SIZE));
  const written: Set<string>[] = new Array(chunks.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < chunks.length; i = next++) written[i] = await writeChunk(ctx, input, campaign.id, batch.id, chunks[i], now);
  };
  await Promise.all([lane(), lane()]);

  const errors: ScheduleError[] = [];
  let initiated = 0;
  let scheduledFor: Date | null = null;
  for (const [i, chunk] of chunks.entries()) {
    const inserted = written[i];
    // Skipped by the database: a concurrent delivery of this key wrote it (replay), or another
    // request gave the customer a live attempt in between (in a call).
    const lost = chunk.filter((c) => c.verdict.kind === "accept" && !inserted.has(c.customerId));
    const replayedNow = lost.length ? await inBatch(batch.id, lost) : new Set<string>();
    for (const c of chunk) {
      const error = toScheduleError(c);
      if (error) errors.push(error);
      else if (c.verdict.kind === "replay" || inserted.has(c.customerId) || replayedNow.has(c.customerId)) {
        initiated++;
        if (c.verdict.kind === "accept" && c.verdict.wait === "window" && (!scheduledFor || c.verdict.notBefore < scheduledFor))
          scheduledFor = c.verdict.notBefore;
      } else {
        errors.push({
          customerId: c.customerId,
          identifier: c.identifier,
          error: "CALL_IN_PROGRESS",
          reason: "The customer already has a call scheduled or in progress",
        });
      }
    }
  }
  return {
    totalRequested: evaluated.length,
    initiated,
    failed: errors.length,
    batchesProcessed: Math.ceil(evaluated.length / CALL_BATCH_SIZE),
    scheduledFor,
    errors,
    batchId: batch.id,
  };
}

/** One batch: its attempts and the dispatcher's wake-up, in one transaction. */
async function writeChunk(
  ctx: DomainContext,
  input: ScheduleCallsInput,
  campaignId: string,
  batchId: string,
  chunk: EvaluatedCustomer[],
  now: Date,
) {
  const accepted = chunk.flatMap((c) => (c.verdict.kind === "accept" ? [{ ...c, verdict: c.verdict }] : []));
  if (accepted.length === 0) return new Set<string>();
  return db.$transaction(async (tx) => {
    const rows = await insertAttempts(
      tx,
      accepted.map((c) => ({
        organizationId: ctx.organizationId,
        campaignId,
        customerId: c.customerId,
        agentId: input.agentId,
        dispositionId: input.dispositionId,
        batchId,
        attempt: 1,
        retryOfId: null,
        toPhone: c.phone,
        notBefore: c.verdict.notBefore,
        waitReason: waitReasonOf(c.verdict),
      })),
      now,
    );
    if (rows.length > 0) {
      const earliest = new Date(Math.min(...rows.map((r) => r.notBefore.getTime())));
      await wakeDispatcherInTransaction(tx, ctx.organizationId, earliest, now);
    }
    return new Set(rows.map((r) => r.customerId));
  });
}

async function openBatch(ctx: DomainContext, input: ScheduleCallsInput, total: number) {
  const data = {
    organizationId: ctx.organizationId,
    campaignId: input.campaignId,
    requestKey: input.requestKey ?? null,
    agentId: input.agentId,
    dispositionId: input.dispositionId,
    source: ctx.source,
    total,
  };
  if (!input.requestKey) return db.callBatch.create({ data, select: { id: true } });
  // Two deliveries of one key at once: one creates, both use it.
  await db.callBatch.createMany({ data: [data], skipDuplicates: true });
  return db.callBatch.findUniqueOrThrow({
    where: { organizationId_requestKey: { organizationId: ctx.organizationId, requestKey: input.requestKey } },
    select: { id: true },
  });
}

async function inBatch(batchId: string, customers: EvaluatedCustomer[]) {
  const rows = await db.call.findMany({
    where: { batchId, attempt: 1, customerId: { in: customers.map((c) => c.customerId) } },
    select: { customerId: true },
  });
  return new Set(rows.map((r) => r.customerId));
}
