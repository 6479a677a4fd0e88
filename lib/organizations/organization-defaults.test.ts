import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as addDnc } from "@/app/api/dnc/route";
import { GET as read, PUT as save } from "@/app/api/settings/organization/route";
import { POST as uploadDnc } from "@/app/api/upload-dnc/route";
import { POST as createCampaign } from "@/app/api/v1/campaigns/create/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { CAMPAIGN_WINDOW, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { call } from "@/lib/test/http";

// Settings → Organization defaults: phone country and time zone, per organization, admins only;
// used where a request names none (a new campaign, a global DNC number without a country code).

let a: TestOrg;
let b: TestOrg;
const keys: Record<"operator" | "viewer", string> = { operator: "", viewer: "" };

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("orgdef-a"), createTestOrg("orgdef-b")]);
  keys.operator = (await createApiKey({ organizationId: a.id, name: "op", role: "operator" })).secret;
  keys.viewer = (await createApiKey({ organizationId: a.id, name: "view", role: "viewer" })).secret;
});
afterAll(async () => {
  await Promise.all([deleteTestOrg(a), deleteTestOrg(b)]);
});

const put = (apiKey: string, body: unknown) => call(save, { method: "PUT", apiKey, body });
const campaignBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name: `${name} ${a.suffix}`,
  description: "",
  campaignType: "lead",
  ...CAMPAIGN_WINDOW,
  languages: ["english"],
  region: "west",
  ...extra,
});

describe("GET|PUT /api/settings/organization", () => {
  it("a new organization's defaults are IN and Asia/Kolkata", async () => {
    const res = await call(read, { apiKey: a.apiKey });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ defaults: { phoneCountry: "IN", timezone: "Asia/Kolkata" } });
  });

  it("an admin changes them (the country is upper-cased); only this organization changes", async () => {
    const res = await put(a.apiKey, { phoneCountry: "ae", timezone: "Asia/Dubai" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ defaults: { phoneCountry: "AE", timezone: "Asia/Dubai" } });
    expect(
      await db.organization.findUniqueOrThrow({ where: { id: a.id }, select: { defaultPhoneCountry: true, defaultTimezone: true } }),
    ).toEqual({ defaultPhoneCountry: "AE", defaultTimezone: "Asia/Dubai" });
    expect((await call(read, { apiKey: b.apiKey })).json).toEqual({ defaults: { phoneCountry: "IN", timezone: "Asia/Kolkata" } });
  });

  it("refuses a country libphonenumber does not know and a zone the server does not know, each at its field", async () => {
    const res = await put(a.apiKey, { phoneCountry: "ZZ", timezone: "Mars/Olympus" });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: {
        code: "validation",
        message: "Invalid organization defaults",
        errors: [
          "phoneCountry: ZZ is not a country code libphonenumber knows (ISO 3166 alpha-2, such as IN)",
          "timezone: Mars/Olympus is not an IANA time zone this server knows (such as Asia/Kolkata)",
        ],
      },
    });
    const shape = await put(a.apiKey, { phoneCountry: "India", timezone: "", extra: 1 });
    expect(shape.status).toBe(400);
    expect((shape.json as { error: { errors: string[] } }).error.errors).toEqual(
      expect.arrayContaining([
        "phoneCountry: must be a two-letter country code (ISO 3166 alpha-2) such as IN",
        "timezone: must be an IANA time zone such as Asia/Kolkata",
      ]),
    );
    expect((await call(read, { apiKey: a.apiKey })).json).toEqual({ defaults: { phoneCountry: "AE", timezone: "Asia/Dubai" } });
  });

  it("operators and viewers read them and may not change them (403, unchanged)", async () => {
    for (const role of ["operator", "viewer"] as const) {
      expect((await call(read, { apiKey: keys[role] })).json).toEqual({ defaults: { phoneCountry: "AE", timezone: "Asia/Dubai" } });
      const res = await put(keys[role], { phoneCountry: "IN", timezone: "Asia/Kolkata" });
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ error: { code: "forbidden" } });
    }
    expect((await call(read, { apiKey: a.apiKey })).json).toEqual({ defaults: { phoneCountry: "AE", timezone: "Asia/Dubai" } });
  });
});

describe("where the defaults are used", () => {
  it("a new campaign without timezone or phoneCountry takes the organization's; given ones win; an unknown country is refused", async () => {
    const res = await call(createCampaign, { apiKey: a.apiKey, body: campaignBody("Defaults") });
    expect(res.status).toBe(201);
    const id = (res.json as { data: { id: string } }).data.id;
    expect(await db.campaign.findUniqueOrThrow({ where: { id }, select: { timezone: true, phoneCountry: true } })).toEqual({
      timezone: "Asia/Dubai",
      phoneCountry: "AE",
    });

    const given = await call(createCampaign, {
      apiKey: a.apiKey,
      body: campaignBody("Given", { timezone: "Asia/Kolkata", phoneCountry: "IN" }),
    });
    expect(given.status).toBe(201);
    const givenId = (given.json as { data: { id: string } }).data.id;
    expect(await db.campaign.findUniqueOrThrow({ where: { id: givenId }, select: { timezone: true, phoneCountry: true } })).toEqual({
      timezone: "Asia/Kolkata",
      phoneCountry: "IN",
    });

    const unknown = await call(createCampaign, { apiKey: a.apiKey, body: campaignBody("Unknown", { phoneCountry: "ZZ" }) });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({
      success: false,
      message: "Validation failed",
      errors: ["phoneCountry ZZ is not a country code libphonenumber knows (ISO 3166 alpha-2, such as IN)"],
    });

    // Another organization's defaults are its own.
    const other = await call(createCampaign, { apiKey: b.apiKey, body: { ...campaignBody("Other"), name: `Other ${b.suffix}` } });
    const otherId = (other.json as { data: { id: string } }).data.id;
    expect(await db.campaign.findUniqueOrThrow({ where: { id: otherId }, select: { timezone: true, phoneCountry: true } })).toEqual({
      timezone: "Asia/Kolkata",
      phoneCountry: "IN",
    });
  });

  it("a global DNC number without a country code is read in the organization's country (screen and Flexydial)", async () => {
    const screen = await call(addDnc, { apiKey: a.apiKey, body: { number: "050 123 4567", campaignId: null } });
    expect(screen.status).toBe(201);
    expect(screen.json).toMatchObject({ entry: { phoneE164: "+971501234567", campaignId: null } });

    const flexy = await call(uploadDnc, {
      path: "/api/upload-dnc/",
      apiKey: a.apiKey,
      scheme: "Token",
      body: [{ numeric: "0501234568", campaign: "", global_dnc: "true", status: "Active" }],
    });
    expect(flexy).toMatchObject({ status: 200, json: { detail: "Data processed successfully" } });
    expect(await db.dncEntry.findFirst({ where: { organizationId: a.id, phoneE164: "+971501234568", scope: "" } })).not.toBeNull();

    // Organization b still reads them as Indian numbers.
    const indian = await call(addDnc, { apiKey: b.apiKey, body: { number: "98765 43210", campaignId: null } });
    expect(indian.json).toMatchObject({ entry: { phoneE164: "+919876543210" } });
  });
});
