import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { createCallsCampaign, createCustomers } from "@/lib/calls/calls-test-kit";
import { campaignKpis } from "./campaign-kpis";
import { dispositionBreakdown, outcomesPerDay } from "./campaign-charts";
import { liveUploadJobs, recentResults } from "./campaign-activity";
import { autoPausedCampaigns, callsToday, campaignsToday, failingDeliveries, runningJobs } from "./organization-home";

// The dashboard's reads against Postgres: a campaign with known attempts (written directly; the
// engine has its own tests), a second campaign and a second organization that must not leak in.

let org: TestOrg;
let other: TestOrg;
let campaign: { id: string; organizationId: string };
let second: { id: string; organizationId: string };
let emptyCampaignId = "";
const at = (iso: string) => new Date(iso);

type Attempt = {
  customer: number;
  state: "completed" | "blocked" | "scheduled" | "failed";
  outcome?: string;
  disposition?: string;
  duration?: number;
  finishedAt?: string;
  promise?: boolean;
  blockedReason?: string;
  waitReason?: string;
  notBefore?: string;
};

async function writeCalls(
  target: { id: string; organizationId: string },
  customers: { id: string; phoneE164: string }[],
  attempts: Attempt[],
  agentId: string,
) {
  for (const a of attempts) {
    const c = customers[a.customer];
    await db.call.create({
      data: {
        organizationId: target.organizationId,
        campaignId: target.id,
        customerId: c.id,
        agentId,
        toPhone: c.phoneE164,
        state: a.state,
        outcome: a.outcome ?? null,
        outcomeDisposition: a.disposition ?? null,
        duration: a.duration ?? null,
        finishedAt: a.finishedAt ? at(a.finishedAt) : null,
        dialedAt: a.finishedAt ? at(a.finishedAt) : null,
        extractedData: a.promise ? { promise_to_pay_date: "2026-12-10" } : undefined,
        blockedReason: a.blockedReason ?? null,
        waitReason: a.waitReason ?? null,
        notBefore: a.notBefore ? at(a.notBefore) : undefined,
      },
    });
    if (a.outcome)
      await db.customer.update({ where: { id: c.id }, data: { lastCallAt: at(a.finishedAt as string), lastCallStatus: a.outcome } });
  }
}

beforeAll(async () => {
  [org, other] = await Promise.all([createTestOrg("dash"), createTestOrg("dash-other")]);
  campaign = await createCallsCampaign(org.id, "emi");
  second = await createCallsCampaign(org.id, "edi");
  const foreign = await createCallsCampaign(other.id, "emi");
  const customers = await createCustomers(campaign.id, 8);
  const secondCustomers = await createCustomers(second.id, 2, { offset: 100 });
  const foreignCustomers = await createCustomers(foreign.id, 2, { offset: 200 });
  // Customer 7's number is on the global DNC list, customer 6's on this campaign's.
  await db.dncEntry.createMany({
    data: [
      { organizationId: org.id, scope: "", phoneRaw: "x", phoneE164: customers[7].phoneE164 },
      { organizationId: org.id, scope: campaign.id, campaignId: campaign.id, phoneRaw: "x", phoneE164: customers[6].phoneE164 },
      { organizationId: org.id, scope: second.id, campaignId: second.id, phoneRaw: "x", phoneE164: customers[5].phoneE164 },
      { organizationId: org.id, scope: "", phoneRaw: "x", phoneE164: customers[4].phoneE164, status: "inactive" },
    ],
  });
  await writeCalls(
    campaign,
    customers,
    [
      { customer: 0, state: "completed", outcome: "No Contact", disposition: "Busy", duration: 0, finishedAt: "2026-11-30T05:00:00Z" },
      {
        customer: 0,
        state: "completed",
        outcome: "Contacted",
        disposition: "PTP",
        duration: 120,
        finishedAt: "2026-12-01T05:00:00Z",
        promise: true,
      },
      { customer: 1, state: "completed", outcome: "Contacted", disposition: "Callback", duration: 60, finishedAt: "2026-12-01T19:00:00Z" }, // 02 Dec IST
      { customer: 2, state: "completed", outcome: "No Contact", disposition: "Busy", finishedAt: "2026-12-01T06:00:00Z" },
      { customer: 3, state: "failed", outcome: "Failed", finishedAt: "2026-12-01T07:00:00Z" },
      { customer: 6, state: "blocked", blockedReason: "dnc" },
      { customer: 7, state: "blocked", blockedReason: "frequency_cap" },
      { customer: 5, state: "blocked", blockedReason: "agent_inactive" },
      { customer: 4, state: "scheduled", waitReason: "window", notBefore: "2099-12-01T02:30:00Z" },
    ],
    org.agent.id,
  );
  await writeCalls(
    second,
    secondCustomers,
    [{ customer: 0, state: "completed", outcome: "Contacted", duration: 999, finishedAt: "2026-12-01T05:00:00Z", promise: true }],
    org.agent.id,
  );
  await writeCalls(
    foreign,
    foreignCustomers,
    [{ customer: 0, state: "completed", outcome: "No Contact", finishedAt: "2026-12-01T05:00:00Z" }],
    other.agent.id,
  );
});
afterAll(async () => {
  await Promise.all([deleteTestOrg(org), deleteTestOrg(other)]);
});

describe("campaignKpis", () => {
  it("counts the campaign's contacts, reachability, results, promises, duration and blocks", async () => {
    expect(await campaignKpis(campaign)).toEqual({
      contacts: 8,
      reachable: 6, // customers 6 (campaign DNC) and 7 (global) are not; 5's entry is another campaign's, 4's is inactive
      calledContacts: 4,
      contactedContacts: 2,
      promiseContacts: 1,
      contacted: 2,
      noContact: 2,
      failed: 1,
      connectRate: 0.5,
      promises: 1,
      averageDurationSeconds: 60, // (0 + 120 + 60) / 3: attempts without a duration do not count
      blockedDnc: 1,
      blockedCap: 1,
    });
  });

  it("says null, not 0 %, before any result", async () => {
    const empty = await createCallsCampaign(org.id, "lead");
    emptyCampaignId = empty.id;
    expect(await campaignKpis(empty)).toMatchObject({ contacts: 0, reachable: 0, connectRate: null, averageDurationSeconds: null });
  });
});

describe("charts", () => {
  it("counts results per India-time day, every day of the range present", async () => {
    expect(await outcomesPerDay(campaign.id, { from: "2026-11-29", to: "2026-12-02" })).toEqual([
      { day: "2026-11-29", Contacted: 0, "No Contact": 0, Failed: 0 },
      { day: "2026-11-30", Contacted: 0, "No Contact": 1, Failed: 0 },
      { day: "2026-12-01", Contacted: 1, "No Contact": 1, Failed: 1 },
      { day: "2026-12-02", Contacted: 1, "No Contact": 0, Failed: 0 },
    ]);
  });

  it("breaks the range's results down by disposition, most frequent first", async () => {
    expect(await dispositionBreakdown(campaign.id, { from: "2026-12-01", to: "2026-12-01" })).toEqual([
      { disposition: "Busy", count: 1 },
      { disposition: "PTP", count: 1 },
      { disposition: "None", count: 1 }, // no disposition reported: last among equals
    ]);
  });
});

describe("lists", () => {
  it("lists the latest results first, optionally of one outcome", async () => {
    const all = await recentResults(campaign.id);
    expect(all.map((r) => r.outcome)).toEqual(["Contacted", "Failed", "No Contact", "Contacted", "No Contact"]);
    const contacted = await recentResults(campaign.id, "Contacted");
    expect(contacted.map((r) => r.finishedAt.toISOString())).toEqual(["2026-12-01T19:00:00.000Z", "2026-12-01T05:00:00.000Z"]);
    expect(contacted[1].promiseToPayDate).toBe("2026-12-10");
  });

  it("shows running upload jobs and the last day's, never another campaign's", async () => {
    const now = new Date();
    const base = { organizationId: org.id, source: "flexydial_api" as const, reference: "r" };
    await db.uploadJob.createMany({
      data: [
        {
          ...base,
          id: "dash-running",
          campaignId: campaign.id,
          status: "processing",
          total: 10,
          processed: 4,
          createdAt: new Date(now.getTime() - 3 * 86_400_000),
        },
        { ...base, id: "dash-done", campaignId: campaign.id, status: "completed", total: 5, processed: 5, successful: 5 },
        { ...base, id: "dash-old", campaignId: campaign.id, status: "completed", createdAt: new Date(now.getTime() - 2 * 86_400_000) },
        { ...base, id: "dash-second", campaignId: second.id, status: "processing" },
      ],
    });
    expect((await liveUploadJobs(campaign, now)).map((j) => j.id)).toEqual(["dash-done", "dash-running"]);
    expect(await liveUploadJobs({ id: campaign.id, organizationId: other.id }, now)).toEqual([]);
    expect((await runningJobs(org.id)).map((j) => j.id).sort()).toEqual(["dash-running", "dash-second"]);
  });
});

describe("organization home", () => {
  it("counts today's, yesterday's and the last 7 days' results of the organization (India-time days)", async () => {
    const result = await callsToday(org.id, at("2026-12-01T12:00:00Z")); // 1 Dec, 17:30 IST
    expect(result.day).toBe("2026-12-01");
    // Today: campaign 0 Contacted + No Contact + Failed (01 Dec) and the second campaign's Contacted; 19:00Z is 2 Dec.
    expect(result.today).toEqual({ results: 4, contacted: 2, noContact: 1, connectRate: 2 / 3 });
    expect(result.yesterday).toEqual({ results: 1, contacted: 0, noContact: 1, connectRate: 0 });
    expect(result.last7Days).toEqual(result.yesterday);
  });

  it("lists the campaigns that paused themselves and the failing deliveries", async () => {
    await db.campaign.update({
      where: { id: second.id },
      data: { status: "paused", pausedAt: new Date(), autoPausedReason: "Most of the last 50 calls failed" },
    });
    await db.campaign.update({ where: { id: campaign.id }, data: { status: "paused", pausedAt: new Date() } });
    expect(await autoPausedCampaigns(org.id)).toEqual([
      expect.objectContaining({ id: second.id, autoPausedReason: "Most of the last 50 calls failed" }),
    ]);
    await db.webhookDelivery.createMany({
      data: [
        { organizationId: org.id, callId: "c1", eventKey: "k1", status: "failed", attempts: 8, lastStatusCode: 500 },
        { organizationId: org.id, callId: "c2", eventKey: "k2", status: "retrying", attempts: 2 },
        { organizationId: org.id, callId: "c3", eventKey: "k3", status: "delivered" },
        { organizationId: other.id, callId: "c4", eventKey: "k4", status: "failed" },
      ],
    });
    const failing = await failingDeliveries(org.id);
    expect(failing.total).toBe(2);
    expect(failing.latest.map((d) => d.callId).sort()).toEqual(["c1", "c2"]);
  });
});

describe("campaignsToday", () => {
  it("lists the organization's campaigns with today's results, busiest first", async () => {
    const rows = await callsTodayByCampaign();
    expect(rows.slice(0, 2)).toEqual([
      expect.objectContaining({ id: campaign.id, results: 3, contacted: 1, noContact: 1, connectRate: 0.5 }),
      expect.objectContaining({ id: second.id, results: 1, contacted: 1, noContact: 0, connectRate: 1 }),
    ]);
    expect(rows.map((r) => r.id).sort()).toEqual([campaign.id, second.id, emptyCampaignId].sort()); // never another organization's
  });
});

const callsTodayByCampaign = () => campaignsToday(org.id, at("2026-12-01T12:00:00Z"));
