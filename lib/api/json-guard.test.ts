import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { jsonProblem, MAX_JSON_DEPTH } from "@/lib/api/json-guard";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { PUT as bulkUpdate } from "@/app/api/v1/customer-data/bulk/route";
import { GET as listCampaigns } from "@/app/api/v1/campaigns/route";
import { GET as getCampaign } from "@/app/api/v1/campaigns/[id]/route";
import { POST as uploadDnc } from "@/app/api/upload-dnc/route";
import { contact, createFlexyCampaign, upload } from "@/lib/flexydial/test-kit";
import { loan } from "@/lib/test/records";
import { stopBoss } from "@/lib/jobs/boss";

// The wrapper's boundary (lib/api/json-guard.ts): text Postgres refuses, nesting past the limit,
// integers JSON.parse cannot hold, `__proto__` — a 400 naming the field, in each contract's shape,
// and nothing written.

let a: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("guard");
});
afterAll(async () => {
  await stopBoss();
  await deleteTestOrg(a);
});

describe("jsonProblem", () => {
  it("names the field of a NUL, a lone surrogate, a deep value, and a huge integer", () => {
    expect(jsonProblem({ records: [{ data: { phone: "98\u00001" } }] })).toBe(
      "records[0].data.phone must not contain the NUL character (\\u0000)",
    );
    expect(jsonProblem({ name: "a\ud800b" })).toBe("name must not contain an unpaired UTF-16 surrogate");
    expect(jsonProblem({ name: "a\udc00" })).toBe("name must not contain an unpaired UTF-16 surrogate");
    expect(jsonProblem({ name: "emoji 😀 ok" })).toBeNull();
    expect(jsonProblem({ loan_id: 2 ** 64 })).toBe(
      "loan_id is a number beyond 2^53 that cannot be read without losing digits; send it as a string",
    );
    expect(jsonProblem({ n: 9007199254740991, neg: -9007199254740991, f: 0.5 })).toBeNull();
    expect(jsonProblem({ ["k\u0000"]: 1 })).toMatch(/^key "k\\u0000" must not contain the NUL character/);
  });

  it("refuses nesting past MAX_JSON_DEPTH without recursing (10,000 levels)", () => {
    const deep = JSON.parse(`${"[".repeat(10_000)}${"]".repeat(10_000)}`);
    expect(jsonProblem(deep)).toMatch(new RegExp(`is nested more than ${MAX_JSON_DEPTH} levels deep$`));
    let ok: unknown = "x";
    for (let i = 0; i < MAX_JSON_DEPTH; i++) ok = [ok];
    expect(jsonProblem(ok)).toBeNull();
  });
});

describe("TimePay routes", () => {
  it("bulk add: one valid record and a phone with NUL → 400 naming the field, no rows, no job", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const res = await call(bulkAdd, {
      apiKey: a.apiKey,
      body: { campaignId: campaign.id, records: [loan(1), loan(2, { phone_number: "98\u00001" })] },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      success: false,
      message: "Validation failed",
      errors: ["records[1].phone_number must not contain the NUL character (\\u0000)"],
    });
    expect(await db.customer.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(await db.uploadJob.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("bulk add: a loan_id beyond 2^53 as a JSON number is refused, never rounded", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const body = `{"campaignId":"${campaign.id}","records":[{"loan_id":12345678901234567890,"first_name":"A","last_name":"B","phone_number":"9800000001"}]}`;
    const res = await call(bulkAdd, { apiKey: a.apiKey, body });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      "records[0].loan_id is a number beyond 2^53 that cannot be read without losing digits; send it as a string",
    ]);
    expect(await db.customer.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("customer-data/bulk: a lone surrogate in a value → 400, the valid change not saved", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    expect((await call(bulkAdd, { apiKey: a.apiKey, body: { campaignId: campaign.id, records: [loan(1)] } })).status).toBe(201);
    const res = await call(bulkUpdate, {
      method: "PUT",
      apiKey: a.apiKey,
      body: {
        campaignId: campaign.id,
        records: [
          { id: "LN1", data: { first_name: "Changed" } },
          { id: "LN1", data: { last_name: "x\ud800" } },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toMatch(/last_name must not contain an unpaired UTF-16 surrogate$/);
    const [row] = await db.customer.findMany({ where: { campaignId: campaign.id } });
    expect(JSON.stringify(row)).not.toContain("Changed");
  });

  it("query strings and path parameters with NUL → 400 naming the parameter", async () => {
    const search = await call(listCampaigns, { apiKey: a.apiKey, query: { search: "a\u0000b" } });
    expect(search).toMatchObject({
      status: 400,
      json: {
        success: false,
        message: "Validation failed",
        errors: ["query parameter search must not contain the NUL character (\\u0000)"],
      },
    });
    const byId = await call(getCampaign, { apiKey: a.apiKey, params: { id: "c\u0000" } });
    expect(byId).toMatchObject({ status: 400, json: { errors: ["path parameter id must not contain the NUL character (\\u0000)"] } });
  });
});

describe("Flexydial routes", () => {
  it("a cell nested 10,000 levels deep → 400 in Flexydial's shape, no job", async () => {
    const campaign = await createFlexyCampaign(a.id);
    const deep = `${"[".repeat(10_000)}1${"]".repeat(10_000)}`;
    const body = `{"campaign":${JSON.stringify(campaign.name)},"action_type":"insert","bulk_data":[{"numeric":"9876543210","user":"priya","customer_info:customer_id":${deep}}]}`;
    const res = await upload(a.apiKey, body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      errors: expect.stringMatching(/^bulk_data\[0\]\.customer_info:customer_id(\[0\])+ is nested more than 32 levels deep$/),
    });
    expect(await db.uploadJob.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("a NUL in a mapping key → 400 naming it", async () => {
    const campaign = await createFlexyCampaign(a.id);
    const res = await upload(a.apiKey, {
      campaign: campaign.name,
      action_type: "insert",
      bulk_data: [{ ...contact(1), ["customer_info:ci\u0000ty"]: "x" }],
    });
    expect(res.status).toBe(400);
    expect(res.json.errors).toMatch(/^bulk_data\[0\] key "customer_info:ci\\u0000ty" must not contain the NUL character/);
  });

  it("DNC: a NUL in a campaign name → 400 {detail}", async () => {
    const res = await call(uploadDnc, {
      path: "/api/upload-dnc/",
      apiKey: a.apiKey,
      scheme: "Token",
      body: [{ numeric: "6300868437", campaign: "x\u0000", global_dnc: "false" }],
    });
    expect(res).toMatchObject({ status: 400, json: { detail: "[0].campaign must not contain the NUL character (\\u0000)" } });
  });

  it("every response carries an X-Request-Id, a caller's own id kept", async () => {
    const fresh = await call(listCampaigns, { apiKey: a.apiKey });
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const given = await call(listCampaigns, { apiKey: a.apiKey, headers: { "x-request-id": "lb-1234.abc" } });
    expect(given.headers.get("x-request-id")).toBe("lb-1234.abc");
    const refused = await call(listCampaigns, { headers: { "x-request-id": "bad id with spaces" } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("storable text (what must still be kept)", () => {
  it("replaces NUL and unpaired surrogates with U+FFFD in values and keys, at any depth, so jsonb takes it", async () => {
    const { storableJson } = await import("@/lib/text/storable-text");
    let deep: unknown = { ["k\u0000"]: ["a\ud800", "ok 😀"] };
    for (let i = 0; i < 200; i++) deep = [deep];
    const clean = storableJson(deep);
    const rows = await db.$queryRaw<{ v: unknown }[]>`SELECT ${JSON.stringify(clean)}::jsonb AS v`;
    let inner = rows[0].v;
    for (let i = 0; i < 200; i++) inner = (inner as unknown[])[0];
    expect(inner).toEqual({ "k\ufffd": ["a\ufffd", "ok 😀"] });
  });
});
