import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { GET as list } from "@/app/api/campaigns/[id]/contacts/route";
import { GET as exportContacts } from "@/app/api/campaigns/[id]/contacts/export/route";
import { DELETE as remove, GET as read, PATCH as edit } from "@/app/api/campaigns/[id]/contacts/[contactId]/route";
import { POST as dnc } from "@/app/api/campaigns/[id]/contacts/[contactId]/dnc/route";
import { getAuth } from "@/lib/auth/auth";
import { hashPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db/client";
import { loan } from "@/lib/test/records";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";

// The contacts screens' routes against a real Postgres: search (a phone typed in any format),
// filters, edit through the validation core, delete, add to DNC, exports, another organization's
// ids (404, nothing changed) and a viewer (reads, 403 on every write).

let a: TestOrg;
let b: TestOrg;
let campaign: { id: string };
let theirs: { id: string };
let theirCustomer: string;
let jobId: string;

beforeAll(async () => {
  a = await createTestOrg("contacts-a");
  b = await createTestOrg("contacts-b");
  campaign = await createTestCampaign(a.id, "emi");
  theirs = await createTestCampaign(b.id, "emi");
  const records = [
    loan(1, { first_name: "Asha", last_name: "Verma", phone_number: "9876543210" }),
    loan(2, { first_name: "Ravi", last_name: "Kumar", phone_number: "+91 98765 00002" }),
    loan(3, { first_name: '=HYPERLINK("http://evil")', last_name: "Shah", phone_number: "9876500003" }),
  ];
  const res = await call(bulkAdd, { apiKey: a.apiKey, body: { campaignId: campaign.id, records } });
  expect(res.status).toBe(201);
  jobId = res.headers.get("x-upload-job-id")!;
  await call(bulkAdd, { apiKey: b.apiKey, body: { campaignId: theirs.id, records: [loan(9, { phone_number: "9876543210" })] } });
  theirCustomer = (await db.customer.findFirstOrThrow({ where: { campaignId: theirs.id } })).id;
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

const ids = async () =>
  (await db.customer.findMany({ where: { campaignId: campaign.id }, orderBy: { identifier: "asc" } })).map((c) => c.id);
const search = (query: Record<string, string>, apiKey = a.apiKey, id = campaign.id) => call(list, { apiKey, params: { id }, query });

describe("GET /api/campaigns/{id}/contacts", () => {
  it("finds a contact by its phone typed in another format", async () => {
    for (const typed of ["98765 43210", "+91 98765-43210", "098765 43210", "+919876543210"]) {
      const res = await search({ q: typed });
      expect(res.status).toBe(200);
      expect(res.json.rows.map((r: { identifier: string }) => r.identifier)).toEqual(["LN1"]);
      expect(res.json.rows[0]).toMatchObject({ phoneRaw: "9876543210", phoneE164: "+919876543210", dnc: null });
    }
  });

  it("finds by the start of a number, an identifier and a name", async () => {
    expect((await search({ q: "98765 0" })).json.rows.map((r: { identifier: string }) => r.identifier).sort()).toEqual(["LN2", "LN3"]);
    expect((await search({ q: "LN2" })).json.rows.map((r: { identifier: string }) => r.identifier)).toEqual(["LN2"]);
    expect((await search({ q: "asha" })).json.rows.map((r: { identifier: string }) => r.identifier)).toEqual(["LN1"]);
    expect((await search({ q: "Ravi Ku" })).json.rows.map((r: { identifier: string }) => r.identifier)).toEqual(["LN2"]);
    expect((await search({ q: "nobody" })).json).toMatchObject({ rows: [], total: 0, capped: false });
  });

  it("sorts on the server and filters by upload job", async () => {
    const sorted = await search({ sort: "identifier", dir: "asc" });
    expect(sorted.json.rows.map((r: { identifier: string }) => r.identifier)).toEqual(["LN1", "LN2", "LN3"]);
    expect(sorted.json.total).toBe(3);
    expect((await search({ job: jobId })).json.total).toBe(3);
    expect((await search({ job: "upl_other" })).json.total).toBe(0);
  });

  it("answers 404 for another organization's campaign", async () => {
    const res = await search({}, a.apiKey, theirs.id);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: "not_found", message: "Campaign not found" } });
  });
});

describe("a contact", () => {
  it("is read with every field, the phone as entered and as E.164", async () => {
    const [first] = await ids();
    const res = await call(read, { apiKey: a.apiKey, params: { id: campaign.id, contactId: first } });
    expect(res.status).toBe(200);
    expect(res.json.customer).toMatchObject({ identifier: "LN1", phoneRaw: "9876543210", phoneE164: "+919876543210" });
    expect(res.json.fields.find((f: { key: string }) => f.key === "loan_amount").value).toBe(50000);
    expect(res.json.dnc).toEqual([]);
  });

  it("is edited through the validation core: a bad phone is refused with the core's message and nothing changes", async () => {
    const [first] = await ids();
    const bad = await call(edit, {
      method: "PATCH",
      apiKey: a.apiKey,
      params: { id: campaign.id, contactId: first },
      body: { data: { phone_number: "12345" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      error: { code: "validation", message: "Validation failed", errors: ["Invalid phone_number '12345': too short"] },
    });
    expect((await db.customer.findUniqueOrThrow({ where: { id: first } })).phoneE164).toBe("+919876543210");

    const moved = await call(edit, {
      method: "PATCH",
      apiKey: a.apiKey,
      params: { id: campaign.id, contactId: first },
      body: { data: { loan_id: "LN999" } },
    });
    expect(moved.status).toBe(400);
    expect(moved.json.error.errors).toEqual(["Field 'loan_id' cannot be changed: it identifies the customer in this campaign"]);

    const ok = await call(edit, {
      method: "PATCH",
      apiKey: a.apiKey,
      params: { id: campaign.id, contactId: first },
      body: { data: { phone_number: "98765 11111", first_name: "Asha Rani" } },
    });
    expect(ok.status).toBe(200);
    expect(await db.customer.findUniqueOrThrow({ where: { id: first } })).toMatchObject({
      phoneRaw: "98765 11111",
      phoneE164: "+919876511111",
      firstName: "Asha Rani",
    });
  });

  it("is put on the DNC list for the campaign, then globally", async () => {
    const [, second] = await ids();
    const res = await call(dnc, { apiKey: a.apiKey, params: { id: campaign.id, contactId: second }, body: { scope: "campaign" } });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ scope: "campaign", created: true });
    expect(
      (await call(dnc, { apiKey: a.apiKey, params: { id: campaign.id, contactId: second }, body: { scope: "campaign" } })).status,
    ).toBe(200);
    await call(dnc, { apiKey: a.apiKey, params: { id: campaign.id, contactId: second }, body: { scope: "global" } });
    const entries = await db.dncEntry.findMany({ where: { organizationId: a.id }, orderBy: { scope: "asc" } });
    expect(entries.map((e) => [e.scope, e.phoneE164, e.status])).toEqual([
      ["", "+919876500002", "active"],
      [campaign.id, "+919876500002", "active"],
    ]);
    expect((await search({ dnc: "blocked" })).json.rows).toEqual([expect.objectContaining({ identifier: "LN2", dnc: "global" })]);
    expect((await search({ dnc: "reachable" })).json.total).toBe(2);
  });

  it("answers 404 for another organization's contact, by either id, and changes nothing", async () => {
    const [first] = await ids();
    const cases = [
      { id: campaign.id, contactId: theirCustomer },
      { id: theirs.id, contactId: theirCustomer },
      { id: theirs.id, contactId: first },
      { id: campaign.id, contactId: "not-a-uuid" },
    ];
    for (const params of cases) {
      expect((await call(read, { apiKey: a.apiKey, params })).status).toBe(404);
      expect((await call(edit, { method: "PATCH", apiKey: a.apiKey, params, body: { data: { first_name: "X" } } })).status).toBe(404);
      expect((await call(dnc, { apiKey: a.apiKey, params, body: { scope: "global" } })).status).toBe(404);
      expect((await call(remove, { method: "DELETE", apiKey: a.apiKey, params })).status).toBe(404);
    }
    expect(await db.customer.findUniqueOrThrow({ where: { id: theirCustomer } })).toMatchObject({ firstName: "Rahul" });
    expect(await db.dncEntry.count({ where: { organizationId: b.id } })).toBe(0);
  });

  it("is refused to a viewer (403), who can still read it", async () => {
    const cookie = await viewerCookie(a.id);
    const [first] = await ids();
    const params = { id: campaign.id, contactId: first };
    expect((await call(read, { headers: { cookie }, params })).status).toBe(200);
    expect((await call(list, { headers: { cookie }, params: { id: campaign.id } })).status).toBe(200);
    const denied = await call(edit, { method: "PATCH", headers: { cookie }, params, body: { data: { first_name: "Viewer" } } });
    expect(denied.status).toBe(403);
    expect(denied.json).toEqual({ error: { code: "forbidden", message: "You don't have the required permission to perform this action" } });
    expect((await call(dnc, { headers: { cookie }, params, body: { scope: "global" } })).status).toBe(403);
    expect((await call(remove, { method: "DELETE", headers: { cookie }, params })).status).toBe(403);
    expect(await db.customer.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ firstName: "Asha Rani" });
  });
});

describe("GET /api/campaigns/{id}/contacts/export", () => {
  it("exports the filtered contacts as a formula-safe CSV", async () => {
    const res = await call(exportContacts, { apiKey: a.apiKey, params: { id: campaign.id }, query: { format: "csv", q: "Shah" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".+-contacts\.csv"$/);
    const lines = res.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^"loan_id","first_name","last_name","phone_number",.*"phone_e164","assigned_to","dnc","upload_job_id","created_at"$/,
    );
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain('"+919876500003"');
  });

  it("exports XLSX", async () => {
    const res = await call(exportContacts, { apiKey: a.apiKey, params: { id: campaign.id }, query: { format: "xlsx" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.text.slice(0, 2)).toBe("PK");
  });

  it("answers 404 for another organization's campaign", async () => {
    expect((await call(exportContacts, { apiKey: a.apiKey, params: { id: theirs.id } })).status).toBe(404);
  });
});

describe("DELETE /api/campaigns/{id}/contacts/{contactId}", () => {
  it("deletes the contact", async () => {
    const [, , third] = await ids();
    const res = await call(remove, { method: "DELETE", apiKey: a.apiKey, params: { id: campaign.id, contactId: third } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ deleted: { id: third, identifier: "LN3" } });
    expect(await db.customer.findUnique({ where: { id: third } })).toBeNull();
  });
});

async function viewerCookie(organizationId: string) {
  const email = `viewer-${randomBytes(4).toString("hex")}@test.local`;
  const password = "correct horse battery";
  const user = await db.user.create({
    data: { email, name: "Viewer", organizationId, membership: { create: { organizationId, role: "viewer" } } },
  });
  await db.account.create({
    data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(password) },
  });
  const { headers } = await getAuth().api.signInEmail({ body: { email, password }, returnHeaders: true });
  return headers.get("set-cookie")!.split(";")[0];
}
