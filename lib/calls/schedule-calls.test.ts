import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss, QUEUES, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { Forbidden, Invalid, NotFound } from "@/lib/domain/errors";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCustomers, createCallsCampaign } from "./calls-test-kit";
import { scheduleCalls } from "./schedule-calls";
import { preflightCalls } from "./preflight-calls";
import { drainDueAttempts } from "./dispatch";

// Scheduling: one attempt per callable customer, the reason for every other one, idempotent per
// request key, and a preflight that predicts it exactly while writing nothing.

let org: TestOrg;
let other: TestOrg;
const inWindow = () => manualClock("2099-12-07T04:30:00Z"); // Monday 10:00 IST
beforeAll(async () => {
  await getBoss();
  [org, other] = await Promise.all([createTestOrg("calls"), createTestOrg("calls-other")]);
});
afterAll(async () => {
  await Promise.all([deleteTestOrg(org), deleteTestOrg(other)]);
  await stopBoss();
});

const inputFor = (
  campaignId: string,
  customerIds: string[],
  clock = inWindow(),
  extra: { requestKey?: string; agentId?: string } = {},
) => ({
  campaignId,
  customerIds,
  agentId: extra.agentId ?? org.agent.id,
  dispositionId: org.disposition.id,
  requestKey: extra.requestKey,
  clock,
});

describe("scheduleCalls", () => {
  it("schedules every customer, dials inside the window and records the simulated results", async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const customers = await createCustomers(campaign.id, 3);
    const clock = inWindow();
    const input = inputFor(
      campaign.id,
      customers.map((c) => c.id),
      clock,
    );
    expect(await preflightCalls(contextOf(org.id), input)).toMatchObject({
      totalRequested: 3,
      wouldInitiate: 3,
      dialNow: 3,
      wouldFail: 0,
      errors: [],
    });
    expect(await scheduleCalls(contextOf(org.id), input)).toMatchObject({
      totalRequested: 3,
      initiated: 3,
      failed: 0,
      batchesProcessed: 1,
      scheduledFor: null,
      errors: [],
    });
    const jobs = await db.$queryRaw<
      { data: unknown }[]
    >`SELECT data FROM pgboss.job WHERE name = ${QUEUES.callsDispatch} AND data->>'organizationId' = ${org.id}`;
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs[0].data).toEqual({ organizationId: org.id });

    expect((await drainDueAttempts({ clock, organizationId: org.id }))[0].dialed).toBe(3);
    clock.advance(5_000); // the simulated dialer's default delay
    await drainDueAttempts({ clock, organizationId: org.id });
    const calls = await db.call.findMany({ where: { campaignId: campaign.id, attempt: 1 }, include: { customer: true } });
    expect(calls.map((c) => c.state).sort()).toEqual(calls.map((c) => (c.outcome === "Failed" ? "failed" : "completed")).sort());
    for (const call of calls) {
      expect(call).toMatchObject({
        providerCallId: `sim_${call.id}`,
        fromPhone: "+918035450808",
        dialedAt: new Date("2099-12-07T04:30:00Z"),
      });
      expect(call.customer.lastCallStatus).toBe(call.outcome);
      if (call.outcome === "Contacted")
        expect(call.extractedData).toMatchObject({ promise_to_pay_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    }
  });

  it("outside the window accepts the attempts and says when they will be dialled", async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const customers = await createCustomers(campaign.id, 2, { offset: 100 });
    const night = manualClock("2099-12-07T17:00:00Z"); // 22:30 IST
    const input = inputFor(
      campaign.id,
      customers.map((c) => c.id),
      night,
    );
    expect(await preflightCalls(contextOf(org.id), input)).toMatchObject({
      wouldInitiate: 2,
      dialNow: 0,
      waitForWindow: 2,
      windowOpensAt: new Date("2099-12-08T03:30:00Z"),
    });
    expect(await scheduleCalls(contextOf(org.id), input)).toMatchObject({
      initiated: 2,
      failed: 0,
      scheduledFor: new Date("2099-12-08T03:30:00Z"),
    });
    expect((await drainDueAttempts({ clock: night, organizationId: org.id }))[0].dialed).toBe(0);
    const calls = await db.call.findMany({ where: { campaignId: campaign.id } });
    expect(calls.map((c) => [c.state, c.waitReason, c.notBefore.toISOString()])).toEqual([
      ["scheduled", "window", "2099-12-08T03:30:00.000Z"],
      ["scheduled", "window", "2099-12-08T03:30:00.000Z"],
    ]);
  });

  it("names every customer that cannot be called, and the preflight predicts it exactly", async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const customers = await createCustomers(campaign.id, 6, { offset: 200 });
    const [dnc, inactiveDnc, capped, busy, fine] = customers;
    const clock = inWindow();
    await db.dncEntry.createMany({
      data: [
        { organizationId: org.id, scope: "", phoneRaw: dnc.phoneE164, phoneE164: dnc.phoneE164, status: "active" },
        {
          organizationId: org.id,
          campaignId: campaign.id,
          scope: campaign.id,
          phoneRaw: inactiveDnc.phoneE164,
          phoneE164: inactiveDnc.phoneE164,
          status: "inactive",
        },
      ],
    });
    // Three dials to `capped`'s number within the last 24 h, from another campaign of the organization.
    const elsewhere = await createCallsCampaign(org.id, "lead");
    const [twin] = await createCustomers(elsewhere.id, 1, { phone: () => capped.phoneE164, offset: 900 });
    for (const hoursAgo of [23, 5, 1]) {
      await db.call.create({
        data: {
          organizationId: org.id,
          campaignId: elsewhere.id,
          customerId: twin.id,
          agentId: org.agent.id,
          toPhone: capped.phoneE164,
          state: "completed",
          outcome: "No Contact",
          attempt: 1,
          dialedAt: new Date(clock.now().getTime() - hoursAgo * 3_600_000),
          finishedAt: clock.now(),
        },
      });
    }
    await scheduleCalls(contextOf(org.id), inputFor(campaign.id, [busy.id], clock));
    const ids = [dnc.id, inactiveDnc.id, capped.id, busy.id, fine.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"];
    const preflight = await preflightCalls(contextOf(org.id), inputFor(campaign.id, ids, clock));
    const result = await scheduleCalls(contextOf(org.id), inputFor(campaign.id, ids, clock));
    const errors = [
      { customerId: dnc.id, identifier: dnc.identifier, error: "DNC_BLOCKED", reason: "The number is on the Do-Not-Call list" },
      {
        customerId: capped.id,
        identifier: capped.identifier,
        error: "FREQUENCY_CAP",
        reason: "The number reached the organization's call attempts per 24 hours",
      },
      {
        customerId: busy.id,
        identifier: busy.identifier,
        error: "CALL_IN_PROGRESS",
        reason: "The customer already has a call scheduled or in progress",
      },
      {
        customerId: "00000000-0000-4000-8000-000000000000",
        identifier: "",
        error: "CUSTOMER_NOT_FOUND",
        reason: "No such customer in this campaign",
      },
      { customerId: "not-a-uuid", identifier: "", error: "CUSTOMER_NOT_FOUND", reason: "No such customer in this campaign" },
    ];
    expect(result).toEqual({
      totalRequested: 7,
      initiated: 2,
      failed: 5,
      batchesProcessed: 1,
      scheduledFor: null,
      errors,
      batchId: expect.any(String),
    });
    expect(preflight).toEqual({
      totalRequested: 7,
      wouldInitiate: 2,
      wouldFail: 5,
      dialNow: 2,
      waitForWindow: 0,
      windowOpensAt: null,
      waitForResume: 0,
      blocked: {
        dnc: 1,
        frequencyCap: 1,
        callInProgress: 1,
        agentInactive: 0,
        customerNotFound: 2,
        campaignEnded: 0,
        windowNeverOpens: 0,
        missingAgentVariables: 0,
      },
      errors,
    });
  });

  it("writes nothing on preflight", async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const customers = await createCustomers(campaign.id, 3, { offset: 300 });
    await preflightCalls(
      contextOf(org.id),
      inputFor(
        campaign.id,
        customers.map((c) => c.id),
      ),
    );
    expect(await db.call.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(await db.callBatch.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("is idempotent per request key: a retried (or concurrent) request creates no second attempt", async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const customers = await createCustomers(campaign.id, 1_200, { offset: 1_000 });
    const input = inputFor(
      campaign.id,
      customers.map((c) => c.id),
      inWindow(),
      { requestKey: `key-${campaign.id}` },
    );
    const [first, second] = await Promise.all([scheduleCalls(contextOf(org.id), input), scheduleCalls(contextOf(org.id), input)]);
    const third = await scheduleCalls(contextOf(org.id), input);
    for (const result of [first, second, third])
      expect(result).toMatchObject({ totalRequested: 1_200, initiated: 1_200, failed: 0, batchesProcessed: 3, errors: [] });
    expect(await db.call.count({ where: { campaignId: campaign.id } })).toBe(1_200);
    expect(await db.callBatch.count({ where: { campaignId: campaign.id } })).toBe(1);
    // Without the key the same customers are already in a call.
    const again = await scheduleCalls(contextOf(org.id), {
      ...input,
      requestKey: undefined,
      customerIds: customers.slice(0, 2).map((c) => c.id),
    });
    expect(again).toMatchObject({ initiated: 0, failed: 2, errors: [{ error: "CALL_IN_PROGRESS" }, { error: "CALL_IN_PROGRESS" }] });
  });

  it("fails every customer when the agent is inactive, and each when the campaign's window never opens again", async () => {
    const campaign = await createCallsCampaign(org.id, "emi", { endDate: "2099-12-06" });
    const customers = await createCustomers(campaign.id, 2, { offset: 400 });
    const ended = await scheduleCalls(
      contextOf(org.id),
      inputFor(
        campaign.id,
        customers.map((c) => c.id),
      ),
    );
    expect(ended).toMatchObject({ initiated: 0, failed: 2, errors: [{ error: "CAMPAIGN_ENDED" }, { error: "CAMPAIGN_ENDED" }] });
    const agent = await db.agent.create({ data: { organizationId: org.id, name: "Off", username: `off-${org.suffix}`, active: false } });
    const open = await createCallsCampaign(org.id, "emi");
    const more = await createCustomers(open.id, 2, { offset: 500 });
    const inactive = await scheduleCalls(
      contextOf(org.id),
      inputFor(
        open.id,
        more.map((c) => c.id),
        inWindow(),
        { agentId: agent.id },
      ),
    );
    expect(inactive).toMatchObject({
      initiated: 0,
      failed: 2,
      errors: [{ error: "AGENT_INACTIVE", reason: "The agent is inactive and takes no new calls" }, { error: "AGENT_INACTIVE" }],
    });
  });

  it("accepts calls for a paused campaign; they wait for the resume", async () => {
    const campaign = await createCallsCampaign(org.id, "emi", { status: "paused" });
    const customers = await createCustomers(campaign.id, 2, { offset: 600 });
    const input = inputFor(
      campaign.id,
      customers.map((c) => c.id),
    );
    expect(await preflightCalls(contextOf(org.id), input)).toMatchObject({ wouldInitiate: 2, waitForResume: 2, dialNow: 0 });
    expect(await scheduleCalls(contextOf(org.id), input)).toMatchObject({ initiated: 2, scheduledFor: null });
    await drainDueAttempts({ clock: input.clock, organizationId: org.id });
    expect((await db.call.findMany({ where: { campaignId: campaign.id } })).map((c) => [c.state, c.waitReason])).toEqual([
      ["scheduled", "campaign_paused"],
      ["scheduled", "campaign_paused"],
    ]);
  });

  it("refuses another organization's campaign, agent or disposition, and a completed campaign", async () => {
    const theirs = await createCallsCampaign(other.id, "emi");
    const mine = await createCallsCampaign(org.id, "emi");
    const done = await createCallsCampaign(org.id, "emi", { status: "completed" });
    const ctx = contextOf(org.id);
    await expect(scheduleCalls(ctx, inputFor(theirs.id, []))).rejects.toBeInstanceOf(Forbidden);
    await expect(scheduleCalls(ctx, inputFor("camp_missing", []))).rejects.toThrow(NotFound);
    await expect(scheduleCalls(ctx, inputFor(mine.id, [], inWindow(), { agentId: other.agent.id }))).rejects.toMatchObject({
      kind: "not_found",
      details: { resource: "agent" },
    });
    await expect(scheduleCalls(ctx, { ...inputFor(mine.id, []), dispositionId: other.disposition.id })).rejects.toMatchObject({
      kind: "not_found",
      details: { resource: "disposition" },
    });
    await expect(preflightCalls(ctx, inputFor(done.id, []))).rejects.toBeInstanceOf(Invalid);
    expect(await db.call.count({ where: { campaignId: { in: [theirs.id, mine.id, done.id] } } })).toBe(0);
  });
});
