import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as list, POST as create } from "@/app/api/v1/workflows/route";
import { DELETE as remove, GET as get, PUT as update } from "@/app/api/v1/workflows/[id]/route";
import { GET as runs } from "@/app/api/v1/workflows/runs/route";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { createCustomers } from "@/lib/calls/calls-test-kit";
import { startRuns } from "@/lib/workflows/start-runs";

// /api/v1/workflows in TimePay's conventions: Bearer key, {success, message, data}, pagination.

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("wf-api-a");
  b = await createTestOrg("wf-api-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

const steps = () => [
  { id: "call", type: "call", agentId: a.agent.id },
  { id: "wait", type: "wait", minutes: 60 },
  { id: "end", type: "stop" },
];

describe("/api/v1/workflows", () => {
  it("creates (version 1), lists with pagination, edits into version 2, refuses delete while used, then deletes", async () => {
    const made = await call(create, { apiKey: a.apiKey, body: { name: "Follow-up", steps: steps() } });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({
      success: true,
      message: "Workflow created successfully",
      data: { name: "Follow-up", version: 1, steps: steps() },
    });
    const id = made.json.data.id as string;

    const listed = await call(list, { apiKey: a.apiKey, query: { page: "1", limit: "10" } });
    expect(listed.json).toMatchObject({
      success: true,
      data: [{ id, version: 1 }],
      pagination: { page: 1, limit: 10, total: 1, totalPages: 1 },
    });
    expect((await call(list, { apiKey: b.apiKey })).json.data).toEqual([]);
    expect((await call(get, { apiKey: b.apiKey, params: { id } })).status).toBe(404);

    const edited = await call(update, { method: "PUT", apiKey: a.apiKey, params: { id }, body: { steps: steps().slice(0, 1) } });
    expect(edited.json).toMatchObject({ success: true, message: "Workflow updated successfully", data: { version: 2 } });
    const campaign = await createTestCampaign(a.id, "emi", { workflowId: id });
    const one = await call(get, { apiKey: a.apiKey, params: { id } });
    expect(one.json.data.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(one.json.data.campaigns).toEqual([{ id: campaign.id, name: campaign.name, pinnedVersion: 2 }]);

    const refused = await call(remove, { method: "DELETE", apiKey: a.apiKey, params: { id } });
    expect(refused.status).toBe(409);
    expect(refused.json).toEqual({
      success: false,
      error: "Conflict",
      message: `Cannot delete: Workflow is used by campaign(s): ${campaign.name}`,
    });
    await db.campaign.update({ where: { id: campaign.id }, data: { workflowId: null } });
    expect((await call(remove, { method: "DELETE", apiKey: a.apiKey, params: { id } })).json).toEqual({
      success: true,
      message: "Workflow deleted successfully",
      data: { id },
    });
  });

  it("refuses a definition naming a missing agent or step, each problem named, and writes nothing", async () => {
    const res = await call(create, {
      apiKey: a.apiKey,
      body: { name: "Broken", steps: [{ id: "c", type: "call", agentId: b.agent.id, next: "ghost" }] },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      success: false,
      message: "Invalid workflow definition",
      errors: ['steps[0].next: step "c" points at a missing step "ghost"'],
    });
    const agent = await call(create, {
      apiKey: a.apiKey,
      body: { name: "Broken", steps: [{ id: "c", type: "call", agentId: b.agent.id }] },
    });
    expect(agent.json.errors).toEqual([`steps[0] ("c"): agent "${b.agent.id}" does not exist in your organization`]);
    expect(await db.workflow.count({ where: { organizationId: a.id, name: "Broken" } })).toBe(0);
  });

  it("lists a campaign's and a customer's runs with their step history", async () => {
    const made = await call(create, { apiKey: a.apiKey, body: { name: "Runs", steps: steps() } });
    const campaign = await createTestCampaign(a.id, "emi", { workflowId: made.json.data.id });
    const customers = await createCustomers(campaign.id, 2);
    await startRuns(
      { organizationId: a.id, actor: { userId: null, apiKeyId: null, role: "admin" }, source: "system" },
      campaign,
      customers.map((c) => c.id),
      new Date("2099-12-07T04:30:00Z"),
    );
    const byCampaign = await call(runs, { apiKey: a.apiKey, query: { campaign_id: campaign.id } });
    expect(byCampaign.json).toMatchObject({ success: true, pagination: { total: 2 } });
    expect(byCampaign.json.data[0]).toMatchObject({ campaignId: campaign.id, version: 1, state: "active", currentStep: "call", steps: [] });
    const byCustomer = await call(runs, { apiKey: a.apiKey, query: { customer_id: customers[0].id } });
    expect(byCustomer.json.data.map((r: { customerId: string }) => r.customerId)).toEqual([customers[0].id]);
    expect((await call(runs, { apiKey: b.apiKey, query: { campaign_id: campaign.id } })).status).toBe(404);
    expect((await call(runs, { apiKey: a.apiKey })).status).toBe(400);
  });
});
