import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { manualClock } from "@/lib/domain/clock";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { contextOf, createCallsCampaign, createCustomers } from "@/lib/calls/calls-test-kit";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { startReceiver } from "@/lib/test/receiver";
import { timepayCallWebhook } from "@/lib/timepay/call-webhook-payload";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { recordMessageStatus } from "./message-status";
import { sendMessages } from "./send-messages";

// Message statuses go through the call results' durable outbox: one delivery per (message,
// status), eventType "sms" / "whatsapp", written with the message; delivered to the
// organization's endpoint in TimePay's webhook style; a status reported twice is sent once.

let org: TestOrg;
let quiet: TestOrg;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  await getBoss();
  org = await createTestOrg("msg-status");
  quiet = await createTestOrg("msg-status-none");
  receiver = await startReceiver();
  await db.webhookEndpoint.create({ data: { organizationId: org.id, url: receiver.url, secret: "dswh_msg-secret-0123456789" } });
});
afterAll(async () => {
  await receiver.close();
  await deleteTestOrg(org);
  await deleteTestOrg(quiet);
  await stopBoss();
});

const clock = () => manualClock("2099-12-07T04:30:00Z"); // 10:00 IST, in the window
const deliveriesOf = (messageId: string) =>
  db.webhookDelivery.findMany({
    where: { callId: messageId },
    orderBy: { eventKey: "asc" },
    select: { id: true, eventKey: true, eventType: true },
  });

describe("message statuses through the outbox", () => {
  it("queues Sent and Delivered with the messages, delivers them as whatsapp events, and Read / Failed once each", async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const [customer] = await createCustomers(campaign.id, 1);
    const template = await db.messageTemplate.create({
      data: { organizationId: org.id, name: `Hello ${org.suffix}`, channel: "whatsapp", body: "Hello {{first_name}}" },
    });
    const ctx = contextOf(org.id);
    const sent = await sendMessages(ctx, {
      campaignId: campaign.id,
      channel: "whatsapp",
      templateId: template.id,
      customerIds: [customer.id],
      clock: clock(),
    });
    expect(sent.initiated).toBe(1);
    const [messageId] = sent.messageIds;
    const queued = await deliveriesOf(messageId);
    expect(queued.map((d) => [d.eventKey, d.eventType])).toEqual([
      [`message:${messageId}:delivered`, "whatsapp"],
      [`message:${messageId}:sent`, "whatsapp"],
    ]);
    const jobs = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'webhook-delivery' AND data->>'deliveryId' = ANY(${queued.map((d) => d.id)}::text[])`;
    expect(jobs[0].n).toBe(2);

    const before = receiver.received.length;
    for (const d of queued)
      expect(await deliverWebhook(d.id, { buildPayload: timepayCallWebhook })).toEqual({ result: "delivered", statusCode: 200 });
    const bodies = receiver.received.slice(before).map((r) => JSON.parse(r.body));
    expect(receiver.received[before].headers.authorization).toBe("Bearer dswh_msg-secret-0123456789");
    const message = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(bodies[1]).toEqual({
      event_type: "whatsapp",
      message_id: messageId,
      wamid: message.providerMessageId,
      agent_id: null,
      campaign_id: campaign.id,
      campaign_name: campaign.name,
      loan_id: customer.identifier,
      name: expect.any(String),
      phone: customer.phoneE164.replace(/^\+91/, ""),
      status: "Sent",
      template_id: template.id,
      template_name: template.name,
      error: null,
      sent_time: "2099-12-07T10:00:00",
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
    });
    expect(bodies[0]).toMatchObject({ event_type: "whatsapp", status: "Delivered", message_id: messageId });
    expect(message.providerMessageId).toMatch(/^wamid\.SIM/);

    // Read, reported twice: one more delivery. Failed: the row says so and the payload carries the error.
    await recordMessageStatus(ctx, messageId, "Read");
    await recordMessageStatus(ctx, messageId, "Read");
    await recordMessageStatus(ctx, messageId, "Failed", "Recipient blocked the business number");
    const all = await deliveriesOf(messageId);
    expect(all.map((d) => d.eventKey.split(":").at(-1))).toEqual(["delivered", "failed", "read", "sent"]);
    expect(await db.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({
      status: "Failed",
      blockedReason: "Recipient blocked the business number",
    });
    const failed = all.find((d) => d.eventKey.endsWith(":failed"))!;
    const at = receiver.received.length;
    await deliverWebhook(failed.id, { buildPayload: timepayCallWebhook });
    expect(JSON.parse(receiver.received[at].body)).toMatchObject({ status: "Failed", error: "Recipient blocked the business number" });
  });

  it("an SMS is an sms event; an organization without an enabled endpoint gets no delivery rows", async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const [customer] = await createCustomers(campaign.id, 1);
    const template = await db.messageTemplate.create({
      data: { organizationId: org.id, name: `Sms ${org.suffix}`, channel: "sms", body: "Pay soon, {{first_name}}" },
    });
    const sent = await sendMessages(contextOf(org.id), {
      campaignId: campaign.id,
      channel: "sms",
      templateId: template.id,
      customerIds: [customer.id],
      clock: clock(),
    });
    expect((await deliveriesOf(sent.messageIds[0])).map((d) => d.eventType)).toEqual(["sms", "sms"]);

    const other = await createCallsCampaign(quiet.id, "emi");
    const [c2] = await createCustomers(other.id, 1);
    const t2 = await db.messageTemplate.create({
      data: { organizationId: quiet.id, name: "Sms", channel: "sms", body: "Hi {{first_name}}" },
    });
    const none = await sendMessages(contextOf(quiet.id), {
      campaignId: other.id,
      channel: "sms",
      templateId: t2.id,
      customerIds: [c2.id],
      clock: clock(),
    });
    expect(none.initiated).toBe(1);
    expect(await deliveriesOf(none.messageIds[0])).toEqual([]);
    await recordMessageStatus(contextOf(quiet.id), none.messageIds[0], "Read");
    expect(await deliveriesOf(none.messageIds[0])).toEqual([]);
  });
});
