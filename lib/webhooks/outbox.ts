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
