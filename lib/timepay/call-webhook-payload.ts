import { db } from "@/lib/db/client";
import type { PayloadBuilder } from "@/lib/webhooks/deliver";
import { messageStatusOf } from "@/lib/webhooks/outbox";

// TimePay's call webhook body (reference/api-contracts.md §2.7), field for field and in its
// order; message statuses (event_type "sms" / "whatsapp") in the same style, below. `loan_id` for debt-collection campaigns, `lead_id` for the others. Times are written as
// TimePay writes them ("2025-11-01T13:26:27", no zone) in the campaign's time zone (IST unless
// the campaign says otherwise); the customer's phone as TimePay shows customer numbers (10 digits
// for Indian mobiles), the caller id in E.164.

export const timepayCallWebhook: PayloadBuilder = async (delivery) => {
  if (delivery.eventType === "sms" || delivery.eventType === "whatsapp") return timepayMessageWebhook(delivery);
  const { organizationId, callId } = delivery;
  const call = await db.call.findFirst({
    where: { id: callId, organizationId },
    include: {
      campaign: { select: { name: true, serviceType: true, timezone: true } },
      customer: { select: { identifier: true, firstName: true, lastName: true, language: true } },
    },
  });
  if (!call) return null;
  const zone = call.campaign.timezone;
  const idField = call.campaign.serviceType === "debt_collection" ? "loan_id" : "lead_id";
  const name = [call.customer.firstName, call.customer.lastName].filter(Boolean).join(" ");
  return {
    event_type: "call",
    call_id: call.id,
    agent_id: call.agentId,
    campaign_name: call.campaign.name,
    [idField]: call.customer.identifier,
    name: name || null,
    phone: nationalPhone(call.toPhone),
    language: call.customer.language,
    from_phone: call.fromPhone,
    status: call.outcome,
    direction: "outbound",
    duration: call.duration ?? 0,
    disposition: call.outcomeDisposition,
    summary: call.summary,
    start_time: localTime(call.startedAt, zone),
    end_time: localTime(call.endedAt, zone),
    recording_id: call.recordingId,
    extracted_data: call.extractedData ?? {},
  };
};

/** "+919876543210" → "9876543210" (TimePay's customer numbers); other countries stay E.164. */
export function nationalPhone(e164: string): string {
  return /^\+91\d{10}$/.test(e164) ? e164.slice(3) : e164;
}

/** An instant as wall-clock time in `zone`, "YYYY-MM-DDTHH:mm:ss". */
export function localTime(at: Date | null, zone: string): string | null {
  if (!at) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * A message status (Sent, Delivered, Read, Failed) in the call webhook's style: the event type
 * is the channel, `message_id` is what GET /api/v1/communication/whatsapp/{message_id} reads,
 * `wamid` the channel's id, `status` the status this delivery reports (not the message's latest),
 * `timestamp` when it was recorded, in the campaign's time zone. The delivery row's callId holds
 * the message id.
 */
export const timepayMessageWebhook: PayloadBuilder = async ({ organizationId, callId: messageId, eventType, eventKey, createdAt }) => {
  const status = eventKey ? messageStatusOf(eventKey) : null;
  const message = await db.message.findFirst({
    where: { id: messageId, organizationId },
    include: { campaign: { select: { name: true, serviceType: true, timezone: true } } },
  });
  if (!message || !status) return null;
  const [customer, template] = await Promise.all([
    message.customerId
      ? db.customer.findUnique({ where: { id: message.customerId }, select: { identifier: true, firstName: true, lastName: true } })
      : null,
    message.templateId ? db.messageTemplate.findUnique({ where: { id: message.templateId }, select: { name: true } }) : null,
  ]);
  const idField = message.campaign.serviceType === "debt_collection" ? "loan_id" : "lead_id";
  const name = [customer?.firstName, customer?.lastName].filter(Boolean).join(" ");
  return {
    event_type: eventType,
    message_id: message.id,
    wamid: message.providerMessageId,
    agent_id: message.agentId,
    campaign_id: message.campaignId,
    campaign_name: message.campaign.name,
    [idField]: customer?.identifier ?? null,
    name: name || null,
    phone: nationalPhone(message.toPhone),
    status,
    template_id: message.templateId,
    template_name: template?.name ?? null,
    error: status === "Failed" ? (message.blockedReason ?? "The channel reported the message failed") : null,
    sent_time: localTime(message.sentAt, message.campaign.timezone),
    timestamp: localTime(createdAt ?? new Date(), message.campaign.timezone),
  };
};
