import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { POST as results } from "@/app/api/v1/dialer/results/[organizationId]/route";
import { db } from "@/lib/db/client";
import { systemClock } from "@/lib/domain/clock";
import { stopBoss } from "@/lib/jobs/boss";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { startReceiver } from "@/lib/test/receiver";
import { timepayCallWebhook } from "@/lib/timepay/call-webhook-payload";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { requeueMissedCallResults } from "@/lib/webhooks/call-result-hook";
import { contextOf, createCustomers } from "./calls-test-kit";
import { scheduleCalls } from "./schedule-calls";

// Results in: the provider's signed result webhook. Standard Webhooks signatures with the
// organization's provider secret; idempotent on provider_call_id; out of order; unknown calls;
// and results out: the outbox delivery written with the result, sent as TimePay's call webhook.

let org: TestOrg;
let other: TestOrg;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const secret = `whsec_${randomBytes(24).toString("base64")}`;
const otherSecret = `whsec_${randomBytes(24).toString("base64")}`;

beforeAll(async () => {
  org = await createTestOrg("results-in");
  other = await createTestOrg("results-in-other");
  receiver = await startReceiver();
  await db.callSettings.create({
    data: { organizationId: org.id, dialerKind: "http", providerUrl: "https://provider.example.com/calls", providerSecret: secret },
  });
  await db.callSettings.create({
    data: { organizationId: other.id, dialerKind: "http", providerUrl: "https://provider.example.com/calls", providerSecret: otherSecret },
  });
  await db.webhookEndpoint.create({ data: { organizationId: org.id, url: receiver.url, secret: "crm-shared-secret-0001" } });
});
afterAll(async () => {
  await receiver.close();
  await deleteTestOrg(org);
  await deleteTestOrg(other);
  await stopBoss();
});

/** One attempt the HTTP dialer has placed: dialing, with the provider's call id (or none yet). */
async function dialingCall(providerCallId: string | null) {
  const campaign = await createTestCampaign(org.id, "emi", { name: `Loan Recovery ${randomBytes(3).toString("hex")}` });
  const [customer] = await createCustomers(campaign.id, 1, { offset: Math.floor(Math.random() * 1e6) });
  await db.customer.update({ where: { id: customer.id }, data: { lastName: "Sharma" } });
  await scheduleCalls(contextOf(org.id), {
    campaignId: campaign.id,
    customerIds: [customer.id],
    agentId: org.agent.id,
    dispositionId: org.disposition.id,
    clock: systemClock,
  });
  const attempt = await db.call.findFirstOrThrow({ where: { customerId: customer.id } });
  await db.call.update({
    where: { id: attempt.id },
    data: { state: "dialing", dialedAt: new Date(), providerCallId, fromPhone: "+918035450808" },
  });
  return { campaign, customer, callId: attempt.id };
}

function signed(body: unknown, key = secret, id = `msg_${randomBytes(6).toString("hex")}`) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const at = new Date();
  return {
    text,
    headers: {
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(key).sign(id, at, text),
    },
  };
}
const post = (organizationId: string, body: string, headers: Record<string, string>) =>
  call(results, { params: { organizationId }, body, headers, path: `/api/v1/dialer/results/${organizationId}` });

const result = (providerCallId: string, extra: Record<string, unknown> = {}) => ({
  provider_call_id: providerCallId,
  status: "Contacted",
  disposition: "Promise to Pay",
  duration: 45,
  start_time: "2026-12-01T07:56:27Z",
  end_time: "2026-12-01T07:57:12Z",
  summary: "Customer agreed to pay on the 16th",
  extracted_data: { ptp_date: "2026-12-16" },
  recording_id: "63c30c3d-ce24-4c33-a64a-c2f81ca48d0b",
  transcript_id: "5a3c9f1e-2b1d-4c8e-9f7a-0d2e4b6c8a10",
  ...extra,
});

describe("POST /api/v1/dialer/results/{organizationId}", () => {
  it("records a signed result once; a redelivery changes nothing; the outbox sends it as TimePay's call webhook", async () => {
    const { campaign, customer, callId } = await dialingCall("prov-ok-1");
    const { text, headers } = signed(result("prov-ok-1"));
    const res = await post(org.id, text, headers);
    expect([res.status, res.json]).toEqual([200, { received: true, call_id: callId, result: "updated" }]);

    const stored = await db.call.findUniqueOrThrow({ where: { id: callId } });
    expect(stored).toMatchObject({
      state: "completed",
      outcome: "Contacted",
      outcomeDisposition: "Promise to Pay",
      outcomeDispositionId: org.disposition.id,
      duration: 45,
      summary: "Customer agreed to pay on the 16th",
      extractedData: { ptp_date: "2026-12-16" },
      recordingId: "63c30c3d-ce24-4c33-a64a-c2f81ca48d0b",
      transcriptId: "5a3c9f1e-2b1d-4c8e-9f7a-0d2e4b6c8a10",
      startedAt: new Date("2026-12-01T07:56:27Z"),
      endedAt: new Date("2026-12-01T07:57:12Z"),
    });
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({
      lastCallStatus: "Contacted",
      lastCallDisposition: "Promise to Pay",
      lastCallId: callId,
    });

    const again = await post(org.id, text, headers);
    expect([again.status, again.json]).toEqual([200, { received: true, call_id: callId, result: "unchanged" }]);
    expect((await db.call.findUniqueOrThrow({ where: { id: callId } })).updatedAt).toEqual(stored.updatedAt);

    // Results out: one delivery, written with the result, whatever the redeliveries.
    const deliveries = await db.webhookDelivery.findMany({ where: { callId } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].eventKey).toMatch(/^call_event:\d+$/);
    expect(await deliverWebhook(deliveries[0].id, { buildPayload: timepayCallWebhook })).toEqual({ result: "delivered", statusCode: 200 });
    const sent = receiver.received.at(-1)!;
    expect(sent.headers.authorization).toBe("Bearer crm-shared-secret-0001");
    expect(sent.body).toBe(
      JSON.stringify({
        event_type: "call",
        call_id: callId,
        agent_id: org.agent.id,
        campaign_name: campaign.name,
        loan_id: customer.identifier,
        name: `${(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).firstName} Sharma`,
        phone: customer.phoneE164.slice(3),
        language: "hindi",
        from_phone: "+918035450808",
        status: "Contacted",
        direction: "outbound",
        duration: 45,
        disposition: "Promise to Pay",
        summary: "Customer agreed to pay on the 16th",
        start_time: "2026-12-01T13:26:27",
        end_time: "2026-12-01T13:27:12",
        recording_id: "63c30c3d-ce24-4c33-a64a-c2f81ca48d0b",
        extracted_data: { ptp_date: "2026-12-16" },
      }),
    );
  });

  it("401 and nothing changed for a missing, wrong or foreign signature, a tampered body, or an organization without a secret", async () => {
    const { callId } = await dialingCall("prov-sig-1");
    const { text, headers } = signed(result("prov-sig-1"));
    const cases: [string, string, Record<string, string>][] = [
      ["missing", text, {}],
      ["no signature", text, { "webhook-id": headers["webhook-id"], "webhook-timestamp": headers["webhook-timestamp"] }],
      ["tampered", text.replace("Contacted", "Failed"), headers],
      ["another organization's secret", text, signed(result("prov-sig-1"), otherSecret).headers],
      ["garbage", text, { ...headers, "webhook-signature": "v1,AAAA" }],
      ["stale", text, { ...headers, "webhook-timestamp": String(Math.floor(Date.now() / 1000) - 3600) }],
    ];
    for (const [label, body, h] of cases) {
      const res = await post(org.id, body, h);
      expect([res.status, res.json], label).toEqual([
        401,
        { error: { code: "unauthorized", message: "Invalid or missing webhook signature" } },
      ]);
    }
    const noSecret = await createTestOrg("results-no-secret");
    expect((await post(noSecret.id, text, headers)).status).toBe(401);
    expect((await post("org_does_not_exist", text, headers)).status).toBe(401);
    await deleteTestOrg(noSecret);
    expect(await db.call.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({ state: "dialing", outcome: null });
  });

  it("404 for a result of an unknown call; 400 for a signed body that is not a result", async () => {
    const unknown = signed(result("prov-nobody"));
    const res = await post(org.id, unknown.text, unknown.headers);
    expect([res.status, res.json]).toEqual([404, { error: { code: "not_found", message: "No call with provider_call_id 'prov-nobody'" } }]);
    const bad = signed({ provider_call_id: "prov-x", status: "Answered", duration: -1 });
    const invalid = await post(org.id, bad.text, bad.headers);
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.errors).toEqual([
      'status: Invalid option: expected one of "Contacted"|"No Contact"|"Failed"',
      "duration: Too small: expected number to be >=0",
    ]);
    const notJson = signed("{not json");
    expect((await post(org.id, notJson.text, notJson.headers)).json.error.errors).toEqual(["The body is not valid JSON"]);
  });

  it("out of order: a result that arrives before the dialer stored the provider call id binds through call_id", async () => {
    const { callId } = await dialingCall(null);
    const early = signed(result("prov-early-1", { call_id: callId, status: "No Contact", disposition: "No Answer" }));
    const res = await post(org.id, early.text, early.headers);
    expect([res.status, res.json]).toEqual([200, { received: true, call_id: callId, result: "updated" }]);
    expect(await db.call.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({
      providerCallId: "prov-early-1",
      outcome: "No Contact",
      state: "completed",
    });
    // Another organization cannot bind or end it.
    const foreign = signed(result("prov-early-2", { call_id: callId }), otherSecret);
    expect((await post(other.id, foreign.text, foreign.headers)).status).toBe(404);
  });

  it("the outbox sweep adds the delivery of a result recorded where the hook was not registered, once", async () => {
    const { callId } = await dialingCall("prov-sweep-1");
    const [event] = await db.$queryRaw<{ id: bigint }[]>`
      INSERT INTO call_events ("organizationId", "callId", type, status, "createdAt")
      VALUES (${org.id}, ${callId}::uuid, 'call.result', 'Contacted', now() - interval '1 minute') RETURNING id`;
    expect(await db.webhookDelivery.count({ where: { callId } })).toBe(0);
    expect(await requeueMissedCallResults()).toBeGreaterThanOrEqual(1);
    expect(await db.webhookDelivery.findMany({ where: { callId }, select: { eventKey: true, status: true } })).toEqual([
      { eventKey: `call_event:${event.id}`, status: "pending" },
    ]);
    await requeueMissedCallResults();
    expect(await db.webhookDelivery.count({ where: { callId } })).toBe(1);
  });
});
