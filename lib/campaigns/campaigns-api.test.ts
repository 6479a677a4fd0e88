import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as create } from "@/app/api/v1/campaigns/create/route";
import { GET as list } from "@/app/api/v1/campaigns/route";
import { DELETE as remove, GET as getOne } from "@/app/api/v1/campaigns/[id]/route";
import { PUT as update } from "@/app/api/v1/campaigns/update/[id]/route";
import { PATCH as pause } from "@/app/api/v1/campaigns/pause/[id]/route";
import { call } from "@/lib/test/http";
import { CAMPAIGN_WINDOW, createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { db } from "@/lib/db/client";

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("camp-a");
  b = await createTestOrg("camp-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

const validBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  description: "Q1 collections",
  campaignType: "emi",
  ...CAMPAIGN_WINDOW,
  languages: ["hindi", "english"],
  region: "north",
  tags: ["q1"],
  ...extra,
});

const UNAUTHORIZED = { success: false, error: "Unauthorized", message: "Missing or invalid authorization header" };

describe("POST /api/v1/campaigns/create", () => {
  it("creates a campaign: 201 with id and name", async () => {
    const res = await call(create, { apiKey: a.apiKey, body: validBody("Debt Collection Q1") });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      success: true,
      message: "Campaign created successfully",
      data: { id: expect.stringMatching(/^camp_[0-9a-f]{16}$/), name: "Debt Collection Q1" },
    });
    const stored = await db.campaign.findUniqueOrThrow({ where: { id: res.json.data.id } });
    expect(stored).toMatchObject({ organizationId: a.id, serviceType: "debt_collection", campaignType: "emi", status: "active" });
  });

  it("maps lead to lead generation and custom to CRM fields", async () => {
    const lead = await call(create, { apiKey: a.apiKey, body: validBody("Leads", { campaignType: "lead" }) });
    expect(lead.status).toBe(201);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: lead.json.data.id } })).serviceType).toBe("lead_generation");
    const custom = await call(create, {
      apiKey: a.apiKey,
      body: validBody("Phonebook", {
        campaignType: "custom",
        crmFields: [{ key: "customer_info:customer_id", required: true }, { key: "customer_info:customer_name" }],
        identifierField: "customer_info:customer_id",
      }),
    });
    expect(custom.status).toBe(201);
    const stored = await db.campaign.findUniqueOrThrow({ where: { id: custom.json.data.id } });
    const schema = stored.fieldSchema as { identifierKey: string; phoneKey: string; fields: { key: string }[] };
    expect(schema.identifierKey).toBe("customer_info:customer_id");
    expect(schema.phoneKey).toBe("numeric");
    expect(schema.fields.map((f) => f.key)).toEqual(["numeric", "user", "customer_info:customer_id", "customer_info:customer_name"]);
  });

  it("400 lists every invalid field in TimePay's validation shape", async () => {
    const res = await call(create, {
      apiKey: a.apiKey,
      body: {
        name: "",
        campaignType: "loan",
        startDate: "2026-02-30",
        startTime: "25:00",
        endDate: "2026-01-01",
        endTime: "10:00",
        languages: ["klingon"],
        region: "north",
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.success).toBe(false);
    expect(res.json.message).toBe("Validation failed");
    expect(res.json.errors).toEqual(
      expect.arrayContaining([
        "name must not be empty",
        "description is required",
        "campaignType must be one of emi, edi, lead, custom",
        "startDate must be a real calendar date",
        "startTime must be a time in HH:MM (24-hour) format",
        "languages.0 must each be one of hindi, english, bengali, telugu, marathi, tamil, gujarati, kannada, malayalam, punjabi, odia, assamese",
      ]),
    );
  });

  it("400 when endDate is before startDate, and for custom campaigns without CRM fields", async () => {
    const res = await call(create, { apiKey: a.apiKey, body: validBody("Backwards", { startDate: "2026-05-01", endDate: "2026-04-01" }) });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual(["endDate must not be before startDate"]);
    const custom = await call(create, { apiKey: a.apiKey, body: validBody("No fields", { campaignType: "custom" }) });
    expect(custom.json.errors).toEqual(["crmFields is required for custom campaigns"]);
  });

  it("400 for malformed JSON, 415 for another content type, 400 for a non-object body", async () => {
    const malformed = await call(create, { apiKey: a.apiKey, body: '{"name": "x",' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.success).toBe(false);
    expect(malformed.json.message).toMatch(/^Malformed JSON/);
    const wrongType = await call(create, {
      apiKey: a.apiKey,
      body: "name=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.json).toEqual({ success: false, error: "UnsupportedMediaType", message: "Content-Type must be application/json" });
    const array = await call(create, { apiKey: a.apiKey, body: [] });
    expect(array.status).toBe(400);
    expect(array.json.errors).toEqual(["Request body must be a JSON object"]);
  });

  it("409 for a name already used in the organization, but the same name is fine in another", async () => {
    expect((await call(create, { apiKey: a.apiKey, body: validBody("Shared name") })).status).toBe(201);
    const again = await call(create, { apiKey: a.apiKey, body: validBody("Shared name") });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ success: false, error: "Conflict", message: "A campaign with this name already exists" });
    expect((await call(create, { apiKey: b.apiKey, body: validBody("Shared name") })).status).toBe(201);
  });

  it("401 without a key, with a wrong key, and with a malformed header; both schemes accepted", async () => {
    for (const headers of [{}, { authorization: "Bearer dsk_nope" }, { authorization: "Basic abc" }] as Record<string, string>[]) {
      const res = await call(create, { headers, body: validBody("Nope") });
      expect(res.status).toBe(401);
      expect(res.json).toEqual(UNAUTHORIZED);
      expect(res.headers.get("www-authenticate")).toBe("Bearer");
    }
    const token = await call(create, { apiKey: a.apiKey, scheme: "Token", body: validBody("Via token scheme") });
    expect(token.status).toBe(201);
  });

  it("413 for a body over the limit, also when chunked without a length", async () => {
    const big = JSON.stringify(validBody("Big", { description: "x".repeat(17 * 1024 * 1024) }));
    const res = await call(create, { apiKey: a.apiKey, body: big });
    expect(res.status).toBe(413);
    expect(res.json.message).toMatch(/larger than 16 MB/);
    const stream = new ReadableStream({
      start(controller) {
        const chunk = new TextEncoder().encode("x".repeat(1024 * 1024));
        for (let i = 0; i < 17; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await create(
      new Request("http://localhost/api/v1/campaigns/create", {
        method: "POST",
        headers: { authorization: `Bearer ${a.apiKey}`, "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(413);
  });
});

describe("GET /api/v1/campaigns", () => {
  it("lists only the caller's campaigns, paginated and filtered", async () => {
    const c1 = await createTestCampaign(a.id, "emi", { name: "Alpha list" });
    await createTestCampaign(a.id, "lead", { name: "Beta list" });
    await createTestCampaign(b.id, "emi", { name: "Alpha list other org" });
    const all = await call(list, { apiKey: a.apiKey, query: { limit: "100" } });
    expect(all.status).toBe(200);
    expect(all.json.success).toBe(true);
    expect(all.json.data.every((c: { org_id: string }) => c.org_id === a.id)).toBe(true);
    const search = await call(list, { apiKey: a.apiKey, query: { search: "alpha" } });
    expect(search.json.data.map((c: { name: string }) => c.name)).toEqual(["Alpha list"]);
    expect(search.json.pagination).toEqual({ page: 1, limit: 10, total: 1, totalPages: 1 });
    const item = search.json.data[0];
    expect(item).toMatchObject({
      id: c1.id,
      tableId: c1.id,
      rowsLen: 0,
      name: "Alpha list",
      collection_type: "emi",
      region: "south",
      languages: ["hindi", "english"],
      startDate: "2026-11-01",
      startTime: "09:00",
      status: "active",
    });
    const leads = await call(list, { apiKey: a.apiKey, query: { campaign_type: "lead", limit: "100" } });
    expect(leads.json.data.every((c: { collection_type: string }) => c.collection_type === "lead")).toBe(true);
    const page2 = await call(list, { apiKey: a.apiKey, query: { limit: "1", page: "2" } });
    expect(page2.json.data).toHaveLength(1);
    expect(page2.json.pagination.page).toBe(2);
  });

  it("400 for bad query parameters; 401 without a key", async () => {
    const res = await call(list, { apiKey: a.apiKey, query: { page: "0", status: "sleeping" } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual(["page must be a positive integer", "status must be one of draft, active, paused, completed"]);
    expect((await call(list, {})).status).toBe(401);
  });
});

describe("GET, PUT update, PATCH pause, DELETE one campaign", () => {
  it("gets, updates, pauses and deletes the caller's campaign", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const got = await call(getOne, { apiKey: a.apiKey, params: { id: campaign.id } });
    expect(got.status).toBe(200);
    expect(got.json.data).toMatchObject({ id: campaign.id, name: campaign.name, collection_type: "emi" });

    const updated = await call(update, {
      method: "PUT",
      apiKey: a.apiKey,
      params: { id: campaign.id },
      body: { name: `${campaign.name} v2`, tags: ["x"], campaignType: "edi" },
    });
    expect(updated.status).toBe(200);
    expect(updated.json).toEqual({
      success: true,
      message: "Campaign updated successfully",
      updatedFields: ["name", "campaignType", "tags"],
    });

    const paused = await call(pause, { method: "PATCH", apiKey: a.apiKey, params: { id: campaign.id } });
    expect(paused.status).toBe(200);
    expect(paused.json).toEqual({
      success: true,
      message: "Campaign paused successfully",
      data: { id: campaign.id, status: "paused", pausedAt: expect.any(String) },
    });

    const deleted = await call(remove, { method: "DELETE", apiKey: a.apiKey, params: { id: campaign.id } });
    expect(deleted.json).toEqual({ success: true, data: { id: campaign.id }, message: "Campaign deleted successfully" });
    expect(await db.campaign.findUnique({ where: { id: campaign.id } })).toBeNull();
    expect((await call(getOne, { apiKey: a.apiKey, params: { id: campaign.id } })).status).toBe(404);
  });

  it("400 for an update with no fields, a bad value, or a change of service type", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const empty = await call(update, { method: "PUT", apiKey: a.apiKey, params: { id: campaign.id }, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.json).toEqual({
      success: false,
      message: "No valid fields provided for update",
      errors: ["No valid fields provided for update"],
    });
    const bad = await call(update, { method: "PUT", apiKey: a.apiKey, params: { id: campaign.id }, body: { startTime: "9am" } });
    expect(bad.json.errors).toEqual(["startTime must be a time in HH:MM (24-hour) format"]);
    const type = await call(update, { method: "PUT", apiKey: a.apiKey, params: { id: campaign.id }, body: { campaignType: "lead" } });
    expect(type.status).toBe(400);
  });

  it("answers 404 for another organization's campaign on every route, and changes nothing", async () => {
    const theirs = await createTestCampaign(b.id, "emi");
    const notFound = { success: false, message: "Campaign not found" };
    expect(await call(getOne, { apiKey: a.apiKey, params: { id: theirs.id } })).toMatchObject({ status: 404, json: notFound });
    expect(await call(update, { method: "PUT", apiKey: a.apiKey, params: { id: theirs.id }, body: { name: "hijack" } })).toMatchObject({
      status: 404,
      json: notFound,
    });
    expect(await call(pause, { method: "PATCH", apiKey: a.apiKey, params: { id: theirs.id } })).toMatchObject({
      status: 404,
      json: notFound,
    });
    expect(await call(remove, { method: "DELETE", apiKey: a.apiKey, params: { id: theirs.id } })).toMatchObject({
      status: 404,
      json: notFound,
    });
    const still = await db.campaign.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(still).toMatchObject({ name: theirs.name, status: "active" });
  });

  it("400 for a malformed campaign id on every route", async () => {
    const id = "camp_1'; DROP TABLE campaigns;--";
    const invalid = {
      success: false,
      message: "Validation failed",
      errors: ["id must be a campaign id (letters, digits, _ and -, at most 64 characters)"],
    };
    expect(await call(getOne, { apiKey: a.apiKey, params: { id } })).toMatchObject({ status: 400, json: invalid });
    expect(await call(update, { method: "PUT", apiKey: a.apiKey, params: { id }, body: { name: "x" } })).toMatchObject({
      status: 400,
      json: invalid,
    });
    expect(await call(pause, { method: "PATCH", apiKey: a.apiKey, params: { id } })).toMatchObject({ status: 400, json: invalid });
    expect(await call(remove, { method: "DELETE", apiKey: a.apiKey, params: { id: "x".repeat(65) } })).toMatchObject({
      status: 400,
      json: invalid,
    });
  });

  it("401 without credentials on every route", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    for (const [handler, method] of [
      [getOne, "GET"],
      [update, "PUT"],
      [pause, "PATCH"],
      [remove, "DELETE"],
    ] as const) {
      const res = await call(handler, { method, params: { id: campaign.id }, ...(method === "PUT" && { body: { name: "x" } }) });
      expect(res.status).toBe(401);
      expect(res.json).toEqual(UNAUTHORIZED);
    }
  });
});
