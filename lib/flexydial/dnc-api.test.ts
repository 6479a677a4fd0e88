import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { POST as uploadDncRoute } from "@/app/api/upload-dnc/route";
import { POST as removeDncRoute } from "@/app/api/remove-dnc/route";
import { processFlexydialUpload } from "@/lib/flexydial/worker/worker";
import { stopBoss } from "@/lib/jobs/boss";
import { contact, createFlexyCampaign, jobStatus, upload } from "@/lib/flexydial/test-kit";

// POST /api/upload-dnc/ and /api/remove-dnc/ exactly as documented, against a real Postgres.

let a: TestOrg;
let b: TestOrg;
let campaign: Awaited<ReturnType<typeof createFlexyCampaign>>;
beforeAll(async () => {
  a = await createTestOrg("dnc-a");
  b = await createTestOrg("dnc-b");
  campaign = await createFlexyCampaign(a.id);
});
afterAll(async () => {
  await stopBoss();
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

async function add(body: unknown, org: TestOrg = a) {
  const res = await call(uploadDncRoute, { method: "POST", path: "/api/upload-dnc/", apiKey: org.apiKey, scheme: "Token", body });
  return { status: res.status, json: res.json };
}
async function remove(body: unknown, org: TestOrg = a) {
  const res = await call(removeDncRoute, { method: "POST", path: "/api/remove-dnc/", apiKey: org.apiKey, scheme: "Token", body });
  return { status: res.status, json: res.json };
}
const entries = (org: TestOrg = a) =>
  db.dncEntry.findMany({
    where: { organizationId: org.id },
    orderBy: [{ phoneE164: "asc" }, { scope: "asc" }],
    select: { scope: true, phoneRaw: true, phoneE164: true, status: true, campaignId: true },
  });

describe("POST /api/upload-dnc/", () => {
  it("stores the documented example: a global and a campaign entry", async () => {
    const res = await add([
      { numeric: "6300868437", campaign: "", global_dnc: "true", status: "Inactive" },
      { numeric: "6300868438", campaign: campaign.name, global_dnc: "false", status: "Active" },
    ]);
    expect(res).toEqual({ status: 200, json: { detail: "Data processed successfully" } });
    expect(await entries()).toEqual([
      { scope: "", phoneRaw: "6300868437", phoneE164: "+916300868437", status: "inactive", campaignId: null },
      { scope: campaign.id, phoneRaw: "6300868438", phoneE164: "+916300868438", status: "active", campaignId: campaign.id },
    ]);
  });

  it("refuses a number already on the list (matched on the normalised phone) and writes nothing", async () => {
    const res = await add([
      { numeric: "6300868439", campaign: "", global_dnc: "true", status: "Active" },
      { numeric: "+91 63008 68438", campaign: campaign.name, global_dnc: "false", status: "Active" },
    ]);
    expect(res).toEqual({ status: 400, json: { detail: "DNC number +91 63008 68438 already exists." } });
    expect((await entries()).map((e) => e.phoneE164)).not.toContain("+916300868439");
  });

  it("refuses the same number twice in one request, as the documented duplicate", async () => {
    const res = await add([
      { numeric: "6300868440", campaign: "" },
      { numeric: "06300868440", campaign: "" },
    ]);
    expect(res).toEqual({ status: 400, json: { detail: "DNC number 06300868440 already exists." } });
  });

  it("changes the status of an existing entry sent with another status (upload and update)", async () => {
    expect(await add([{ numeric: "6300868437", campaign: "", global_dnc: "true", status: "Active" }])).toEqual({
      status: 200,
      json: { detail: "Data processed successfully" },
    });
    expect((await entries()).find((e) => e.phoneE164 === "+916300868437")?.status).toBe("active");
  });

  it("keeps a global and a campaign entry of one number apart", async () => {
    expect((await add([{ numeric: "6300868438", campaign: "", global_dnc: "true", status: "Active" }])).status).toBe(200);
    expect((await entries()).filter((e) => e.phoneE164 === "+916300868438").map((e) => e.scope)).toEqual(["", campaign.id].sort());
  });

  it("refuses an unknown campaign, another organization's campaign, and an invalid number", async () => {
    expect(await add([{ numeric: "6300868441", campaign: "Nope", global_dnc: "false" }])).toEqual({
      status: 400,
      json: { detail: "Campaign Nope does not exist." },
    });
    expect(await add([{ numeric: "6300868441", campaign: campaign.name, global_dnc: "false" }], b)).toEqual({
      status: 400,
      json: { detail: `Campaign ${campaign.name} does not exist.` },
    });
    expect(await add([{ numeric: "12345", campaign: "" }])).toEqual({
      status: 400,
      json: { detail: "DNC number 12345 is not a valid phone number (too short)." },
    });
  });

  it("is per organization: another organization may list the same number", async () => {
    expect((await add([{ numeric: "6300868437", campaign: "", global_dnc: "true", status: "Active" }], b)).status).toBe(200);
    expect((await entries(b)).map((e) => e.phoneE164)).toEqual(["+916300868437"]);
  });

  it("401 in the detail shape", async () => {
    const res = await call(uploadDncRoute, { method: "POST", path: "/api/upload-dnc/", body: [{ numeric: "1" }] });
    expect({ status: res.status, json: res.json }).toEqual({
      status: 401,
      json: { detail: "Authentication credentials were not provided." },
    });
  });
});

describe("POST /api/remove-dnc/", () => {
  it("refuses a number that is not listed, and removes nothing", async () => {
    await add([{ numeric: "6300868450", campaign: "" }]);
    const res = await remove([{ numeric: "6300868450" }, { numeric: "6300868451" }]);
    expect(res).toEqual({ status: 400, json: { detail: "DNC number 6300868451 does not exist." } });
    expect((await entries()).map((e) => e.phoneE164)).toContain("+916300868450");
  });

  it("removes every entry of a number (global and per campaign), matched on the normalised phone", async () => {
    const res = await remove([{ numeric: "+916300868438" }, { numeric: "6300868450" }]);
    expect(res).toEqual({ status: 200, json: { detail: "DNC numbers removed successfully" } });
    const left = (await entries()).map((e) => e.phoneE164);
    expect(left).not.toContain("+916300868438");
    expect(left).not.toContain("+916300868450");
    expect(await remove([{ numeric: "6300868438" }])).toEqual({ status: 400, json: { detail: "DNC number 6300868438 does not exist." } });
  });

  it("with a campaign, removes only that scope", async () => {
    await add([
      { numeric: "6300868460", campaign: "" },
      { numeric: "6300868460", campaign: campaign.name },
    ]);
    expect((await remove([{ numeric: "6300868460", campaign: campaign.name }])).status).toBe(200);
    expect((await entries()).filter((e) => e.phoneE164 === "+916300868460").map((e) => e.scope)).toEqual([""]);
    expect(await remove([{ numeric: "6300868460", campaign: campaign.name }])).toEqual({
      status: 400,
      json: { detail: "DNC number 6300868460 does not exist." },
    });
  });

  it("never touches another organization's list", async () => {
    expect(await remove([{ numeric: "6300868437" }], b)).toEqual({ status: 200, json: { detail: "DNC numbers removed successfully" } });
    expect((await entries()).map((e) => e.phoneE164)).toContain("+916300868437");
  });
});

describe("effect on Flexydial inserts", () => {
  it("active entries block, inactive and removed ones do not", async () => {
    await add([
      { numeric: "9876511111", campaign: "", global_dnc: "true", status: "Active" },
      { numeric: "9876511112", campaign: campaign.name, global_dnc: "false", status: "Active" },
      { numeric: "9876511113", campaign: "", global_dnc: "true", status: "Inactive" },
      { numeric: "9876511114", campaign: "", global_dnc: "true", status: "Active" },
    ]);
    await remove([{ numeric: "9876511114" }]);
    const rows = ["9876511111", "9876511112", "9876511113", "9876511114"].map((numeric, i) => contact(500 + i, { numeric }));
    const res = await upload(a.apiKey, { campaign: campaign.name, bulk_data: rows });
    await processFlexydialUpload(res.json.job_id);
    expect((await jobStatus(a.apiKey, res.json.job_id)).json).toEqual({
      status: "Invalid Data",
      improper_data: [
        { ...rows[0], description: "This number is blocked globally" },
        { ...rows[1], description: "This number is blocked in this campaign" },
      ],
    });
    const stored = await db.customer.findMany({ where: { campaignId: campaign.id }, select: { phoneE164: true } });
    expect(stored.map((c) => c.phoneE164).sort()).toEqual(["+919876511113", "+919876511114"]);
  });
});
