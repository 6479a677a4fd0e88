import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordRules } from "@/lib/campaigns/campaigns";
import { validateRecords } from "@/lib/records/validate-records";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { existingIdentifiers, insertCustomers } from "./insert-customers";
import { customersOf, loan } from "@/lib/test/records";

// The shared write path, called directly as the Flexydial worker and the TimePay routes call it.

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("insert");
});
afterAll(() => deleteTestOrg(org));

async function valid(campaign: Awaited<ReturnType<typeof createTestCampaign>>, records: Record<string, unknown>[]) {
  const { schema, policy } = recordRules(campaign);
  // findDuplicates off: hand the write path repeats the core would normally have removed.
  return { schema, records: validateRecords(records, schema, policy, { findDuplicates: false }).valid };
}

describe("insertCustomers", () => {
  it("inserts in batches and returns each new customer's id; a repeated identifier keeps its first copy", async () => {
    const campaign = await createTestCampaign(org.id, "emi");
    const { schema, records } = await valid(campaign, [loan(2), loan(1), loan(2, { first_name: "Later" })]);
    const result = await insertCustomers({ campaignId: campaign.id, uploadJobId: null, schema, records });
    expect(result.batches).toBe(1);
    expect(result.inserted.map((i) => i.record.index).sort()).toEqual([0, 1]);
    expect(result.existing.map((r) => r.index)).toEqual([2]);
    const stored = await customersOf(campaign.id);
    expect(stored.map((c) => [c.identifier, c.firstName])).toEqual([
      ["LN1", "Rahul"],
      ["LN2", "Rahul"],
    ]);
    expect(result.inserted.find((i) => i.record.id === "LN2")!.customerId).toBe(stored[1].id);
  });

  it("reports identifiers already stored as existing and writes nothing over them", async () => {
    const campaign = await createTestCampaign(org.id, "emi");
    const first = await valid(campaign, [loan(1)]);
    await insertCustomers({ campaignId: campaign.id, uploadJobId: null, ...first });
    const again = await valid(campaign, [loan(1, { last_name: "Changed" }), loan(3)]);
    const result = await insertCustomers({ campaignId: campaign.id, uploadJobId: "upl_x", ...again });
    expect(result.existing.map((r) => r.id)).toEqual(["LN1"]);
    expect(result.inserted.map((i) => i.record.id)).toEqual(["LN3"]);
    expect((await customersOf(campaign.id)).map((c) => [c.identifier, c.lastName, c.uploadJobId])).toEqual([
      ["LN1", "Sharma", null],
      ["LN3", "Sharma", "upl_x"],
    ]);
    expect(await existingIdentifiers(campaign.id, ["LN1", "LN2", "LN3"])).toEqual(new Set(["LN1", "LN3"]));
    expect(await existingIdentifiers(campaign.id, [])).toEqual(new Set());
  });
});
