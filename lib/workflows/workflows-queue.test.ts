import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { db, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createDatabase, dropDatabase } from "@/scripts/temporary-database";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { call } from "@/lib/test/http";
import { loan } from "@/lib/test/records";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { startCallsWorker } from "@/lib/calls/calls-queue";
import { contextOf } from "@/lib/calls/calls-test-kit";
import { startWorkflowsWorker } from "./workflows-queue";
import { createWorkflow } from "./workflows";

// End to end through pg-boss with the system clock: customers bulk-added with useWorkflow wake the
// runner, whose call step goes through the calls worker and the simulated dialer; the result moves
// the run on to its end. Own database: workers on the system clock must not touch other files' runs.

let org: TestOrg;
let url: string;
let previousUrl: string | undefined;
const stops: (() => Promise<void>)[] = [];
beforeAll(async () => {
  url = await createDatabase("dialsheet_workflows_queue");
  await migrate(url);
  await stopBoss();
  await disconnectDb();
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  const boss = await getBoss();
  org = await createTestOrg("wf-queue");
  stops.push(await startCallsWorker(boss), await startWorkflowsWorker(boss));
});
afterAll(async () => {
  for (const stop of stops) await stop();
  await deleteTestOrg(org);
  await stopBoss();
  await disconnectDb();
  process.env.DATABASE_URL = previousUrl;
  await dropDatabase(url);
});

/** A fixed-offset zone where it is now about noon, so the window is open whenever this runs. */
function noonZone(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

describe("workflows queue", () => {
  it("runs bulk-added customers' workflows to the end through the queue and the dial engine", { timeout: 120_000 }, async () => {
    await db.callSettings.create({ data: { organizationId: org.id, simulatedDelayMs: 300, simulatedSeed: "wf-queue" } });
    const workflow = await createWorkflow(contextOf(org.id), {
      name: "Queue",
      definition: {
        steps: [
          { id: "call", type: "call", agentId: org.agent.id },
          { id: "mark", type: "update", field: "followed_up", value: "yes" },
          { id: "end", type: "stop", outcome: "done" },
        ],
      },
    });
    const campaign = await createTestCampaign(org.id, "emi", {
      workflowId: workflow.id,
      timezone: noonZone(),
      startDate: "2020-01-01",
      endDate: "2099-12-31",
      startTime: "00:00",
      endTime: "23:59",
    });
    await db.campaign.update({ where: { id: campaign.id }, data: { status: "active", maxRetries: 0 } });
    const res = await call(bulkAdd, {
      apiKey: org.apiKey,
      body: { campaignId: campaign.id, records: [loan(1), loan(2), loan(3)], useWorkflow: true },
    });
    expect(res.json.message).toBe("Added 3 of 3 records | Workflow triggered for 3 customers");

    const runs = () => db.workflowRun.findMany({ where: { campaignId: campaign.id }, include: { steps: { orderBy: { seq: "asc" } } } });
    for (const deadline = Date.now() + 90_000; ; ) {
      if ((await runs()).every((r) => r.state === "completed")) break;
      if (Date.now() > deadline) throw new Error(`runs did not finish: ${JSON.stringify((await runs()).map((r) => [r.state, r.stepId]))}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    for (const run of await runs()) {
      expect(run.steps.map((s) => [s.stepId, s.status])).toEqual([
        ["call", "done"],
        ["mark", "done"],
        ["end", "done"],
      ]);
      const calls = await db.call.findMany({ where: { customerId: run.customerId! } });
      expect(calls.map((c) => c.id)).toEqual([run.steps[0].callId]);
      expect(calls[0].state).toMatch(/^(completed|failed)$/);
    }
    expect(
      (await db.customer.findMany({ where: { campaignId: campaign.id } })).map((c) => (c.data as { followed_up?: string }).followed_up),
    ).toEqual(["yes", "yes", "yes"]);
  });
});
