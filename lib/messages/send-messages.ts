import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dncBlocked, isDnc } from "@/lib/calls/call-checks";
import { checkWindow, effectiveZone } from "@/lib/calls/calling-window";
import { customerZone } from "@/lib/calls/evaluate-request";
import type { Clock } from "@/lib/domain/clock";
import type { DomainContext } from "@/lib/domain/context";
import { Invalid, NotFound } from "@/lib/domain/errors";
import { simulatedChannel, type MessageChannel } from "@/lib/messages/channel";
import { customerFields, renderTemplate } from "@/lib/messages/render-template";
import { enqueueSentStatuses } from "@/lib/messages/message-status";
import { assertTemplateFits, findTemplate } from "@/lib/messages/templates";
import { getBoss } from "@/lib/jobs/boss";

// Sends one template to chosen customers of a campaign through a channel (the simulated one by
// default). The rules of calls apply: an active DNC entry (global or the campaign's) blocks, and
// outside the calling window (quiet hours: the campaign's hours ∩ the legal hours, in the
// customer's time zone) nothing is sent — the customer is reported with when the window opens.

export const MESSAGE_BATCH = 500;

export type SendMessagesInput = {
  campaignId: string;
  channel: "sms" | "whatsapp";
  templateId: string;
  customerIds: string[];
  conversation?: { agentId: string; dispositionId: string };
  clock: Clock;
  messageChannel?: MessageChannel;
};
export type MessageError = {
  customerId: string;
  identifier: string;
  error: "DNC_BLOCKED" | "QUIET_HOURS" | "CAMPAIGN_ENDED" | "SEND_FAILED";
  reason: string;
};
export type SendMessagesResult = {
  totalRequested: number;
  initiated: number;
  failed: number;
  batchesProcessed: number;
  errors: MessageError[];
  messageIds: string[];
};

export async function sendMessages(ctx: DomainContext, input: SendMessagesInput): Promise<SendMessagesResult> {
  const campaign = await db.campaign.findFirst({ where: { id: input.campaignId, organizationId: ctx.organizationId } });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign" });
  if (campaign.status === "completed")
    throw new Invalid("Validation failed", { issues: ["the campaign is completed: it sends no new messages"] });
  const template = await findTemplate(ctx, input.templateId, input.channel);
  await assertTemplateFits(ctx, template.body, campaign.id);
  if (input.conversation) {
    const [agent, disposition] = await Promise.all([
      db.agent.findFirst({ where: { id: input.conversation.agentId, organizationId: ctx.organizationId }, select: { id: true } }),
      db.disposition.findFirst({
        where: { id: input.conversation.dispositionId, organizationId: ctx.organizationId },
        select: { id: true },
      }),
    ]);
    if (!agent) throw new NotFound("Agent not found", { resource: "agent", field: "conversationSettings.agentId" });
    if (!disposition) throw new NotFound("Disposition not found", { resource: "disposition", field: "conversationSettings.dispositionId" });
  }
  const channel = input.messageChannel ?? simulatedChannel;
  const now = input.clock.now();
  const result: SendMessagesResult = {
    totalRequested: input.customerIds.length,
    initiated: 0,
    failed: 0,
    batchesProcessed: 0,
    errors: [],
    messageIds: [],
  };

  for (let start = 0; start < input.customerIds.length; start += MESSAGE_BATCH) {
    const ids = input.customerIds.slice(start, start + MESSAGE_BATCH);
    // In the selection's order, so the results (and their errors) list customers as they were chosen.
    const position = new Map(ids.map((id, i) => [id, i]));
    const customers = (await db.customer.findMany({ where: { campaignId: campaign.id, id: { in: ids } } })).sort(
      (x, y) => (position.get(x.id) ?? 0) - (position.get(y.id) ?? 0),
    );
    const dnc = await dncBlocked(
      db,
      ctx.organizationId,
      [campaign.id],
      customers.map((c) => c.phoneE164),
    );
    const rows: (Prisma.MessageCreateManyInput & { id: string; status: string })[] = [];
    for (const c of customers) {
      const fail = (error: MessageError["error"], reason: string) =>
        result.errors.push({ customerId: c.id, identifier: c.identifier, error, reason });
      if (isDnc(dnc, campaign.id, c.phoneE164)) {
        fail("DNC_BLOCKED", "The number is on the do-not-call list");
        continue;
      }
      const window = checkWindow(now, campaign, effectiveZone(customerZone(c), campaign.timezone));
      if (!window.open) {
        if ("opensAt" in window)
          fail("QUIET_HOURS", `Outside the sending window (quiet hours); it opens at ${window.opensAt.toISOString()}`);
        else fail("CAMPAIGN_ENDED", "The campaign's window never opens again");
        continue;
      }
      const id = randomUUID();
      const body = renderTemplate(template.body, { phoneE164: c.phoneE164, data: customerFields(c) });
      const sent = await channel.send({ messageId: id, channel: input.channel, toPhone: c.phoneE164, body, at: now });
      if (!sent.ok) {
        fail("SEND_FAILED", sent.error);
        continue;
      }
      rows.push({
        id,
        organizationId: ctx.organizationId,
        campaignId: campaign.id,
        customerId: c.id,
        channel: input.channel,
        templateId: template.id,
        toPhone: c.phoneE164,
        body,
        status: sent.status,
        providerMessageId: sent.providerMessageId,
        agentId: input.conversation?.agentId ?? null,
        sentAt: now,
      });
    }
    if (rows.length) {
      await getBoss();
      await db.$transaction(async (tx) => {
        await tx.message.createMany({ data: rows });
        await enqueueSentStatuses(tx, rows);
      });
    }
    result.messageIds.push(...rows.map((r) => r.id));
    result.initiated += rows.length;
    result.batchesProcessed++;
  }
  result.failed = result.errors.length;
  return result;
}
