import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createDatabase, dropDatabase } from "@/scripts/temporary-database";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { systemClock } from "@/lib/domain/clock";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCustomers } from "./calls-test-kit";
import { scheduleCalls } from "./schedule-calls";
import { startCallsWorker } from "./calls-queue";

// End to end through the real pg-boss queue and the real handler, with the system clock: the
// schedule's transactional wake-up reaches the worker, which dials through the simulated dialer,
// wakes itself when the results are due, records them and schedules the retries. Own database:
// a worker on the system clock must not dispatch other test files' organizations.

let org: TestOrg;
let url: string;
let previousUrl: string | undefined;
let stopWorker: (() => Promise<void>) | undefined;
beforeAll(async () => {
  url = await createDatabase("dialsheet_calls_queue");
  await migrate(url);
  await stopBoss();
  await disconnectDb();
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  const boss = await getBoss();
  org = await createTestOrg("queue");
  stopWorker = await startCallsWorker(boss);
});
afterAll(async () => {
  await stopWorker?.();
  await deleteTestOrg(org);
  await stopBoss();
  await disconnectDb();
  process.env.DATABASE_URL = previousUrl;
  await dropDatabase(url);
});

/** A fixed-offset zone where it is now about noon, so the calling window is open whenever this runs. */
function noonZone(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

describe("calls queue", () => {
  it("dispatches scheduled attempts and records their simulated results through pg-boss", { timeout: 90_000 }, async () => {
    await db.callSettings.create({ data: { organizationId: org.id, simulatedDelayMs: 500, simulatedSeed: "queue" } });
    const campaign = await createTestCampaign(org.id, "emi", { timezone: noonZone(), startDate: "2020-01-01", endDate: "2099-12-31", startTime: "00:00", endTime: "23:59" });
    const customers = await createCustomers(campaign.id, 25);
    const result = await scheduleCalls(contextOf(org.id), { campaignId: campaign.id, customerIds: customers.map((c) => c.id), agentId: org.agent.id, dispositionId: org.disposition.id, clock: systemClock });
    expect(result).toMatchObject({ initiated: 25, failed: 0, scheduledFor: null });

    const firsts = () => db.call.findMany({ where: { campaignId: campaign.id, attempt: 1 } });
    for (const deadline = Date.now() + 60_000; ; ) {
      if ((await firsts()).every((c) => c.state === "completed" || c.state === "failed")) break;
      if (Date.now() > deadline) throw new Error(`not all results arrived: ${JSON.stringify((await firsts()).map((c) => c.state))}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const calls = await firsts();
    expect(calls.every((c) => c.providerCallId === `sim_${c.id}` && c.outcome && c.dialedAt && c.finishedAt)).toBe(true);
    // No Contact / Failed are retried two hours later: scheduled, not dialled.
    const retries = await db.call.findMany({ where: { campaignId: campaign.id, attempt: 2 } });
    expect(retries.length).toBe(calls.filter((c) => c.outcome !== "Contacted").length);
    expect(retries.every((r) => r.state === "scheduled" && r.waitReason === "retry_delay")).toBe(true);
    expect(await db.callEvent.count({ where: { organizationId: org.id, type: "call.result" } })).toBe(25);
  });
});
