import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCallsCampaign, createCustomers } from "@/lib/calls/calls-test-kit";
import { collectionsWorkflow } from "./workflows-test-kit";
import { customerWorkflowRuns } from "./customer-runs";

// The contact detail's workflow runs against Postgres: a run with its step history (written
// directly; the runner has its own tests), a contact without a run, and another organization.

let org: TestOrg;
let other: TestOrg;
let customers: { id: string }[];
let runId = "";

beforeAll(async () => {
  [org, other] = await Promise.all([createTestOrg("cxwf"), createTestOrg("cxwf-other")]);
  const campaign = await createCallsCampaign(org.id);
  customers = await createCustomers(campaign.id, 2);
  const { workflow } = await collectionsWorkflow(org);
  const version = await db.workflowVersion.findFirstOrThrow({ where: { workflowId: workflow.id, version: 1 } });
  const call = await db.call.create({
    data: {
      organizationId: org.id,
      campaignId: campaign.id,
      customerId: customers[0].id,
      agentId: org.agent.id,
      toPhone: "+919000000000",
      state: "completed",
      outcome: "No Contact",
    },
  });
  const run = await db.workflowRun.create({
    data: {
      organizationId: org.id,
      campaignId: campaign.id,
      customerId: customers[0].id,
      workflowVersionId: version.id,
      state: "active",
      stepId: "wait-retry",
      stepSeq: 2,
      dueAt: new Date("2026-12-01T08:00:00Z"),
      createdAt: new Date("2026-12-01T05:00:00Z"),
      steps: {
        create: [
          {
            seq: 2,
            stepId: "branch1",
            type: "branch",
            status: "done",
            result: { rule: 0, goto: "wait-retry" },
            startedAt: new Date("2026-12-01T06:00:00Z"),
            finishedAt: new Date("2026-12-01T06:00:00Z"),
          },
          {
            seq: 1,
            stepId: "call1",
            type: "call",
            status: "done",
            result: { status: "No Contact", callId: call.id },
            callId: call.id,
            startedAt: new Date("2026-12-01T05:00:00Z"),
            finishedAt: new Date("2026-12-01T06:00:00Z"),
          },
        ],
      },
    },
  });
  runId = run.id;
});

afterAll(async () => {
  await Promise.all([deleteTestOrg(org), deleteTestOrg(other)]);
});

describe("customerWorkflowRuns", () => {
  it("returns the contact's run with its workflow, where it stands and its steps in order", async () => {
    const runs = await customerWorkflowRuns(contextOf(org.id), customers[0].id);
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run).toMatchObject({ id: runId, state: "active", stepId: "wait-retry", finishedAt: null, stopReason: null });
    expect(run.workflow).toMatchObject({ name: `Collections ${org.suffix}`, version: 1 });
    expect(run.steps.map((s) => [s.seq, s.stepId, s.type, s.status])).toEqual([
      [1, "call1", "call", "done"],
      [2, "branch1", "branch", "done"],
    ]);
    expect(run.steps[0].result).toMatchObject({ status: "No Contact" });
    expect(run.steps[0].callId).toBe(run.steps[0].result.callId);
  });

  it("is empty for a contact without a run and for another organization", async () => {
    expect(await customerWorkflowRuns(contextOf(org.id), customers[1].id)).toEqual([]);
    expect(await customerWorkflowRuns(contextOf(other.id), customers[0].id)).toEqual([]);
  });
});
