import { Prisma } from "@/lib/generated/prisma/client";
import { QUEUES, sendInTransaction } from "@/lib/jobs/boss";

// The outbox of call results: called inside the transaction that records a result (the calls
// engine's result hook), it writes a delivery row and its queue message, so a result and its
// webhook commit together or not at all. One delivery per result event: a result recorded twice
// (a redelivered provider webhook) adds nothing. Organizations without an enabled endpoint get
// no row.

type Tx = Prisma.TransactionClient;

export type CallResultEvent = {
  organizationId: string;
  /** The call (attempt) whose result this is. */
  callId: string;
  /** Unique per result event (e.g. the event row's id, or `<callId>:<outcome>`). */
  eventKey: string;
};

/** Call getBoss() before the transaction opens (the first start installs pg-boss's schema). */
export async function enqueueCallResultWebhook(tx: Tx, event: CallResultEvent): Promise<string | null> {
  const endpoint = await tx.webhookEndpoint.findUnique({ where: { organizationId: event.organizationId }, select: { enabled: true } });
  if (!endpoint?.enabled) return null;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO webhook_deliveries (id, "organizationId", "callId", "eventKey", "updatedAt")
    VALUES (${`whd_${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}`}, ${event.organizationId}, ${event.callId}, ${event.eventKey}, now())
    ON CONFLICT ("organizationId", "eventKey") DO NOTHING
    RETURNING id`;
  if (rows.length === 0) return null;
  await sendInTransaction(tx, QUEUES.webhookDelivery, { deliveryId: rows[0].id });
  return rows[0].id;
}

// Message statuses (the SMS / WhatsApp channel's Sent, Delivered, Read, Failed) go through the
// same outbox: a delivery row per (message, status) with eventType "sms" or "whatsapp", written
// in the transaction that records the status. The row's callId column holds the message id (it
// names the subject of the event; eventType says which kind).

export type MessageStatus = "Sent" | "Delivered" | "Read" | "Failed";
export type MessageStatusEvent = { organizationId: string; messageId: string; channel: string; status: MessageStatus };

export const messageEventKey = (messageId: string, status: MessageStatus) => `message:${messageId}:${status.toLowerCase()}`;

/** The status an event key names ("message:<id>:read" → "Read"); null for other events. */
export function messageStatusOf(eventKey: string): MessageStatus | null {
  const status = /^message:.+:(sent|delivered|read|failed)$/.exec(eventKey)?.[1];
  return status ? ((status[0].toUpperCase() + status.slice(1)) as MessageStatus) : null;
}

/** Call getBoss() before the transaction opens. One delivery per (message, status): a status recorded twice adds nothing. */
export async function enqueueMessageStatusWebhooks(tx: Tx, events: MessageStatusEvent[]): Promise<string[]> {
  const ids: string[] = [];
  for (const organizationId of new Set(events.map((e) => e.organizationId))) {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { organizationId }, select: { enabled: true } });
    if (!endpoint?.enabled) continue;
    const mine = events.filter((e) => e.organizationId === organizationId);
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO webhook_deliveries (id, "organizationId", "callId", "eventKey", "eventType", "updatedAt")
      SELECT 'whd_' || substr(md5(random()::text || u.key), 1, 20), ${organizationId}, u.message_id, u.key, u.channel, now()
      FROM unnest(${mine.map((e) => e.messageId)}::text[], ${mine.map((e) => messageEventKey(e.messageId, e.status))}::text[],
                  ${mine.map((e) => e.channel)}::text[]) AS u(message_id, key, channel)
      ON CONFLICT ("organizationId", "eventKey") DO NOTHING
      RETURNING id`;
    for (const row of rows) await sendInTransaction(tx, QUEUES.webhookDelivery, { deliveryId: row.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
