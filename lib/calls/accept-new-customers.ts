import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { emptyVariables } from "@/lib/agents/agent-variables";
import {
  loadCallRequest,
  numberChecks,
  toScheduleError,
  verdicts,
  waitReasonOf,
  type EvaluatedCustomer,
} from "@/lib/calls/evaluate-request";
import { newCustomerRecord } from "@/lib/calls/preflight-new-customers";
import { CALL_BATCH_SIZE, scheduleCalls } from "@/lib/calls/schedule-calls";
import { enqueueExpansion, prepareExpandQueue } from "@/lib/calls/expand-queue";
import type { ScheduleCallsInput, ScheduleCallsResult, ScheduleError } from "@/lib/calls/types";

// Calls for customers this very request created (bulk add with initiateCall): the request answers
// exactly what scheduleCalls would (the same verdicts, per customer), but writes only the call
// batch with the accepted customers and one calls-expand message holding the batch id, in one
// transaction. The worker (lib/calls/expand-batch.ts) writes the attempts. Freshly created
// customers have no attempts, so nothing is read per customer but their numbers' DNC entries and
// frequency-cap usage; their time zone and the agent's variables come from the records in hand.

/** A customer created by the request: its row id, its identifier, and the record as validated. */
export type NewCustomerCall = { customerId: string; identifier: string; phoneE164: string; values: Record<string, unknown> };

export type AcceptNewCustomersInput = Omit<ScheduleCallsInput, "customerIds" | "requestKey"> & {
  customers: NewCustomerCall[];
  requestKey: string;
};

export async function acceptNewCustomerCalls(ctx: DomainContext, input: AcceptNewCustomersInput): Promise<ScheduleCallsResult> {
  const now = input.clock.now();
  const { customers: _, ...rest } = input;
  const scheduleInput: ScheduleCallsInput = { ...rest, customerIds: input.customers.map((c) => c.customerId) };
  const phones = input.customers.map((c) => c.phoneE164);
  const [request, checks] = await Promise.all([
    loadCallRequest(ctx, scheduleInput, now, async () => null),
    numberChecks(ctx, input.campaignId, phones, now),
  ]);
  // The key was used before (a replayed request): the attempts it has are the truth there.
  if (request.batch) return scheduleCalls(ctx, scheduleInput);
  const { agent, schema } = request;
  const verdictOf = verdicts(request, checks);
  const seen = new Set<string>();
  const evaluated = input.customers.flatMap((c): EvaluatedCustomer[] => {
    if (seen.has(c.customerId)) return [];
    seen.add(c.customerId);
    const zone = typeof c.values.timezone === "string" ? c.values.timezone : null;
    const empty = agent.variables.length ? emptyVariables(agent.variables, newCustomerRecord(c.values, c.identifier, schema)) : [];
    const verdict = verdictOf({ phone: c.phoneE164, zone, live: false, emptyVariables: empty });
    return [{ customerId: c.customerId, identifier: c.identifier, phone: c.phoneE164, verdict }];
  });

  const accepted = evaluated.flatMap((c) => (c.verdict.kind === "accept" ? [{ customerId: c.customerId, verdict: c.verdict }] : []));
  await prepareExpandQueue();
  // The notBefore instants go as ISO text (a cast to timestamp keeps their UTC wall time): the
  // driver takes several times longer to bind 10,000 Dates.
  const batchId = await db.$transaction(async (tx) => {
    const [batch] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO call_batches (id, "organizationId", "campaignId", "requestKey", "agentId", "dispositionId", source, total,
                                  "plannedCustomerIds", "plannedNotBefore", "plannedWaitReasons", "expandedAt")
        VALUES (gen_random_uuid()::text, ${ctx.organizationId}, ${input.campaignId}, ${input.requestKey}, ${input.agentId},
                ${input.dispositionId}, ${ctx.source}, ${evaluated.length}, ${accepted.map((c) => c.customerId)}::uuid[],
                ${accepted.map((c) => c.verdict.notBefore.toISOString())}::text[]::timestamp(3)[], ${accepted.map((c) => waitReasonOf(c.verdict) ?? "")}::text[],
                ${accepted.length === 0 ? now : null})
        ON CONFLICT ("organizationId", "requestKey") DO NOTHING
        RETURNING id`;
    // Another delivery of the key got there first: nothing of this one is written.
    if (!batch) return null;
    if (accepted.length > 0) await enqueueExpansion(tx, batch.id);
    return batch.id;
  });
  if (batchId === null) return scheduleCalls(ctx, scheduleInput);

  const errors: ScheduleError[] = [];
  let scheduledFor: Date | null = null;
  for (const c of evaluated) {
    const error = toScheduleError(c);
    if (error) errors.push(error);
    else if (c.verdict.kind === "accept" && c.verdict.wait === "window" && (!scheduledFor || c.verdict.notBefore < scheduledFor))
      scheduledFor = c.verdict.notBefore;
  }
  return {
    totalRequested: evaluated.length,
    initiated: accepted.length,
    failed: errors.length,
    batchesProcessed: Math.ceil(evaluated.length / CALL_BATCH_SIZE),
    scheduledFor,
    errors,
    batchId,
  };
}
