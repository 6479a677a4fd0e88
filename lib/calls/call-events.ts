import type { Prisma } from "@/lib/generated/prisma/client";
import type { CallEventRecord, CallEventType } from "@/lib/calls/types";

// The calls outbox. Every change another system must hear about (a result, a block, a cancel) is
// written as a call_events row IN THE SAME TRANSACTION as the change, at most once per (call,
// type). Consumers (the organization-webhook outbox) plug in one of two ways:
//   1. onCallEvent(hook): the hook runs inside that same transaction for each new event, e.g. to
//      enqueue a delivery message with sendInTransaction(tx, …). If it throws, the change rolls back.
//   2. read call_events by ascending id (a cursor), e.g. a repair sweep for events with no delivery.
// Events are never updated or deleted by the calls domain (they go with their call).

export type CallEventHook = (tx: Prisma.TransactionClient, event: CallEventRecord) => Promise<void>;

const holder = globalThis as unknown as { dialsheetCallEventHooks?: Set<CallEventHook> };
const hooks = (holder.dialsheetCallEventHooks ??= new Set());

/** Registers a hook for every new call event of this process; returns the unregister function. */
export function onCallEvent(hook: CallEventHook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export type NewCallEvent = { organizationId: string; callId: string; type: CallEventType; status: string | null };

/** Writes the events (skipping any (call, type) already written) and runs the hooks on the new ones. */
export async function emitCallEvents(tx: Prisma.TransactionClient, events: NewCallEvent[]): Promise<CallEventRecord[]> {
  if (events.length === 0) return [];
  const inserted = await tx.$queryRaw<CallEventRecord[]>`
    INSERT INTO call_events ("organizationId", "callId", type, status)
    SELECT * FROM unnest(${events.map((e) => e.organizationId)}::text[], ${events.map((e) => e.callId)}::uuid[],
                         ${events.map((e) => e.type)}::text[], ${events.map((e) => e.status)}::text[])
    ON CONFLICT ("callId", type) DO NOTHING
    RETURNING id, "organizationId", "callId"::text AS "callId", type, status`;
  for (const event of inserted) for (const hook of hooks) await hook(tx, event);
  return inserted;
}
