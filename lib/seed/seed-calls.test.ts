import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { seedDemoCalls } from "@/lib/seed/seed-calls";
import { db } from "@/lib/db/client";
import { stopBoss } from "@/lib/jobs/boss";

let org: TestOrg;
let campaigns: { id: string; name: string }[];
beforeAll(async () => {
  org = await createTestOrg("seed-calls");
  campaigns = [
    await createTestCampaign(org.id, "emi", { name: "Loan Recovery - Nov" }),
    await createTestCampaign(org.id, "lead", { name: "Home Loan Leads" }),
  ];
  await db.disposition.createMany({ data: ["No Answer", "Busy", "Call Back"].map((name) => ({ organizationId: org.id, name })) });
});
afterAll(async () => {
  await deleteTestOrg(org);
  await stopBoss();
});

describe("seedDemoCalls", () => {
  it("places the demo calls through the dialer, with results, retries and one DNC block; a second run adds nothing", async () => {
    const dispositions = await db.disposition.findMany({ where: { organizationId: org.id } });
    const total = await seedDemoCalls(org.org, campaigns, [org.agent], dispositions, { collections: 10, leads: 4 });
    const calls = await db.call.findMany({ where: { organizationId: org.id } });
    expect(calls.length).toBe(total);
    // Every attempt ended: a result, or blocked by the DNC entry added after scheduling.
    expect(calls.filter((c) => c.state === "scheduled" || c.state === "dialing")).toEqual([]);
    const blocked = calls.filter((c) => c.state === "blocked");
    expect(blocked).toHaveLength(1);
    expect(blocked[0].blockedReason).toBe("dnc");
    const placed = calls.filter((c) => c.state !== "blocked");
    expect(placed.every((c) => c.outcome && c.dialedAt && c.dialedAt < new Date())).toBe(true);
    expect(placed.filter((c) => c.outcome === "Contacted").every((c) => c.summary && c.outcomeDisposition && c.extractedData)).toBe(true);
    // 13 first attempts (14 customers, one blocked), plus the retries of No Contact / Failed.
    expect(calls.filter((c) => c.attempt === 1)).toHaveLength(14);
    expect(calls.some((c) => c.attempt > 1)).toBe(calls.some((c) => c.attempt === 1 && c.outcome !== "Contacted" && c.outcome !== null));

    expect(await seedDemoCalls(org.org, campaigns, [org.agent], dispositions, { collections: 10, leads: 4 })).toBe(total);
    expect(await db.customer.count({ where: { campaignId: { in: campaigns.map((c) => c.id) } } })).toBe(14);
  });
});
