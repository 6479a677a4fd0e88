import { z } from "zod";
import type { ApiResult } from "@/lib/api/with-api";
import { db } from "@/lib/db/client";
import type { FieldSchema } from "@/lib/campaigns/field-schema";
import { selectCustomers, type CustomerFilters } from "@/lib/calls/select-customers";
import { systemClock, type Clock } from "@/lib/domain/clock";
import type { DomainContext } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { sendMessages } from "@/lib/messages/send-messages";
import { initiateCallsBodySchema } from "./initiate-calls-body";

// TimePay's Initiate WhatsApp and Initiate SMS (§2.4): the customers chosen like the calls route
// (filters AND, then limit), one template each, the same results shape and codes: 200 all sent ·
// 207 some · 500 none · 404 campaign or customers not found · 400 validation.

const templateId = z
  .string({ error: "templateId is required and must be a string" })
  .trim()
  .min(1, "templateId is required and must be a string");
const shared = { templateId, limit: initiateCallsBodySchema.shape.limit, filters: initiateCallsBodySchema.shape.filters };

export const initiateSmsBodySchema = z.object(shared, { error: "Request body must be a JSON object" });
export const initiateWhatsappBodySchema = z.object(
  {
    ...shared,
    conversationSettings: z
      .object(
        {
          agentId: z
            .string({ error: "conversationSettings.agentId is required and must be a string" })
            .trim()
            .min(1, "conversationSettings.agentId is required and must be a string"),
          dispositionId: z
            .string({ error: "conversationSettings.dispositionId is required and must be a string" })
            .trim()
            .min(1, "conversationSettings.dispositionId is required and must be a string"),
        },
        { error: "conversationSettings must be an object with agentId and dispositionId" },
      )
      .optional(),
  },
  { error: "Request body must be a JSON object" },
);
type Body = z.output<typeof initiateWhatsappBodySchema>;

export async function initiateMessages(
  ctx: DomainContext,
  campaignId: string,
  channel: "sms" | "whatsapp",
  body: Body,
  clock: Clock = systemClock,
): Promise<ApiResult> {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, organizationId: ctx.organizationId },
    select: { id: true, fieldSchema: true },
  });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign" });
  const f = body.filters ?? {};
  const filters: CustomerFilters = {
    ids: f.ids,
    excludeIds: f.exclude_ids,
    language: f.language,
    custom: f.custom,
    paymentStatus: f.payment_status === undefined ? undefined : Array.isArray(f.payment_status) ? f.payment_status : [f.payment_status],
  };
  const selection = await selectCustomers(
    { id: campaign.id, identifierKey: (campaign.fieldSchema as unknown as FieldSchema).identifierKey },
    filters,
    body.limit,
  );
  if (selection.customerIds.length === 0) throw new NotFound("No customers found matching the filters", { resource: "customer" });
  const result = await sendMessages(ctx, {
    campaignId: campaign.id,
    channel,
    templateId: body.templateId,
    customerIds: selection.customerIds,
    conversation: body.conversationSettings,
    clock,
  });
  const status = result.failed === 0 ? 200 : result.initiated > 0 ? 207 : 500;
  const noun = channel === "sms" ? "SMS" : "WhatsApp messages";
  return {
    status,
    body: {
      success: result.failed === 0,
      message: `${noun} initiated for ${result.initiated} customers`,
      results: {
        totalMatched: selection.totalMatched,
        customersSelected: result.totalRequested,
        initiated: result.initiated,
        failed: result.failed,
        batchesProcessed: result.batchesProcessed,
        errors: result.errors.map((e) => ({ id: e.identifier, error: e.error, reason: e.reason })),
      },
    },
  };
}

/** GET /api/v1/communication/whatsapp/{message_id}: the documented fields (§2.6). */
export async function whatsappDetails(ctx: DomainContext, messageId: string): Promise<ApiResult> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(messageId);
  const message = uuid
    ? await db.message.findFirst({ where: { id: messageId, organizationId: ctx.organizationId, channel: "whatsapp" } })
    : null;
  if (!message) throw new NotFound("Message not found", { resource: "message" });
  const [template, customer] = await Promise.all([
    message.templateId ? db.messageTemplate.findUnique({ where: { id: message.templateId }, select: { name: true } }) : null,
    message.customerId
      ? db.customer.findUnique({
          where: { id: message.customerId },
          select: { identifier: true, firstName: true, lastName: true, phoneRaw: true },
        })
      : null,
  ]);
  return {
    status: 200,
    body: {
      success: true,
      data: {
        message_id: message.id,
        wamid: message.providerMessageId,
        agent_id: message.agentId,
        campaign_id: message.campaignId,
        to: customer?.phoneRaw ?? message.toPhone,
        status: message.status,
        template_id: message.templateId,
        template_name: template?.name ?? null,
        name: customer ? [customer.firstName, customer.lastName].filter(Boolean).join(" ") || null : null,
        loan_id: customer?.identifier ?? null,
        conversation: [{ role: "assistant", content: message.body, timestamp: (message.sentAt ?? message.createdAt).toISOString() }],
        errors: [],
      },
    },
  };
}
