import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as initiate } from "@/app/api/v1/initiate/[campaignId]/calls/route";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { POST as addOne } from "@/app/api/v1/customers/add/route";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { loan } from "@/lib/test/records";
import { startRuns } from "@/lib/workflows/start-runs";
import { runDueWorkflowSteps } from "@/lib/workflows/runner";
import { collectionsWorkflow } from "@/lib/workflows/workflows-test-kit";
import { contextOf, createCallsCampaign, createCustomers, expandAcceptedBatches } from "./calls-test-kit";

// An AI agent's variables (the customer fields its script uses): a campaign without one of those
// fields answers 400 naming them (initiate, its preflight, bulk and single add with initiateCall,
// nothing added); a customer with an empty value counts in `failed` (MISSING_AGENT_VARIABLES,
// the variables named) while the others are called; a workflow's call step records the refusal.

const MISSING_DUE_AMOUNT =
  "Missing agent variables: due_amount, promise_note (the agent's script uses them and the campaign's fields do not provide them)";
const orgs: TestOrg[] = [];
beforeAll(async () => {
  await getBoss();
});
afterAll(async () => {
  await Promise.all(orgs.map(deleteTestOrg));
  await stopBoss();
});

async function setup(variables: string[], n = 3, workflowId?: string) {
  const org = await createTestOrg("agent-vars");
  orgs.push(org);
  await db.agent.update({ where: { id: org.agent.id }, data: { variables } });
  const campaign = await createCallsCampaign(org.id, "emi", workflowId ? { workflowId } : {});
  const customers = await createCustomers(campaign.id, n);
  // Every customer has an EMI due date in its fields but the last one ("" as a spreadsheet leaves it).
  for (const [i, c] of customers.entries())
    await db.customer.update({ where: { id: c.id }, data: { data: { emi_due_date: i === n - 1 ? " " : "2099-12-15" } } });
  const target = { agentId: org.agent.id, dispositionId: org.disposition.id };
  const initiateCalls = (query?: Record<string, string>) =>
    call(initiate, {
      apiKey: org.apiKey,
      params: { campaignId: campaign.id },
      body: target,
      path: `/api/v1/initiate/${campaign.id}/calls`,
      query,
    });
  return { org, campaign, customers, target, initiateCalls };
}

describe("agent variables", () => {
  it("initiate: 400 naming the variables the campaign's fields lack, also on preflight; nothing scheduled", async () => {
    const { org, initiateCalls } = await setup(["first_name", "due_amount", "promise_note"]);
    for (const query of [undefined, { validateOnly: "true" }]) {
      const res = await initiateCalls(query);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        success: false,
        message: MISSING_DUE_AMOUNT,
        errors: [
          "agentId: the agent's variable due_amount is not a field of the campaign",
          "agentId: the agent's variable promise_note is not a field of the campaign",
        ],
        missingVariables: ["due_amount", "promise_note"],
      });
    }
    expect(await db.call.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("initiate: a customer with an empty value fails with MISSING_AGENT_VARIABLES, the others are called (207); preflight says so", async () => {
    const { org, customers, initiateCalls } = await setup(["first_name", "emi_due_date"]);
    const reason = "Missing agent variables: no value for emi_due_date";

    const pre = await initiateCalls({ validateOnly: "true" });
    expect(pre.status).toBe(200);
    expect(pre.json.results).toMatchObject({ customersSelected: 3, wouldInitiate: 2, wouldFail: 1 });
    expect(pre.json.results.blocked).toMatchObject({ missingAgentVariables: 1, dnc: 0 });
    expect(pre.json.results.errors).toEqual([{ id: customers[2].identifier, error: "MISSING_AGENT_VARIABLES", reason }]);
    expect(await db.call.count({ where: { organizationId: org.id } })).toBe(0);

    const res = await initiateCalls();
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({ success: false, message: "Calls initiated for 2 customers" });
    expect(res.json.results).toMatchObject({ totalMatched: 3, customersSelected: 3, initiated: 2, failed: 1 });
    expect(res.json.results.errors).toEqual([{ id: customers[2].identifier, error: "MISSING_AGENT_VARIABLES", reason }]);
    const called = await db.call.findMany({ where: { organizationId: org.id }, select: { customerId: true } });
    expect(called.map((c) => c.customerId).sort()).toEqual([customers[0].id, customers[1].id].sort());
  });

  it("a column-backed variable (first_name) empty on the customer is missing too", async () => {
    const { customers, initiateCalls } = await setup(["first_name"], 2);
    await db.customer.update({ where: { id: customers[0].id }, data: { firstName: null } });
    const res = await initiateCalls();
    expect(res.status).toBe(207);
    expect(res.json.results.errors).toEqual([
      { id: customers[0].identifier, error: "MISSING_AGENT_VARIABLES", reason: "Missing agent variables: no value for first_name" },
    ]);
  });

  it("bulk add with initiateCall: the campaign lacking a variable is a 400 before any record is added, also validate-only", async () => {
    const { campaign, target, org } = await setup(["due_amount", "promise_note"], 0);
    for (const query of [undefined, { validateOnly: "true" }]) {
      const res = await call(bulkAdd, {
        apiKey: org.apiKey,
        query,
        body: { campaignId: campaign.id, records: [loan(1)], initiateCall: true, callConfig: target },
      });
      expect([res.status, res.json.message, res.json.missingVariables]).toEqual([400, MISSING_DUE_AMOUNT, ["due_amount", "promise_note"]]);
    }
    const single = await call(addOne, {
      apiKey: org.apiKey,
      body: { campaignId: campaign.id, data: loan(2), initiateCall: true, callConfig: target },
    });
    expect([single.status, single.json.message]).toEqual([400, MISSING_DUE_AMOUNT]);
    expect(await db.customer.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("bulk add with initiateCall: a record with an empty variable is added but not called (callResults), validate-only counts it", async () => {
    const { campaign, target, org } = await setup(["first_name", "language"], 0);
    const records = [loan(11), loan(12, { language: "" }), loan(13)];
    const reason = "Missing agent variables: no value for language";

    const pre = await call(bulkAdd, {
      apiKey: org.apiKey,
      query: { validateOnly: "true" },
      body: { campaignId: campaign.id, records, initiateCall: true, callConfig: target },
    });
    expect(pre.status).toBe(200);
    expect(pre.json.callResults).toMatchObject({ totalRequested: 3, wouldInitiate: 2, wouldFail: 1 });
    expect(pre.json.callResults.blocked.missingAgentVariables).toBe(1);
    expect(pre.json.callResults.errors).toEqual([{ id: "LN12", error: "MISSING_AGENT_VARIABLES", reason }]);

    const res = await call(bulkAdd, {
      apiKey: org.apiKey,
      body: { campaignId: campaign.id, records, initiateCall: true, callConfig: target },
    });
    expect(res.status).toBe(201);
    expect(res.json.message).toBe("Added 3 of 3 records | Calls initiated for 2 customers");
    expect(res.json.callResults).toMatchObject({
      totalRequested: 3,
      initiated: 2,
      failed: 1,
      errors: [{ id: "LN12", error: "MISSING_AGENT_VARIABLES", reason }],
    });
    // The attempts are written after the answer (the calls-expand worker's code).
    expect(await expandAcceptedBatches(campaign.id)).toBe(1);
    expect(await db.call.count({ where: { campaignId: campaign.id } })).toBe(2);
  });

  it("single add with initiateCall: added, callInitiated false with the reason as callError", async () => {
    const { campaign, target, org } = await setup(["first_name", "language"], 0);
    const res = await call(addOne, {
      apiKey: org.apiKey,
      body: { campaignId: campaign.id, data: loan(21, { language: undefined }), initiateCall: true, callConfig: target },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      success: true,
      callInitiated: false,
      callError: "Missing agent variables: no value for language",
    });
    expect(await db.customer.count({ where: { campaignId: campaign.id } })).toBe(1);
    expect(await db.call.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("workflow call step: the customer without a value has the step recorded blocked with the code; the others are called", async () => {
    const org0 = await createTestOrg("agent-vars-wf");
    orgs.push(org0);
    const { workflow } = await collectionsWorkflow(org0);
    await db.agent.update({ where: { id: org0.agent.id }, data: { variables: ["emi_due_date"] } });
    const campaign = await createCallsCampaign(org0.id, "emi", { workflowId: workflow.id });
    const customers = await createCustomers(campaign.id, 2);
    await db.customer.update({ where: { id: customers[0].id }, data: { data: { emi_due_date: "2099-12-15" } } });
    const clock = manualClock("2099-12-07T04:30:00Z"); // Monday 10:00 IST
    const ctx = contextOf(org0.id);
    await startRuns(
      ctx,
      campaign,
      customers.map((c) => c.id),
      clock.now(),
    );
    await runDueWorkflowSteps({ clock, organizationId: org0.id });

    const runs = await db.workflowRun.findMany({ where: { campaignId: campaign.id }, include: { steps: { orderBy: { seq: "asc" } } } });
    const runOf = (id: string) => runs.find((r) => r.customerId === id)!;
    expect(runOf(customers[0].id).state).toBe("waiting_call");
    const refused = runOf(customers[1].id);
    expect(refused.steps[0]).toMatchObject({
      stepId: "call1",
      status: "blocked",
      result: { status: "Blocked", error: "MISSING_AGENT_VARIABLES", reason: "Missing agent variables: no value for emi_due_date" },
    });
    expect(await db.call.count({ where: { customerId: customers[1].id } })).toBe(0);
    expect(await db.call.count({ where: { customerId: customers[0].id } })).toBe(1);

    // The agent's script changed to a field the campaign lacks: the step is refused for everyone, no crash.
    await db.agent.update({ where: { id: org0.agent.id }, data: { variables: ["due_amount"] } });
    const more = await createCustomers(campaign.id, 1, { offset: 50 });
    await startRuns(ctx, campaign, [more.find((c) => c.identifier === "LN00000050")!.id], clock.now());
    await runDueWorkflowSteps({ clock, organizationId: org0.id });
    const late = await db.workflowRun.findFirstOrThrow({
      where: { campaignId: campaign.id, customer: { identifier: "LN00000050" } },
      include: { steps: { orderBy: { seq: "asc" } } },
    });
    expect(late.steps[0]).toMatchObject({
      stepId: "call1",
      status: "blocked",
      result: { status: "Blocked", error: "MISSING_AGENT_VARIABLES" },
    });
  });
});
