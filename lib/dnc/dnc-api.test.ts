import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createApiKey } from "@/lib/auth/api-keys";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { call } from "@/lib/test/http";
import { GET as listRoute, POST as addRoute } from "@/app/api/dnc/route";
import { PATCH as patchRoute } from "@/app/api/dnc/[id]/route";
import { POST as checkRoute } from "@/app/api/dnc/check/route";
import { POST as importRoute } from "@/app/api/dnc/import/route";
import { GET as historyRoute } from "@/app/api/dnc/history/route";

// The DNC screen's routes over HTTP handlers (answers checked against the OpenAPI document):
// status codes, errors at their field, the viewer refused on every write.

let a: TestOrg;
let b: TestOrg;
let viewerKey: string;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("dnc-api-a"), createTestOrg("dnc-api-b")]);
  viewerKey = (await createApiKey({ organizationId: a.id, name: "viewer", role: "viewer" })).secret;
});
afterAll(async () => {
  await Promise.all([deleteTestOrg(a), deleteTestOrg(b)]);
});

describe("DNC screen routes", () => {
  it("add, find in another format, remove, re-activate, history", async () => {
    const added = await call(addRoute, { apiKey: a.apiKey, body: { number: "98765 43211", campaignId: null, reason: "asked" } });
    expect(added).toMatchObject({ status: 201, json: { entry: { phoneE164: "+919876543211", status: "active" } } });
    const id = added.json.entry.id as string;
    const found = await call(listRoute, { apiKey: a.apiKey, query: { q: "+91 98765-43211" } });
    expect(found.json).toMatchObject({ total: 1, rows: [{ id, phoneRaw: "98765 43211", reason: "asked", addedBy: "API key “test”" }] });
    expect((await call(patchRoute, { method: "PATCH", apiKey: a.apiKey, params: { id }, body: { active: false } })).json).toEqual({
      entry: { id, status: "inactive", changed: true },
    });
    expect((await call(listRoute, { apiKey: a.apiKey, query: { status: "inactive" } })).json.rows.map((r: { id: string }) => r.id)).toEqual(
      [id],
    );
    await call(patchRoute, { method: "PATCH", apiKey: a.apiKey, params: { id }, body: { active: true } });
    const history = await call(historyRoute, { apiKey: a.apiKey, query: { entry: id } });
    expect(history.json.rows.map((r: { action: string }) => r.action)).toEqual(["reactivated", "deactivated", "added"]);
  });

  it("puts errors at their field: not a number, a duplicate, an unknown campaign", async () => {
    const bad = await call(addRoute, { apiKey: a.apiKey, body: { number: "123", campaignId: null } });
    expect(bad).toMatchObject({ status: 400, json: { error: { errors: [expect.stringMatching(/^number: /)] } } });
    await call(addRoute, { apiKey: a.apiKey, body: { number: "9876500001", campaignId: null } });
    const dup = await call(addRoute, { apiKey: a.apiKey, body: { number: "+919876500001", campaignId: null } });
    expect(dup).toMatchObject({ status: 409, json: { error: { errors: ["number: +919876500001 is already on the global list"] } } });
    const campaignB = await createTestCampaign(b.id, "emi");
    expect((await call(addRoute, { apiKey: a.apiKey, body: { number: "9876500002", campaignId: campaignB.id } })).status).toBe(404);
    expect((await call(listRoute, { apiKey: a.apiKey, query: { page: "0" } })).status).toBe(400);
  });

  it("checks a file without writing, then imports the valid rows", async () => {
    const body = {
      campaignId: null,
      numbers: [
        { row: 2, value: "9876500100" },
        { row: 3, value: "98765 00100" },
        { row: 4, value: "hello" },
      ],
    };
    const check = await call(checkRoute, { apiKey: a.apiKey, body });
    expect(check.json.counts).toEqual({ rows: 3, toAdd: 1, toReactivate: 0, invalid: 1, duplicateInFile: 1, alreadyListed: 0 });
    expect(await db.dncEntry.count({ where: { organizationId: a.id, phoneE164: "+919876500100" } })).toBe(0);
    const done = await call(importRoute, { apiKey: a.apiKey, body });
    expect(done.json).toEqual({ imported: { rows: 3, added: 1, reactivated: 0, invalid: 1, duplicateInFile: 1, alreadyListed: 0 } });
    expect(await db.dncEntry.count({ where: { organizationId: a.id, phoneE164: "+919876500100" } })).toBe(1);
  });

  it("a viewer reads the list and the history and writes nothing", async () => {
    const entry = await db.dncEntry.findFirstOrThrow({ where: { organizationId: a.id } });
    const before = await db.dncEntry.count({ where: { organizationId: a.id } });
    expect((await call(listRoute, { apiKey: viewerKey })).status).toBe(200);
    expect((await call(historyRoute, { apiKey: viewerKey })).status).toBe(200);
    const file = { campaignId: null, numbers: [{ row: 1, value: "9876500200" }] };
    for (const res of [
      await call(addRoute, { apiKey: viewerKey, body: { number: "9876500200", campaignId: null } }),
      await call(patchRoute, {
        method: "PATCH",
        apiKey: viewerKey,
        params: { id: entry.id },
        body: { active: !(entry.status === "active") },
      }),
      await call(checkRoute, { apiKey: viewerKey, body: file }),
      await call(importRoute, { apiKey: viewerKey, body: file }),
    ]) {
      expect(res.status).toBe(403);
    }
    expect(await db.dncEntry.count({ where: { organizationId: a.id } })).toBe(before);
    expect((await db.dncEntry.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe(entry.status);
  });

  it("another organization's entry is not found", async () => {
    const entry = await db.dncEntry.findFirstOrThrow({ where: { organizationId: a.id } });
    expect((await call(patchRoute, { method: "PATCH", apiKey: b.apiKey, params: { id: entry.id }, body: { active: false } })).status).toBe(
      404,
    );
    expect((await call(listRoute, { apiKey: b.apiKey })).json.total).toBe(0);
  });
});
