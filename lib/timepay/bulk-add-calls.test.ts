import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { startExpandWorker } from "@/lib/calls/expand-queue";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { loan } from "@/lib/test/records";
import { zoneWithLocalHour } from "@/lib/test/window-zone";

// Bulk Add with initiateCall (seeds/timepay-bulk-add-customers.md): calls for every customer
// actually added, after all records are in; undialable customers in `failed` with
// {id, error, reason}; scheduledFor when the window is closed; validate-only preflight. The
// attempts are written after the answer by the calls-expand worker, run here through the real
// queue (this file's own, set before lib/jobs/boss loads).
vi.hoisted(() => {
  process.env.QUEUE_PREFIX = "test-bulk-calls.";
});

let a: TestOrg;
let stopExpand: (() => Promise<void>) | undefined;
beforeAll(async () => {
  a = await createTestOrg("bulk-calls");
  stopExpand = await startExpandWorker(await getBoss());
});
afterAll(async () => {
  await stopExpand?.();
  await deleteTestOrg(a);
  await stopBoss();
});

const add = (body: unknown, options: { query?: Record<string, string>; headers?: Record<string, string> } = {}) =>
  call(bulkAdd, { apiKey: a.apiKey, body, ...options });
const callConfig = () => ({ agentId: a.agent.id, dispositionId: a.disposition.id });
const callsOf = (campaignId: string) => db.call.count({ where: { campaignId } });
/** The request's call batch once the worker wrote its attempts (the batch committed with the answer). */
async function expanded(campaignId: string) {
  await expect
    .poll(() => db.callBatch.findMany({ where: { campaignId }, select: { expandedAt: true } }), { timeout: 30_000 })
    .toEqual([{ expandedAt: expect.any(Date) }]);
}

describe("POST /api/v1/customers/add/bulk with initiateCall", () => {
  it("calls only the customers actually added; a DNC number counts in failed with {id, error, reason}", async () => {
    const campaign = await createTestCampaign(a.id, "emi", { timezone: zoneWithLocalHour(12) });
    expect((await add({ campaignId: campaign.id, records: [loan(1)] })).status).toBe(201);
    await db.dncEntry.create({ data: { organizationId: a.id, scope: "", phoneRaw: "9800000003", phoneE164: "+919800000003" } });
    const { phone_number: _p, ...noPhone } = loan(4);
    const res = await add({
      campaignId: campaign.id,
      records: [loan(1), loan(2), loan(3), noPhone],
      initiateCall: true,
      callConfig: callConfig(),
    });
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({
      success: false,
      message: "Added 2 of 4 records | Calls initiated for 1 customers",
      results: { total: 4, valid: 3, invalid: 1, successful: 2, failed: 2 },
      callResults: {
        totalRequested: 2,
        initiated: 1,
        failed: 1,
        errors: [{ id: "LN3", error: "DNC_BLOCKED", reason: "The number is on the Do-Not-Call list" }],
      },
    });
    expect(res.json.callResults.scheduledFor).toBeUndefined();
    await expanded(campaign.id);
    const calls = await db.call.findMany({ where: { campaignId: campaign.id }, include: { customer: { select: { identifier: true } } } });
    expect(calls.map((c) => c.customer.identifier)).toEqual(["LN2"]);
    await db.dncEntry.deleteMany({ where: { organizationId: a.id } });
  });

  it("outside the calling window: initiated, waiting, and callResults.scheduledFor says until when", async () => {
    const campaign = await createTestCampaign(a.id, "emi", { timezone: zoneWithLocalHour(4) });
    const res = await add({ campaignId: campaign.id, records: [loan(1), loan(2)], initiateCall: true, callConfig: callConfig() });
    expect(res.status).toBe(201);
    expect(Object.keys(res.json.callResults)).toEqual(["totalRequested", "initiated", "failed", "errors", "scheduledFor"]);
    expect(res.json.callResults).toMatchObject({ totalRequested: 2, initiated: 2, failed: 0, errors: [] });
    // 09:00 local, five hours from 04:xx.
    const wait = new Date(res.json.callResults.scheduledFor).getTime() - Date.now();
    expect(wait).toBeGreaterThan(4 * 3600_000);
    expect(wait).toBeLessThanOrEqual(5 * 3600_000);
    await expanded(campaign.id);
    expect(await db.call.count({ where: { campaignId: campaign.id, state: "scheduled", waitReason: "window" } })).toBe(2);
  });

  it("schedules every added customer of a large request (batches of 500), once, also when the request is retried", async () => {
    const campaign = await createTestCampaign(a.id, "emi", { timezone: zoneWithLocalHour(12) });
    const records = Array.from({ length: 1_201 }, (_, i) => loan(10_000 + i));
    const headers = { "Idempotency-Key": `bulk-calls-${campaign.id}` };
    const res = await add({ campaignId: campaign.id, records, initiateCall: true, callConfig: callConfig() }, { headers });
    expect([res.status, res.json.message, res.json.callResults]).toEqual([
      201,
      "Added 1201 of 1201 records | Calls initiated for 1201 customers",
      { totalRequested: 1201, initiated: 1201, failed: 0, errors: [] },
    ]);
    const again = await add({ campaignId: campaign.id, records, initiateCall: true, callConfig: callConfig() }, { headers });
    expect([again.status, again.text]).toEqual([201, res.text]);
    await expanded(campaign.id);
    expect(await callsOf(campaign.id)).toBe(1201);
    expect(await db.callBatch.count({ where: { campaignId: campaign.id } })).toBe(1);
  });

  it("validateOnly: what calling the records would do, per reason; writes nothing", async () => {
    const campaign = await createTestCampaign(a.id, "emi", { timezone: zoneWithLocalHour(12) });
    await db.dncEntry.create({
      data: { organizationId: a.id, scope: campaign.id, campaignId: campaign.id, phoneRaw: "9800000002", phoneE164: "+919800000002" },
    });
    const res = await add(
      { campaignId: campaign.id, records: [loan(1), loan(2)], initiateCall: true, callConfig: callConfig() },
      { query: { validateOnly: "true" } },
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      success: true,
      validateOnly: true,
      message: "Validated 2 records: 2 of 2 would be added",
      results: { total: 2, valid: 2, invalid: 0, successful: 2, failed: 0, batchesProcessed: 0, errors: [] },
      callResults: {
        totalRequested: 2,
        wouldInitiate: 1,
        wouldFail: 1,
        dialNow: 1,
        waitForWindow: 0,
        windowOpensAt: null,
        waitForResume: 0,
        blocked: {
          dnc: 1,
          frequencyCap: 0,
          callInProgress: 0,
          agentInactive: 0,
          customerNotFound: 0,
          campaignEnded: 0,
          windowNeverOpens: 0,
          missingAgentVariables: 0,
        },
        errors: [{ id: "LN2", error: "DNC_BLOCKED", reason: "The number is on the Do-Not-Call list" }],
      },
    });
    expect(await db.customer.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(await callsOf(campaign.id)).toBe(0);

    const night = await createTestCampaign(a.id, "emi", { timezone: zoneWithLocalHour(22) });
    const later = await add({ campaignId: night.id, records: [loan(5)], initiateCall: true, callConfig: callConfig(), validateOnly: true });
    expect(later.json.callResults).toMatchObject({
      wouldInitiate: 1,
      dialNow: 0,
      waitForWindow: 1,
      windowOpensAt: expect.stringMatching(/T\d\d:00:00\.000Z$/),
    });
    await db.dncEntry.deleteMany({ where: { organizationId: a.id } });
  });

  it("a paused campaign: the customers are added and their calls wait for the resume", async () => {
    const campaign = await createTestCampaign(a.id, "emi", { timezone: zoneWithLocalHour(12), status: "paused" });
    const res = await add({ campaignId: campaign.id, records: [loan(1)], initiateCall: true, callConfig: callConfig() });
    expect([res.status, res.json.callResults]).toEqual([201, { totalRequested: 1, initiated: 1, failed: 0, errors: [] }]);
    await expanded(campaign.id);
    expect(await db.call.findFirstOrThrow({ where: { campaignId: campaign.id } })).toMatchObject({
      state: "scheduled",
      waitReason: "campaign_paused",
    });
  });
});
