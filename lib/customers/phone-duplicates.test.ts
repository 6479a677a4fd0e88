import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { recordRules } from "@/lib/campaigns/campaigns";
import { setDuplicatesBy } from "@/lib/campaigns/duplicates-setting";
import { db } from "@/lib/db/client";
import { systemContext } from "@/lib/domain/context";
import { validateRecords } from "@/lib/records/validate-records";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { customersOf, lead, loan } from "@/lib/test/records";
import { insertCustomers } from "./insert-customers";

// The same person is not added twice: the campaign's duplicatesBy (default both) makes the
// normalised phone a key, in the core (a request's repeats) and in the database (the unique
// (campaignId, uniquePhone) index behind every insert path's ON CONFLICT DO NOTHING).

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("phone-dups");
});
afterAll(() => deleteTestOrg(org));

const add = (campaignId: string, records: unknown[]) => call(bulkAdd, { apiKey: org.apiKey, body: { campaignId, records } });

describe("duplicates by phone (TimePay bulk add)", () => {
  it("a lead campaign: a reformatted phone in the request and a re-upload are duplicates, with a reason", async () => {
    const campaign = await createTestCampaign(org.id, "lead");
    expect(campaign.duplicatesBy).toBe("both");
    const first = await add(campaign.id, [lead(1, { phone_number: "9644242175" }), lead(2, { phone_number: "+91 96442 42175" }), lead(3)]);
    expect(first.status).toBe(207);
    const errors = (first.json as { results: { errors: unknown[] } }).results.errors;
    expect(errors).toEqual([
      {
        id: expect.any(String),
        error: "DUPLICATE_IN_REQUEST",
        reason: "Duplicate phone_number '+919644242175' in request: the same phone number as record 0",
        index: 1,
      },
    ]);

    const again = await add(campaign.id, [lead(1, { phone_number: "09644242175" }), lead(3)]);
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ message: "Added 0 of 2 records", results: { total: 2, successful: 0, failed: 2 } });
    expect((again.json as { results: { errors: unknown[] } }).results.errors).toEqual([
      {
        id: expect.any(String),
        error: "DUPLICATE",
        reason: "A customer with phone_number '+919644242175' already exists in this campaign",
        index: 0,
      },
      {
        id: expect.any(String),
        error: "DUPLICATE",
        reason: "A customer with phone_number '+919700000003' already exists in this campaign",
        index: 1,
      },
    ]);
    expect((await customersOf(campaign.id)).map((c) => c.phoneE164).sort()).toEqual(["+919644242175", "+919700000003"]);
  });

  it("validate-only says the same and writes nothing", async () => {
    const campaign = await createTestCampaign(org.id, "emi");
    await add(campaign.id, [loan(1)]);
    const res = await call(bulkAdd, {
      apiKey: org.apiKey,
      body: { campaignId: campaign.id, validateOnly: true, records: [loan(2, { phone_number: loan(1).phone_number })] },
    });
    expect(res.status).toBe(200);
    expect((res.json as { results: { errors: unknown[] } }).results.errors).toEqual([
      { id: "LN2", error: "DUPLICATE", reason: "A customer with phone_number '+919800000001' already exists in this campaign", index: 0 },
    ]);
    expect(await customersOf(campaign.id)).toHaveLength(1);
  });

  it("duplicates by identifier only: several customers may share a phone", async () => {
    const campaign = await createTestCampaign(org.id, "emi");
    await setDuplicatesBy(systemContext(org.id), campaign.id, "identifier");
    const res = await add(campaign.id, [loan(1), loan(2, { phone_number: loan(1).phone_number })]);
    expect(res.status).toBe(201);
    expect(await customersOf(campaign.id)).toHaveLength(2);
  });
});

describe("the database holds the rule", () => {
  it("the unique index refuses a second customer with the phone, even past the core (concurrent requests)", async () => {
    const campaign = await createTestCampaign(org.id, "emi");
    const { schema, policy } = recordRules(campaign);
    const one = validateRecords([loan(1)], schema, policy).valid;
    const other = validateRecords([loan(2, { phone_number: loan(1).phone_number })], schema, policy).valid;
    const [a, b] = await Promise.all([
      insertCustomers({ campaignId: campaign.id, uploadJobId: null, schema, records: one }),
      insertCustomers({ campaignId: campaign.id, uploadJobId: null, schema, records: other }),
    ]);
    expect(a.inserted.length + b.inserted.length).toBe(1);
    expect([...a.samePhone, ...b.samePhone]).toHaveLength(1);
    expect(a.existing.length + b.existing.length + a.failed.length + b.failed.length).toBe(0);
    expect(await customersOf(campaign.id)).toHaveLength(1);
  });

  it("switching the setting re-keys the stored customers: the oldest of each phone (then the lowest identifier) holds it", async () => {
    const campaign = await createTestCampaign(org.id, "emi");
    await setDuplicatesBy(systemContext(org.id), campaign.id, "identifier");
    await add(campaign.id, [loan(1), loan(2, { phone_number: loan(1).phone_number }), loan(3)]);
    const keys = () => db.$queryRaw<{ identifier: string; key: string | null }[]>`
      SELECT identifier, "uniquePhone" AS key FROM customers WHERE "campaignId" = ${campaign.id} ORDER BY identifier`;
    expect(await keys()).toEqual([
      { identifier: "LN1", key: null },
      { identifier: "LN2", key: null },
      { identifier: "LN3", key: null },
    ]);
    await setDuplicatesBy(systemContext(org.id), campaign.id, "both");
    expect(await keys()).toEqual([
      { identifier: "LN1", key: "+919800000001" },
      { identifier: "LN2", key: null },
      { identifier: "LN3", key: "+919800000003" },
    ]);
    const res = await add(campaign.id, [loan(4, { phone_number: loan(3).phone_number })]);
    expect((res.json as { results: { errors: { error: string }[] } }).results.errors.map((e) => e.error)).toEqual(["DUPLICATE"]);
  });
});

describe("one rule for the assignee", () => {
  it("TimePay's bulk add refuses an unknown agent with the Flexydial wording, and takes a known one", async () => {
    const campaign = await createTestCampaign(org.id, "custom");
    const record = (n: number, user: string) => ({ numeric: String(9_600_000_000 + n), user, "customer_info:customer_id": `C${n}` });
    const res = await add(campaign.id, [record(1, "nobody"), record(2, org.agent.username)]);
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({
      results: { invalid: 1, successful: 1, invalidRecords: [{ errors: ["Record 0: This user is not present in our database"] }] },
    });
    expect((await customersOf(campaign.id)).map((c) => c.identifier)).toEqual(["C2"]);
  });
});
