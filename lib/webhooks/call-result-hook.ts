import { onCallEvent } from "@/lib/calls/call-events";
import { db } from "@/lib/db/client";
import { getBoss, QUEUES, send } from "@/lib/jobs/boss";
import { enqueueCallResultWebhook } from "./outbox";

// Wires results out to the calls engine: every call.result event gets its webhook delivery in
// the transaction that records the result (onCallEvent runs inside it). Registered once per
// process — web (the provider webhook) and workers (simulated results) alike. The sweep catches
// results recorded by a process that never registered (a script, `npm run seed`).

const holder = globalThis as unknown as { dialsheetCallResultHook?: boolean };

/** Registers the hook (once) and starts the queue it enqueues on. */
export async function ensureCallResultWebhooks(): Promise<void> {
  if (!holder.dialsheetCallResultHook) {
    holder.dialsheetCallResultHook = true;
    onCallEvent(async (tx, event) => {
      if (event.type !== "call.result") return;
      await enqueueCallResultWebhook(tx, { organizationId: event.organizationId, callId: event.callId, eventKey: callEventKey(event.id) });
    });
  }
  await getBoss();
}

export const callEventKey = (eventId: bigint | number | string) => `call_event:${eventId}`;

/** Result events of the last day without a delivery, for organizations with an enabled endpoint. */
export async function requeueMissedCallResults(limit = 500): Promise<number> {
  const missed = await db.$queryRaw<{ id: string }[]>`
    WITH picked AS (
      SELECT e.id, e."organizationId", e."callId"::text AS "callId" FROM call_events e
      JOIN webhook_endpoints w ON w."organizationId" = e."organizationId" AND w.enabled
      WHERE e.type = 'call.result' AND e."createdAt" > now() - interval '1 day' AND e."createdAt" < now() - interval '10 seconds'
        AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d."organizationId" = e."organizationId" AND d."eventKey" = 'call_event:' || e.id)
      ORDER BY e.id LIMIT ${limit}
    )
    INSERT INTO webhook_deliveries (id, "organizationId", "callId", "eventKey", "updatedAt")
    SELECT 'whd_' || substr(md5(random()::text || picked.id::text), 1, 20), "organizationId", "callId", 'call_event:' || picked.id, now() FROM picked
    ON CONFLICT ("organizationId", "eventKey") DO NOTHING
    RETURNING id`;
  for (const row of missed) await send(QUEUES.webhookDelivery, { deliveryId: row.id });
  return missed.length;
}
