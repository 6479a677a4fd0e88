import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCustomers } from "./calls-test-kit";
import { scheduleCalls } from "./schedule-calls";
import { preflightCalls } from "./preflight-calls";
import { drainDueAttempts } from "./dispatch";

let org: TestOrg;
beforeAll(async () => {
  await getBoss();
  org = await createTestOrg("calls");
});
afterAll(async () => {
  await deleteTestOrg(org);
  await stopBoss();
});

describe("scheduleCalls", () => {
  it("schedules, dials inside the window and records the simulated results", async () => {
    const campaign = await createTestCampaign(org.id, "emi");
    const customers = await createCustomers(campaign.id, 3);
    // 2026-12-01 10:00 IST
    const clock = manualClock("2026-12-01T04:30:00Z");
    const input = { campaignId: campaign.id, customerIds: customers.map((c) => c.id), agentId: org.agent.id, dispositionId: org.disposition.id, clock };
    const preflight = await preflightCalls(contextOf(org.id), input);
    expect(preflight).toMatchObject({ totalRequested: 3, wouldInitiate: 3, dialNow: 3, wouldFail: 0 });
    const result = await scheduleCalls(contextOf(org.id), input);
    expect(result).toMatchObject({ totalRequested: 3, initiated: 3, failed: 0, batchesProcessed: 1, scheduledFor: null, errors: [] });
    const passes = await drainDueAttempts({ clock });
    expect(passes[0].dialed).toBe(3);
    clock.advance(5_000);
    await drainDueAttempts({ clock });
    const calls = await db.call.findMany({ where: { campaignId: campaign.id } });
    console.log(calls.map((c) => [c.state, c.outcome, c.attempt, c.notBefore]));
    expect(calls.filter((c) => c.attempt === 1).every((c) => c.state === "completed" || c.state === "failed")).toBe(true);
  });
});
