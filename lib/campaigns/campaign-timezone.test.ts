import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as create } from "@/app/api/v1/campaigns/create/route";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { CAMPAIGN_WINDOW, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";

// A campaign's timezone must be an IANA zone the runtime knows (checked with Intl).

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("tz");
});
afterAll(() => deleteTestOrg(org));

const body = (name: string, timezone: unknown) => ({
  name: `${name} ${org.suffix}`, description: "", campaignType: "lead", ...CAMPAIGN_WINDOW, languages: ["english"], region: "west", timezone,
});

describe("POST /api/v1/campaigns/create timezone", () => {
  it("refuses a zone that does not exist, in TimePay's validation shape, and writes nothing", async () => {
    for (const timezone of ["Mars/Olympus", "Asia/Kolkatta", ""]) {
      const res = await call(create, { apiKey: org.apiKey, body: body(`tz ${timezone}`, timezone) });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ success: false, message: "Validation failed", errors: ["timezone must be an IANA time zone such as Asia/Kolkata"] });
    }
    expect(await db.campaign.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("accepts IANA zones and keeps them", async () => {
    for (const timezone of ["Asia/Kolkata", "America/New_York", "UTC"]) {
      const res = await call(create, { apiKey: org.apiKey, body: body(`ok ${timezone}`, timezone) });
      expect(res.status).toBe(201);
      expect((await db.campaign.findUniqueOrThrow({ where: { id: res.json.data.id } })).timezone).toBe(timezone);
    }
  });
});
