import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as generateToken } from "@/app/api/generate-token/route";
import { POST as createCampaign } from "@/app/api/v1/campaigns/create/route";
import { GET as listCampaigns } from "@/app/api/v1/campaigns/route";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { POST as addCustomer } from "@/app/api/v1/customers/add/route";
import { POST as uploadDnc } from "@/app/api/upload-dnc/route";
import { GET as getMapping, PUT as putMapping } from "@/app/api/campaigns/[id]/mapping/route";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/passwords";
import { createApiKey, verifyApiKey } from "@/lib/auth/api-keys";
import { stopBoss } from "@/lib/jobs/boss";
import { call } from "@/lib/test/http";
import { CAMPAIGN_WINDOW, createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contact, createFlexyCampaign, jobStatus, upload } from "@/lib/flexydial/test-kit";
import { loan } from "@/lib/test/records";

// Keys carry their maker's rights: a key from POST /api/generate-token/ has its user's role, so a
// viewer's key reads and never writes — one test per role × route family, each write checked in
// the database as well as in the answer.

const ROLES = ["admin", "operator", "viewer"] as const;
type Role = (typeof ROLES)[number];
const password = "correct horse battery";

let org: TestOrg;
let emi: Awaited<ReturnType<typeof createTestCampaign>>;
let flexy: Awaited<ReturnType<typeof createFlexyCampaign>>;
const users = {} as Record<Role, { id: string; email: string }>;
const keys = {} as Record<Role, string>;

beforeAll(async () => {
  org = await createTestOrg("roles");
  emi = await createTestCampaign(org.id, "emi");
  flexy = await createFlexyCampaign(org.id);
  for (const role of ROLES) {
    const email = `${role}-${org.suffix}@roles.test`;
    const user = await db.user.create({
      data: { email, name: role, organizationId: org.id, membership: { create: { organizationId: org.id, role } } },
    });
    await db.account.create({
      data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(password) },
    });
    users[role] = { id: user.id, email };
    const res = await call(generateToken, { body: { username: email, password } });
    expect(res.status).toBe(200);
    keys[role] = res.json.token;
  }
});
afterAll(async () => {
  await stopBoss();
  await deleteTestOrg(org);
});

const DRF_FORBIDDEN = { detail: "You do not have permission to perform this action." };
const TIMEPAY_FORBIDDEN = { success: false, error: "Forbidden", message: "You don't have the required permission to perform this action" };
const APP_FORBIDDEN = { error: { code: "forbidden", message: "You don't have the required permission to perform this action" } };

describe("generate-token keys carry their user's role", () => {
  it.each(ROLES)("%s: the key's role is the user's", async (role) => {
    expect((await verifyApiKey(keys[role]))?.role).toBe(role);
    const stored = await db.apiKey.findMany({ where: { userId: users[role].id, revokedAt: null } });
    expect(stored.map((k) => ({ name: k.name, role: k.role, purpose: k.purpose }))).toEqual([
      { name: "generate-token", role, purpose: "generate-token" },
    ]);
  });

  it("a key is capped by its user's current role: demoting the user demotes the key", async () => {
    const email = `demoted-${org.suffix}@roles.test`;
    const user = await db.user.create({
      data: { email, name: "d", organizationId: org.id, membership: { create: { organizationId: org.id, role: "admin" } } },
    });
    const key = await createApiKey({ organizationId: org.id, userId: user.id, name: "mine", role: "admin" });
    expect((await verifyApiKey(key.secret))?.role).toBe("admin");
    // The organization keeps an admin (the members_keep_an_admin trigger refuses to demote the last one).
    await db.user.create({
      data: {
        email: `keeper-${org.suffix}@roles.test`,
        name: "k",
        organizationId: org.id,
        membership: { create: { organizationId: org.id, role: "admin" } },
      },
    });
    await db.member.update({ where: { userId: user.id }, data: { role: "viewer" } });
    expect((await verifyApiKey(key.secret))?.role).toBe("viewer");
    const res = await call(createCampaign, { apiKey: key.secret, body: campaignBody("demoted") });
    expect(res.status).toBe(403);
  });
});

const campaignBody = (name: string) => ({
  name: `${name} ${org.suffix}`,
  description: "",
  campaignType: "lead",
  ...CAMPAIGN_WINDOW,
  languages: ["english"],
  region: "west",
});

describe.each(ROLES)("%s key", (role) => {
  const writes = role !== "viewer";

  it("TimePay campaigns: lists; creates unless a viewer", async () => {
    expect((await call(listCampaigns, { apiKey: keys[role] })).status).toBe(200);
    const res = await call(createCampaign, { apiKey: keys[role], body: campaignBody(`By ${role}`) });
    const stored = await db.campaign.count({ where: { organizationId: org.id, name: `By ${role} ${org.suffix}` } });
    if (writes) {
      expect(res.status).toBe(201);
      expect(stored).toBe(1);
    } else {
      expect(res.status).toBe(403);
      expect(res.json).toEqual(TIMEPAY_FORBIDDEN);
      expect(stored).toBe(0);
    }
  });

  it("TimePay customers: bulk and single add unless a viewer", async () => {
    const base = { admin: 100, operator: 200, viewer: 300 }[role];
    const bulk = await call(bulkAdd, { apiKey: keys[role], body: { campaignId: emi.id, records: [loan(base), loan(base + 1)] } });
    const single = await call(addCustomer, { apiKey: keys[role], body: { campaignId: emi.id, data: loan(base + 2) } });
    const stored = await db.customer.count({
      where: { campaignId: emi.id, identifier: { in: [`LN${base}`, `LN${base + 1}`, `LN${base + 2}`] } },
    });
    if (writes) {
      expect([bulk.status, single.status]).toEqual([201, 201]);
      expect(stored).toBe(3);
    } else {
      expect([bulk.status, single.status]).toEqual([403, 403]);
      expect(bulk.json).toEqual(TIMEPAY_FORBIDDEN);
      expect(single.json).toEqual(TIMEPAY_FORBIDDEN);
      expect(stored).toBe(0);
      expect(await db.uploadJob.count({ where: { apiKeyId: (await verifyApiKey(keys[role]))!.apiKeyId } })).toBe(0);
    }
  });

  it("Flexydial upload: uploads unless a viewer; status (GET and POST) for everyone", async () => {
    const n = { admin: 1000, operator: 2000, viewer: 3000 }[role];
    const res = await upload(keys[role], { campaign: flexy.name, bulk_data: [contact(n)] });
    if (writes) {
      expect(res.status).toBe(200);
      for (const method of ["GET", "POST"] as const) expect((await jobStatus(keys[role], res.json.job_id, method)).status).toBe(200);
    } else {
      expect(res.status).toBe(403);
      expect(res.json).toEqual(DRF_FORBIDDEN);
      expect(await db.uploadJob.count({ where: { campaignId: flexy.id, apiKeyId: (await verifyApiKey(keys[role]))!.apiKeyId } })).toBe(0);
      const someJob = await db.uploadJob.findFirstOrThrow({ where: { campaignId: flexy.id, source: "flexydial_api" } });
      for (const method of ["GET", "POST"] as const) expect((await jobStatus(keys[role], someJob.id, method)).status).toBe(200);
    }
  });

  it("Flexydial DNC: adds numbers unless a viewer", async () => {
    const numeric = { admin: "9876500001", operator: "9876500002", viewer: "9876500003" }[role];
    const res = await call(uploadDnc, {
      path: "/api/upload-dnc/",
      apiKey: keys[role],
      scheme: "Token",
      body: [{ numeric, global_dnc: true }],
    });
    const stored = await db.dncEntry.count({ where: { organizationId: org.id, phoneRaw: numeric } });
    if (writes) {
      expect(res.status).toBe(200);
      expect(stored).toBe(1);
    } else {
      expect(res.status).toBe(403);
      expect(res.json).toEqual(DRF_FORBIDDEN);
      expect(stored).toBe(0);
    }
  });

  it("the app's own routes: reads the column mapping; saves it unless a viewer", async () => {
    expect((await call(getMapping, { apiKey: keys[role], params: { id: emi.id } })).status).toBe(200);
    const res = await call(putMapping, {
      method: "PUT",
      apiKey: keys[role],
      params: { id: emi.id },
      body: { columns: { Loan: "loan_id" } },
    });
    if (writes) expect(res.status).toBe(200);
    else {
      expect(res.status).toBe(403);
      expect(res.json).toEqual(APP_FORBIDDEN);
    }
  });
});

describe("POST /api/generate-token/ keeps one named key per user", () => {
  it("rotates: a second login revokes the first key and leaves exactly one live generate-token key", async () => {
    const { email, id } = users.operator;
    const first = keys.operator;
    const again = await call(generateToken, { body: { username: email, password } });
    expect(again.status).toBe(200);
    expect(Object.keys(again.json)).toEqual(["token"]);
    expect(again.json.token).not.toBe(first);
    expect(await verifyApiKey(first)).toBeNull();
    expect((await call(listCampaigns, { apiKey: first, scheme: "Token" })).status).toBe(401);
    expect((await call(listCampaigns, { apiKey: again.json.token, scheme: "Token" })).status).toBe(200);
    expect(await db.apiKey.count({ where: { userId: id, purpose: "generate-token", revokedAt: null } })).toBe(1);
    keys.operator = again.json.token;
  });

  it("concurrent logins of one user still end with one live key", async () => {
    const { email, id } = users.admin;
    const answers = await Promise.all(Array.from({ length: 5 }, () => call(generateToken, { body: { username: email, password } })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await db.apiKey.count({ where: { userId: id, purpose: "generate-token", revokedAt: null } })).toBe(1);
    const live = (await Promise.all(answers.map((a) => verifyApiKey(a.json.token)))).filter(Boolean);
    expect(live).toHaveLength(1);
  });
});
