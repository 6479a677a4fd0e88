import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as resume } from "@/app/api/campaigns/[id]/resume/route";
import { PATCH as pause } from "@/app/api/v1/campaigns/pause/[id]/route";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { db } from "@/lib/db/client";

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("resume-a");
  b = await createTestOrg("resume-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

describe("POST /api/campaigns/{id}/resume", () => {
  it("makes a paused campaign active again and clears pausedAt", async () => {
    const campaign = await createTestCampaign(a.id);
    expect((await call(pause, { method: "PATCH", apiKey: a.apiKey, params: { id: campaign.id } })).status).toBe(200);
    const res = await call(resume, { method: "POST", apiKey: a.apiKey, params: { id: campaign.id } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ campaign: { id: campaign.id, status: "active", pausedAt: null } });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ status: "active", pausedAt: null });
  });

  it("starts a draft campaign; 400 for a completed one, which stays completed", async () => {
    const draft = await createTestCampaign(a.id, "emi", { status: "draft" });
    expect((await call(resume, { method: "POST", apiKey: a.apiKey, params: { id: draft.id } })).json.campaign.status).toBe("active");
    const done = await createTestCampaign(a.id, "emi", { status: "completed" });
    const res = await call(resume, { method: "POST", apiKey: a.apiKey, params: { id: done.id } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: "validation", message: "A completed campaign cannot be resumed" } });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("completed");
  });

  it("404 for another organization's campaign, which stays paused", async () => {
    const theirs = await createTestCampaign(b.id, "emi", { status: "paused" });
    const res = await call(resume, { method: "POST", apiKey: a.apiKey, params: { id: theirs.id } });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: "not_found", message: "Campaign not found" } });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("paused");
  });
});
