import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { seedWorkflows } from "@/lib/seed/seed-workflows";
import { db } from "@/lib/db/client";
import { stopBoss } from "@/lib/jobs/boss";

let org: TestOrg;
let campaignId: string;
beforeAll(async () => {
  org = await createTestOrg("seed-workflows");
  campaignId = (await createTestCampaign(org.id, "emi", { name: "Loan Recovery - Nov" })).id;
  // The demo's collections agent speaks these fields of the record (as lib/seed/seed.ts gives Priya).
  await db.agent.update({ where: { id: org.agent.id }, data: { variables: ["first_name", "emi_amount", "emi_due_date"] } });
});
afterAll(async () => {
  await deleteTestOrg(org);
  await stopBoss();
});

describe("seedWorkflows", () => {
  it("plays the demo runs with real calls: no call step blocked for a missing agent variable", async () => {
    await seedWorkflows(org.id, campaignId, org.agent.id);
    const steps = await db.workflowRunStep.findMany({
      where: { run: { campaignId } },
      select: { type: true, status: true, result: true, callId: true },
    });
    const callSteps = steps.filter((s) => s.type === "call");
    expect(callSteps.length).toBeGreaterThan(0);
    expect(callSteps.filter((s) => JSON.stringify(s.result).includes("MISSING_AGENT_VARIABLES"))).toEqual([]);
    // Every run but the DNC one placed a call through the dial engine.
    const called = await db.call.count({ where: { campaignId, dialedAt: { not: null } } });
    expect(called).toBeGreaterThanOrEqual(11);
  });
});
