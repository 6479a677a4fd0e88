import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCallsCampaign, createCustomers } from "@/lib/calls/calls-test-kit";
import { drainDueAttempts } from "@/lib/calls/dispatch";
import { startRuns } from "./start-runs";
import { runDueWorkflowSteps } from "./runner";
import { updateWorkflow } from "./workflows";
import { answeringDialer, collectionsDefinition, collectionsWorkflow, tick } from "./workflows-test-kit";

// The runner on a manual clock (dated 2099, so a system-clock worker never finds these runs due):
// every call step goes through the dial engine, results drive the branches, waits end on time,
// DNC / a completed campaign / a deleted customer stop runs, a paused campaign holds them, and a
// step is never executed twice, also when a pass dies half-way.

const orgs: TestOrg[] = [];
beforeAll(async () => {
  await getBoss();
});
afterAll(async () => {
  await Promise.all(orgs.map(deleteTestOrg));
  await stopBoss();
});

async function setup(n = 3) {
  const org = await createTestOrg("wf");
  orgs.push(org);
  const { workflow, template } = await collectionsWorkflow(org);
  const campaign = await createCallsCampaign(org.id, "emi", { workflowId: workflow.id });
  await db.campaign.update({ where: { id: campaign.id }, data: { maxRetries: 0 } });
  const customers = await createCustomers(campaign.id, n);
  const clock = manualClock("2099-12-07T04:30:00Z"); // Monday 10:00 IST
  const ctx = contextOf(org.id);
  expect(
    await startRuns(
      ctx,
      campaign,
      customers.map((c) => c.id),
      clock.now(),
    ),
  ).toBe(n);
  const runs = () => db.workflowRun.findMany({ where: { campaignId: campaign.id }, include: { steps: { orderBy: { seq: "asc" } } } });
  const runOf = async (customerId: string) => (await runs()).find((r) => r.customerId === customerId)!;
  return { org, workflow, template, campaign, customers, clock, ctx, runs, runOf };
}

describe("the collections follow-up", () => {
  it("calls, branches on the result, retries after the wait, stores the promise, reminds the day before; DNC stops a run", async () => {
    const { org, campaign, customers, clock, runOf, runs } = await setup(3);
    const outcome = new Map([
      [customers[0].id, "Contacted"],
      [customers[1].id, "No Contact"],
      [customers[2].id, "No Contact"],
    ] as const);
    const dialer = answeringDialer(org.id, clock, (a) => outcome.get(a.customerId)!);

    await tick(org.id, clock, dialer);
    const paid = await runOf(customers[0].id);
    expect(paid).toMatchObject({ state: "active", stepId: "wait-ptp", waitUntil: new Date("2099-12-19T04:30:00Z") }); // 10:00 IST the day before
    expect(paid.steps.map((s) => [s.stepId, s.status])).toEqual([
      ["call1", "done"],
      ["check1", "done"],
      ["ptp", "done"],
    ]);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customers[0].id } })).data).toMatchObject({
      promise_to_pay_date: "2099-12-20",
    });
    expect(await runOf(customers[1].id)).toMatchObject({ state: "active", stepId: "wait2h", waitUntil: new Date("2099-12-07T06:30:00Z") });

    await db.dncEntry.create({ data: { organizationId: org.id, scope: "", phoneRaw: "x", phoneE164: customers[2].phoneE164 } });
    clock.set("2099-12-07T06:29:59Z");
    await tick(org.id, clock, dialer);
    expect(await db.call.count({ where: { campaignId: campaign.id } })).toBe(3); // nothing before the wait ends
    clock.set("2099-12-07T06:30:00Z");
    await tick(org.id, clock, dialer);
    expect(await runOf(customers[1].id)).toMatchObject({ state: "completed", stopReason: "no_contact" });
    expect(await runOf(customers[2].id)).toMatchObject({ state: "stopped", stopReason: "dnc" });
    expect(await db.call.count({ where: { customerId: customers[2].id } })).toBe(1);

    clock.set("2099-12-19T04:29:00Z");
    await tick(org.id, clock, dialer);
    expect(await db.message.count({ where: { campaignId: campaign.id } })).toBe(0);
    clock.set("2099-12-19T04:30:00Z");
    await tick(org.id, clock, dialer);
    const done = await runOf(customers[0].id);
    expect(done).toMatchObject({ state: "completed", stopReason: "end_of_workflow" });
    const [message] = await db.message.findMany({ where: { campaignId: campaign.id } });
    expect(message).toMatchObject({
      channel: "sms",
      toPhone: customers[0].phoneE164,
      body: "Dear Customer 0, your payment is due on 2099-12-20.",
      status: "Delivered",
      sentAt: new Date("2099-12-19T04:30:00Z"),
    });
    expect(done.steps.at(-1)).toMatchObject({ stepId: "remind", messageId: message.id });

    // Step histories match the calls table row for row.
    for (const run of await runs()) {
      const callSteps = run.steps.filter((s) => s.type === "call");
      const calls = await db.call.findMany({ where: { customerId: run.customerId! }, orderBy: { createdAt: "asc" } });
      expect(callSteps.map((s) => s.callId)).toEqual(calls.map((c) => c.id));
      expect(run.steps.map((s) => s.seq)).toEqual(run.steps.map((_, i) => i + 1));
    }
  });

  it("never executes a step twice: concurrent passes, and a pass that died between recording the call step and scheduling it", async () => {
    const { org, customers, clock, runs } = await setup(20);
    await Promise.all([runDueWorkflowSteps({ clock, organizationId: org.id }), runDueWorkflowSteps({ clock, organizationId: org.id })]);
    expect(await db.call.count({ where: { organizationId: org.id } })).toBe(20);
    const [victim] = await runs();
    // As if the worker was killed after writing its intent: no batch confirmed, a lease that expires.
    await db.workflowRun.update({ where: { id: victim.id }, data: { callBatchId: null, leaseUntil: new Date("2099-12-07T04:31:00Z") } });
    await runDueWorkflowSteps({ clock, organizationId: org.id });
    expect((await db.workflowRun.findUniqueOrThrow({ where: { id: victim.id } })).callBatchId).toBeNull(); // leased: left alone
    clock.set("2099-12-07T04:31:00Z");
    await runDueWorkflowSteps({ clock, organizationId: org.id });
    const again = await db.workflowRun.findUniqueOrThrow({ where: { id: victim.id } });
    expect(again).toMatchObject({ state: "waiting_call", callBatchId: victim.callBatchId });
    expect(await db.call.count({ where: { customerId: victim.customerId! } })).toBe(1);
    expect(await db.workflowRunStep.count({ where: { runId: victim.id } })).toBe(1);
    expect(customers).toHaveLength(20);
  });
});

describe("campaign and customer changes", () => {
  it("a paused campaign holds its runs; resumed they go on", async () => {
    const { org, campaign, clock, runs } = await setup(2);
    await db.campaign.update({ where: { id: campaign.id }, data: { status: "paused" } });
    expect((await runDueWorkflowSteps({ clock, organizationId: org.id })).claimed).toBe(0);
    expect((await runs()).map((r) => r.state)).toEqual(["active", "active"]);
    await db.campaign.update({ where: { id: campaign.id }, data: { status: "active" } });
    expect((await runDueWorkflowSteps({ clock, organizationId: org.id })).calls).toBe(2);
  });

  it("a completed campaign stops its runs, also those waiting for a call; a deleted customer's run stops", async () => {
    const { org, campaign, customers, clock, runs } = await setup(3);
    await runDueWorkflowSteps({ clock, organizationId: org.id });
    await db.customer.delete({ where: { id: customers[0].id } });
    const dialer = answeringDialer(org.id, clock, () => "No Contact");
    await db.campaign.update({ where: { id: campaign.id }, data: { status: "completed" } });
    await drainDueAttempts({ clock, dialerFor: dialer.dialerFor, organizationId: org.id }); // the engine cancels the attempts
    await runDueWorkflowSteps({ clock, organizationId: org.id });
    const states = (await runs()).map((r) => [r.customerId === null ? "deleted" : "kept", r.state, r.stopReason]).sort();
    expect(states).toEqual([
      ["deleted", "stopped", "customer_deleted"],
      ["kept", "stopped", "campaign_completed"],
      ["kept", "stopped", "campaign_completed"],
    ]);
  });
});

describe("versions", () => {
  it("editing makes a new version: running customers finish on theirs, new ones start on the new one", async () => {
    const { org, workflow, template, campaign, clock, ctx, runs } = await setup(1);
    const def = collectionsDefinition(org.agent.id, template.id);
    const updated = await updateWorkflow(ctx, workflow.id, {
      definition: { steps: [{ id: "only", type: "sms", templateId: template.id }, ...def.steps.slice(0, 1)] },
    });
    expect(updated.latestVersion).toBe(2);
    const [fresh] = await createCustomers(campaign.id, 1, { offset: 500 }).then((all) => all.filter((c) => c.identifier === "LN00000500"));
    await startRuns(ctx, campaign, [fresh.id], clock.now());
    await runDueWorkflowSteps({ clock, organizationId: org.id });
    const all = await runs();
    const versions = await db.workflowVersion.findMany({ where: { workflowId: workflow.id }, orderBy: { version: "asc" } });
    expect(all.find((r) => r.customerId === fresh.id)).toMatchObject({ workflowVersionId: versions[1].id });
    expect(all.find((r) => r.customerId === fresh.id)!.steps[0]).toMatchObject({ stepId: "only", type: "sms" });
    expect(all.find((r) => r.customerId !== fresh.id)).toMatchObject({ workflowVersionId: versions[0].id, state: "waiting_call" });
  });
});
