import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as sms } from "@/app/api/v1/initiate/[campaignId]/sms/route";
import { GET as whatsappRead } from "@/app/api/v1/communication/whatsapp/[message_id]/route";
import { POST as createTemplateRoute } from "@/app/api/v1/templates/route";
import { db } from "@/lib/db/client";
import { manualClock } from "@/lib/domain/clock";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCallsCampaign, createCustomers } from "@/lib/calls/calls-test-kit";
import { initiateMessages } from "./initiate-messages";

// Messages: templates with {{field}} placeholders checked against the campaign's fields, the
// initiate routes (§2.4) through the simulated channel, DNC and quiet hours, the WhatsApp read (§2.6).

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("msg-a");
  b = await createTestOrg("msg-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

describe("messages", () => {
  it("refuses a template naming a field the campaign lacks", async () => {
    const campaign = await createCallsCampaign(a.id, "emi");
    const res = await call(createTemplateRoute, {
      apiKey: a.apiKey,
      body: { name: "Bad", channel: "sms", body: "Hi {{first_name}}, pay {{amount_due}}", campaignId: campaign.id },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toMatch(/^template placeholder \{\{amount_due\}\} is not a field of the campaign \(fields: .*loan_amount/);
    const ok = await call(createTemplateRoute, {
      apiKey: a.apiKey,
      body: { name: "Good", channel: "whatsapp", body: "Hi {{first_name}}", campaignId: campaign.id },
    });
    expect(ok.status).toBe(201);
  });

  it("sends in the window, skips DNC numbers, holds everyone in quiet hours; the WhatsApp read answers the documented fields", async () => {
    const campaign = await createCallsCampaign(a.id, "emi");
    const customers = await createCustomers(campaign.id, 3);
    await db.dncEntry.create({ data: { organizationId: a.id, scope: "", phoneRaw: "x", phoneE164: customers[2].phoneE164 } });
    const template = await db.messageTemplate.create({
      data: { organizationId: a.id, name: `W ${a.suffix}`, channel: "whatsapp", body: "Hello {{first_name}}" },
    });
    const ctx = contextOf(a.id);
    const body = { templateId: template.id, conversationSettings: { agentId: a.agent.id, dispositionId: a.disposition.id } };

    const night = await initiateMessages(ctx, campaign.id, "whatsapp", body, manualClock("2099-12-07T15:00:00Z")); // 20:30 IST
    expect(night.status).toBe(500);
    expect((night.body as { results: { errors: { error: string; reason: string }[] } }).results.errors.map((e) => e.error)).toEqual([
      "QUIET_HOURS",
      "QUIET_HOURS",
      "DNC_BLOCKED",
    ]);
    expect((night.body as { results: { errors: { reason: string }[] } }).results.errors[0].reason).toBe(
      "Outside the sending window (quiet hours); it opens at 2099-12-08T03:30:00.000Z",
    );

    const day = await initiateMessages(ctx, campaign.id, "whatsapp", body, manualClock("2099-12-07T04:30:00Z"));
    expect(day.status).toBe(207);
    expect(day.body).toEqual({
      success: false,
      message: "WhatsApp messages initiated for 2 customers",
      results: {
        totalMatched: 3,
        customersSelected: 3,
        initiated: 2,
        failed: 1,
        batchesProcessed: 1,
        errors: [{ id: "LN00000002", error: "DNC_BLOCKED", reason: "The number is on the do-not-call list" }],
      },
    });
    const sent = await db.message.findMany({ where: { campaignId: campaign.id }, orderBy: { toPhone: "asc" } });
    expect(sent.map((m) => m.toPhone)).toEqual([customers[0].phoneE164, customers[1].phoneE164]);

    const read = await call(whatsappRead, { apiKey: a.apiKey, params: { message_id: sent[0].id } });
    expect(read.json).toEqual({
      success: true,
      data: {
        message_id: sent[0].id,
        wamid: sent[0].providerMessageId,
        agent_id: a.agent.id,
        campaign_id: campaign.id,
        to: customers[0].phoneE164.slice(3),
        status: "Delivered",
        template_id: template.id,
        template_name: template.name,
        name: "Customer 0",
        loan_id: "LN00000000",
        conversation: [{ role: "assistant", content: "Hello Customer 0", timestamp: "2099-12-07T04:30:00.000Z" }],
        errors: [],
      },
    });
    expect((await call(whatsappRead, { apiKey: b.apiKey, params: { message_id: sent[0].id } })).status).toBe(404);
  });

  it("answers 400 naming bad fields and 404 for another organization's campaign", async () => {
    const campaign = await createCallsCampaign(a.id, "emi");
    const bad = await call(sms, {
      apiKey: a.apiKey,
      params: { campaignId: campaign.id },
      body: { limit: 0, filters: { payment_stauts: "paid" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual(
      expect.arrayContaining(["templateId is required and must be a string", "limit must be a positive integer"]),
    );
    const foreign = await call(sms, { apiKey: b.apiKey, params: { campaignId: campaign.id }, body: { templateId: "t" } });
    expect(foreign.status).toBe(404);
    expect(await db.message.count({ where: { campaignId: campaign.id } })).toBe(0);
  });
});
