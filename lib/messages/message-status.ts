import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getBoss } from "@/lib/jobs/boss";
import type { ChannelOutcome } from "@/lib/messages/channel";
import { enqueueMessageStatusWebhooks, type MessageStatus, type MessageStatusEvent } from "@/lib/webhooks/outbox";

// A message's delivery statuses, as the channel reports them: Sent when it accepted the message,
// then Delivered, Read or Failed. Each status the channel reports reaches the organization's
// webhook through the outbox (lib/webhooks/outbox.ts), in the transaction that records it, so a
// status and its webhook commit together or not at all, and a status reported twice is sent once.

type Tx = Prisma.TransactionClient;
type Sent = { id: string; organizationId: string; channel: string; status: string };

/** What the channel's answer at send time already says: Accepted → Sent; Delivered → Sent, Delivered. */
export function statusesAtSend(status: (ChannelOutcome & { ok: true })["status"]): MessageStatus[] {
  return status === "Delivered" ? ["Sent", "Delivered"] : ["Sent"];
}

/** Inside the transaction that writes the messages (call getBoss() before it opens). */
export async function enqueueSentStatuses(tx: Tx, messages: Sent[]): Promise<void> {
  const events: MessageStatusEvent[] = messages.flatMap((m) =>
    statusesAtSend(m.status as "Accepted" | "Delivered").map((status) => ({
      organizationId: m.organizationId,
      messageId: m.id,
      channel: m.channel,
      status,
    })),
  );
  if (events.length) await enqueueMessageStatusWebhooks(tx, events);
}

/**
 * A later status the channel reports (a provider's status callback, or the simulated channel's):
 * the message row takes it and its webhook is queued, in one transaction. A status reported
 * twice queues nothing the second time.
 */
export async function recordMessageStatus(
  ctx: DomainContext,
  messageId: string,
  status: Exclude<MessageStatus, "Sent">,
  error?: string,
): Promise<void> {
  const message = await db.message.findFirst({ where: { id: messageId, organizationId: ctx.organizationId } });
  if (!message) throw new NotFound("Message not found", { resource: "message", value: messageId });
  await getBoss();
  await db.$transaction(async (tx) => {
    await enqueueMessageStatusWebhooks(tx, [
      { organizationId: message.organizationId, messageId: message.id, channel: message.channel, status },
    ]);
    await tx.message.update({
      where: { id: message.id },
      data: { status, ...(status === "Failed" && { blockedReason: error ?? "The channel reported the message failed" }) },
    });
  });
}
