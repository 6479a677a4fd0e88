import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/campaigns/[id]/mapping/route";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";

let a: TestOrg;
let b: TestOrg;
let campaignId: string;
beforeAll(async () => {
  a = await createTestOrg("map-a");
  b = await createTestOrg("map-b");
  campaignId = (await createTestCampaign(a.id, "emi")).id;
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

const put = (columns: Record<string, string | null>, apiKey = a.apiKey, id = campaignId) =>
  call(PUT, { method: "PUT", apiKey, params: { id }, body: { columns } });

describe("GET|PUT /api/campaigns/{id}/mapping", () => {
  it("has nothing saved at first, then remembers a file's choices and merges the next file's into them", async () => {
    expect((await call(GET, { apiKey: a.apiKey, params: { id: campaignId } })).json).toEqual({ mapping: null });

    const first = await put({ mobileno: "phone_number", branch: null });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ mapping: { version: 1, columns: { mobileno: "phone_number", branch: null } } });

    await put({ cell: "phone_number", branch: "first_name" });
    const got = await call(GET, { apiKey: a.apiKey, params: { id: campaignId } });
    expect(got.json).toEqual({
      mapping: { version: 1, columns: { mobileno: "phone_number", branch: "first_name", cell: "phone_number" } },
    });
    const stored = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(stored.savedMapping).toEqual(got.json.mapping);
  });

  it("400 for a field the campaign does not have, and for a malformed body", async () => {
    const unknown = await put({ mobile: "numeric", x: "customer_info:city" });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({
      error: {
        code: "validation",
        message: "Validation failed",
        errors: ["columns: 'numeric' is not a field of this campaign", "columns: 'customer_info:city' is not a field of this campaign"],
      },
    });
    const malformed = await call(PUT, { method: "PUT", apiKey: a.apiKey, params: { id: campaignId }, body: { columns: ["phone_number"] } });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe("validation");
  });

  it("remembers values mapped to an enum field's values, merged per field, next to the columns", async () => {
    const id = (await createTestCampaign(a.id, "emi")).id;
    const body = (values: Record<string, Record<string, string | null>>) => ({ columns: {}, values });
    const first = await call(PUT, {
      method: "PUT",
      apiKey: a.apiKey,
      params: { id },
      body: body({ payment_status: { overdue: "pending", "partially paid": "partial" }, language: { espanol: null } }),
    });
    expect(first.status).toBe(200);
    await call(PUT, {
      method: "PUT",
      apiKey: a.apiKey,
      params: { id },
      body: body({ payment_status: { overdue: "bounced", due: "pending" } }),
    });
    const got = await call(GET, { apiKey: a.apiKey, params: { id } });
    expect(got.json).toEqual({
      mapping: {
        version: 1,
        columns: {},
        values: { payment_status: { overdue: "bounced", "partially paid": "partial", due: "pending" }, language: { espanol: null } },
      },
    });
  });

  it("400 for values of a field that is no enum, or mapped to a value outside its enum", async () => {
    const res = await call(PUT, {
      method: "PUT",
      apiKey: a.apiKey,
      params: { id: campaignId },
      body: { columns: {}, values: { first_name: { x: "y" }, payment_status: { overdue: "late" }, language: { espanol: "english" } } },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.errors).toEqual([
      "values: 'first_name' is not an enum field of this campaign",
      "values: 'late' is not a value of 'payment_status'",
    ]);
  });

  it("404 for another organization's campaign, and leaves it untouched", async () => {
    const theirs = await put({ mobile: "phone_number" }, b.apiKey);
    expect(theirs.status).toBe(404);
    expect(theirs.json).toEqual({ error: { code: "not_found", message: "Campaign not found" } });
    expect((await call(GET, { apiKey: b.apiKey, params: { id: campaignId } })).status).toBe(404);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).savedMapping).not.toMatchObject({
      columns: { mobile: expect.anything() },
    });
  });

  it("401 without a credential", async () => {
    const res = await call(GET, { params: { id: campaignId } });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: "unauthorized", message: "Missing or invalid authorization header" } });
  });
});
