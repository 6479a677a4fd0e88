import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createCampaign } from "@/app/api/v1/campaigns/create/route";
import { PUT as updateCampaign } from "@/app/api/v1/campaigns/update/[id]/route";
import { POST as createWorkflow } from "@/app/api/v1/workflows/route";
import { GET as getWorkflow, PUT as updateWorkflow } from "@/app/api/v1/workflows/[id]/route";
import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { call } from "@/lib/test/http";
import { CAMPAIGN_WINDOW, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { createCustomers } from "@/lib/calls/calls-test-kit";
import { campaignRunsSummary } from "@/lib/workflows/campaign-runs-summary";
import { startRuns } from "@/lib/workflows/start-runs";

// A campaign's workflow chosen on create and changed on update (PUT /api/v1/campaigns/update/{id}
// with workflowId, or null for none): the campaign is pinned to the chosen workflow's newest
// version, an edit of the workflow moves the pin on for new runs, and runs already going finish
// on the version they started on. Another organization's workflow is not found.

let a: TestOrg;
let b: TestOrg;
let ctx: DomainContext;
beforeAll(async () => {
  a = await createTestOrg("camp-wf-a");
  b = await createTestOrg("camp-wf-b");
  ctx = { organizationId: a.id, actor: { userId: null, apiKeyId: null, role: "admin" }, source: "system" };
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

const steps = (agentId: string) => [
  { id: "call", type: "call", agentId },
  { id: "wait", type: "wait", minutes: 60 },
  { id: "end", type: "stop" },
];
const newWorkflow = async (org: TestOrg, name: string) => {
  const made = await call(createWorkflow, { apiKey: org.apiKey, body: { name, steps: steps(org.agent.id) } });
  expect(made.status).toBe(201);
  return made.json.data.id as string;
};
const versionId = async (workflowId: string, version: number) =>
  (await db.workflowVersion.findUniqueOrThrow({ where: { workflowId_version: { workflowId, version } } })).id;
const put = (org: TestOrg, id: string, body: unknown) => call(updateCampaign, { method: "PUT", apiKey: org.apiKey, params: { id }, body });
const runVersions = async (campaignId: string) =>
  (
    await db.workflowRun.findMany({
      where: { campaignId },
      orderBy: { createdAt: "asc" },
      select: { workflowVersionId: true, state: true },
    })
  ).map((r) => [r.workflowVersionId, r.state]);

describe("a campaign's workflow", () => {
  it("changes on update: new runs on the chosen workflow's version, edits move the pin on, running customers stay on theirs", async () => {
    const first = await newWorkflow(a, "First");
    const second = await newWorkflow(a, "Second");
    const made = await call(createCampaign, {
      apiKey: a.apiKey,
      body: {
        name: "Pinned",
        description: "",
        campaignType: "emi",
        ...CAMPAIGN_WINDOW,
        languages: ["english"],
        region: "north",
        workflowId: first,
      },
    });
    expect(made.status).toBe(201);
    const id = made.json.data.id as string;
    expect(await db.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({
      workflowId: first,
      workflowVersionId: await versionId(first, 1),
    });
    const [c1, c2, c3, c4] = await createCustomers(id, 4);
    const campaign = () => db.campaign.findUniqueOrThrow({ where: { id } });
    await startRuns(ctx, await campaign(), [c1.id]);

    const changed = await put(a, id, { workflowId: second });
    expect(changed.status).toBe(200);
    expect(changed.json).toEqual({ success: true, message: "Campaign updated successfully", updatedFields: ["workflowId"] });
    expect(await campaign()).toMatchObject({ workflowId: second, workflowVersionId: await versionId(second, 1) });
    await startRuns(ctx, await campaign(), [c2.id]);

    // Editing the workflow: the campaign's new runs start on version 2, the runs going keep version 1.
    const edited = await call(updateWorkflow, {
      method: "PUT",
      apiKey: a.apiKey,
      params: { id: second },
      body: { steps: steps(a.agent.id).slice(1) },
    });
    expect(edited.json.data.version).toBe(2);
    expect((await campaign()).workflowVersionId).toBe(await versionId(second, 2));
    const shown = await call(getWorkflow, { apiKey: a.apiKey, params: { id: second } });
    expect(shown.json.data.campaigns).toEqual([{ id, name: "Pinned", pinnedVersion: 2 }]);
    await startRuns(ctx, await campaign(), [c3.id]);
    expect(await runVersions(id)).toEqual([
      [await versionId(first, 1), "active"],
      [await versionId(second, 1), "active"],
      [await versionId(second, 2), "active"],
    ]);

    // Sending the same workflow again changes nothing; a name-only edit of the workflow makes no version.
    expect((await put(a, id, { workflowId: second, region: "south" })).status).toBe(200);
    await call(updateWorkflow, { method: "PUT", apiKey: a.apiKey, params: { id: second }, body: { name: "Second, renamed" } });
    expect(await campaign()).toMatchObject({ workflowId: second, workflowVersionId: await versionId(second, 2), region: "south" });

    // Detached: no workflow for new runs (bulk add with useWorkflow is refused), the runs going are kept.
    const detached = await put(a, id, { workflowId: null });
    expect(detached.json).toEqual({ success: true, message: "Campaign updated successfully", updatedFields: ["workflowId"] });
    expect(await campaign()).toMatchObject({ workflowId: null, workflowVersionId: null });
    await expect(startRuns(ctx, await campaign(), [c4.id])).rejects.toMatchObject({ problems: [{ code: "no_workflow" }] });
    expect(await runVersions(id)).toHaveLength(3);
    // The campaign page still counts those runs, per version.
    expect(await campaignRunsSummary(a.id, id)).toEqual({
      workflow: null,
      rows: [
        { version: "Second, renamed v2", stepId: "wait", state: "active", count: 1 },
        { version: "Second, renamed v1", stepId: "call", state: "active", count: 1 },
        { version: "First v1", stepId: "call", state: "active", count: 1 },
      ],
    });
  });

  it("404 for another organization's workflow id on create and update, and changes nothing", async () => {
    const theirs = await newWorkflow(b, "Theirs");
    const mine = await newWorkflow(a, "Mine");
    const created = await call(createCampaign, {
      apiKey: a.apiKey,
      body: {
        name: "Foreign",
        description: "",
        campaignType: "emi",
        ...CAMPAIGN_WINDOW,
        languages: ["english"],
        region: "north",
        workflowId: theirs,
      },
    });
    expect(created.status).toBe(404);
    expect(created.json).toEqual({ success: false, message: "Workflow not found" });
    expect(await db.campaign.count({ where: { organizationId: a.id, name: "Foreign" } })).toBe(0);

    const made = await call(createCampaign, {
      apiKey: a.apiKey,
      body: {
        name: "Mine",
        description: "",
        campaignType: "emi",
        ...CAMPAIGN_WINDOW,
        languages: ["english"],
        region: "north",
        workflowId: mine,
      },
    });
    const id = made.json.data.id as string;
    for (const workflowId of [theirs, "no-such-workflow"]) {
      const res = await put(a, id, { workflowId, region: "east" });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ success: false, message: "Workflow not found" });
    }
    expect(await db.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ workflowId: mine, region: "north" });
  });

  it("400 naming workflowId for a value that is no workflow id", async () => {
    const made = await call(createCampaign, {
      apiKey: a.apiKey,
      body: { name: "Bad ids", description: "", campaignType: "emi", ...CAMPAIGN_WINDOW, languages: ["english"], region: "north" },
    });
    for (const workflowId of ["", 42, "x".repeat(65)]) {
      const res = await put(a, made.json.data.id, { workflowId });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        success: false,
        message: "Validation failed",
        errors: ["workflowId must be a workflow id, or null for no workflow"],
      });
    }
  });
});
