import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCallsCampaign, createCustomers } from "./calls-test-kit";
import { customerCallHistory } from "./customer-call-history";
import { uploadJobCalls } from "./upload-calls";
import { bulkAddCallsKey, wizardUploadCallsKey } from "./upload-call-keys";
import { listCalls } from "./call-list";

// The contact detail's call history and the job page's "calls it started" (and the Calls page's
// ?job= filter) against Postgres: attempts written directly (the engine has its own tests), with
// another job's batch, a request that was no upload and another organization that must not leak in.

let org: TestOrg;
let other: TestOrg;
let customers: { id: string; phoneE164: string }[];
let foreignCustomer: { id: string };
const jobId = "upl_contactx_job";
const ctx = () => contextOf(org.id);

type Attempt = {
  customer: number;
  batchId: string | null;
  state: "completed" | "blocked" | "scheduled" | "failed";
  outcome?: string;
  disposition?: string;
  duration?: number;
  summary?: string;
  at: string;
  attempt?: number;
  blockedReason?: string;
};

async function write(organizationId: string, campaignId: string, list: { id: string; phoneE164: string }[], agentId: string, a: Attempt) {
  const placed = a.state === "completed" || a.state === "failed";
  return db.call.create({
    data: {
      organizationId,
      campaignId,
      customerId: list[a.customer].id,
      agentId,
      batchId: a.batchId,
      toPhone: list[a.customer].phoneE164,
      state: a.state,
      attempt: a.attempt ?? 1,
      outcome: a.outcome ?? null,
      outcomeDisposition: a.disposition ?? null,
      duration: a.duration ?? null,
      summary: a.summary ?? null,
      blockedReason: a.blockedReason ?? null,
      createdAt: new Date(a.at),
      dialedAt: placed ? new Date(a.at) : null,
      finishedAt: placed ? new Date(a.at) : null,
    },
  });
}

beforeAll(async () => {
  [org, other] = await Promise.all([createTestOrg("cx"), createTestOrg("cx-other")]);
  const campaign = await createCallsCampaign(org.id);
  const foreign = await createCallsCampaign(other.id);
  customers = await createCustomers(campaign.id, 4);
  [foreignCustomer] = await createCustomers(foreign.id, 1, { offset: 50 });
  const batch = (organizationId: string, campaignId: string, requestKey: string) =>
    db.callBatch.create({ data: { organizationId, campaignId, requestKey } });
  const wizard = await batch(org.id, campaign.id, wizardUploadCallsKey(jobId));
  const bulk = await batch(org.id, campaign.id, bulkAddCallsKey("upl_other_job"));
  const initiate = await batch(org.id, campaign.id, "initiate:k1");
  // The other organization reuses the job id in its own batch key: it must not count.
  const foreignBatch = await batch(other.id, foreign.id, wizardUploadCallsKey(jobId));
  const c = (a: Attempt) => write(org.id, campaign.id, customers, org.agent.id, a);
  await c({
    customer: 0,
    batchId: wizard.id,
    state: "completed",
    outcome: "No Contact",
    disposition: "Busy",
    duration: 5,
    at: "2026-11-30T05:00:00Z",
  });
  await c({
    customer: 0,
    batchId: wizard.id,
    state: "completed",
    attempt: 2,
    outcome: "Contacted",
    disposition: "PTP",
    duration: 120,
    summary: "Promised to pay on the 10th",
    at: "2026-11-30T08:00:00Z",
  });
  await c({ customer: 1, batchId: wizard.id, state: "blocked", blockedReason: "dnc", at: "2026-11-30T05:01:00Z" });
  await c({ customer: 2, batchId: wizard.id, state: "scheduled", at: "2026-11-30T05:02:00Z" });
  await c({ customer: 0, batchId: initiate.id, state: "failed", outcome: "Failed", at: "2026-12-01T05:00:00Z" });
  await c({ customer: 3, batchId: bulk.id, state: "completed", outcome: "Contacted", at: "2026-12-01T06:00:00Z" });
  await c({ customer: 1, batchId: null, state: "completed", outcome: "Contacted", at: "2026-12-01T07:00:00Z" });
  await write(other.id, foreign.id, [foreignCustomer as { id: string; phoneE164: string }], other.agent.id, {
    customer: 0,
    batchId: foreignBatch.id,
    state: "completed",
    outcome: "Contacted",
    at: "2026-12-01T05:00:00Z",
  });
});

afterAll(async () => {
  await Promise.all([deleteTestOrg(org), deleteTestOrg(other)]);
});

describe("customerCallHistory", () => {
  it("lists every attempt to the contact, newest first, with the Calls page's status and the result", async () => {
    const history = await customerCallHistory(ctx(), customers[0].id);
    expect(history.total).toBe(3);
    expect(history.calls.map((c) => [c.status, c.attempt, c.disposition, c.duration])).toEqual([
      ["Failed", 1, null, null],
      ["Contacted", 2, "PTP", 120],
      ["No Contact", 1, "Busy", 5],
    ]);
    expect(history.calls[1]).toMatchObject({ summary: "Promised to pay on the 10th", placed: true, agent: "Test agent" });
    expect(history.calls[1].at.toISOString()).toBe("2026-11-30T08:00:00.000Z");
  });

  it("shows attempts not placed with their reason, and keeps only the latest when asked for fewer", async () => {
    const history = await customerCallHistory(ctx(), customers[1].id);
    expect(history.calls.map((c) => [c.status, c.reason, c.placed])).toEqual([
      ["Contacted", null, true],
      ["Blocked", "dnc", false],
    ]);
    const latest = await customerCallHistory(ctx(), customers[0].id, 1);
    expect(latest.total).toBe(3);
    expect(latest.calls).toHaveLength(1);
  });

  it("is empty for a contact never called and for another organization's contact", async () => {
    const none = await createCustomers((await createCallsCampaign(org.id)).id, 1, { offset: 90 });
    expect(await customerCallHistory(ctx(), none[0].id)).toEqual({ total: 0, calls: [] });
    expect(await customerCallHistory(ctx(), foreignCustomer.id)).toEqual({ total: 0, calls: [] });
  });
});

describe("the calls an upload started", () => {
  it("counts the attempts of the job's call batch (retries included) per status, and lists the latest placed", async () => {
    const calls = await uploadJobCalls(ctx(), jobId);
    expect(calls.total).toBe(4);
    expect(calls.byStatus).toMatchObject({ Contacted: 1, "No Contact": 1, Blocked: 1, Waiting: 1, Failed: 0 });
    expect(calls.latest.map((c) => [c.status, c.customer.identifier])).toEqual([
      ["Contacted", "LN00000000"],
      ["No Contact", "LN00000000"],
    ]);
  });

  it("finds a bulk add's calls by its job, and nothing for a job that started none or another organization", async () => {
    expect((await uploadJobCalls(ctx(), "upl_other_job")).total).toBe(1);
    expect((await uploadJobCalls(ctx(), "upl_no_calls")).total).toBe(0);
    expect((await uploadJobCalls(contextOf(other.id), "upl_other_job")).total).toBe(0);
    expect((await uploadJobCalls(contextOf(other.id), jobId)).total).toBe(1);
  });

  it("filters the Calls page's list by job", async () => {
    const placed = await listCalls(ctx(), { uploadJobId: jobId }, { page: 1, perPage: 25 });
    expect(placed.total).toBe(2);
    const blocked = await listCalls(ctx(), { uploadJobId: jobId, status: "Blocked" }, { page: 1, perPage: 25 });
    expect(blocked.rows.map((r) => r.customerId)).toEqual([customers[1].id]);
    const all = await listCalls(ctx(), {}, { page: 1, perPage: 25 });
    expect(all.total).toBe(5);
  });
});
