import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as addOne } from "@/app/api/v1/customers/add/route";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { PUT as updateOne } from "@/app/api/v1/customers/update/route";
import { PUT as updateOneOldPath } from "@/app/api/v1/customer-data/route";
import { PUT as bulkUpdate } from "@/app/api/v1/customer-data/bulk/route";
import { recordRules } from "@/lib/campaigns/campaigns";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { zoneWithLocalHour } from "@/lib/test/window-zone";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { countCustomers, createPhoneKeyedCampaign, lead, loan } from "@/lib/test/records";
import { updateCustomers } from "@/lib/customers/update-customers";

// TimePay's single add, single update and bulk update (reference/api-contracts.md §2.3), on the
// same validation core and write paths as the bulk add.

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("cust-a");
  b = await createTestOrg("cust-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

const stored = (campaignId: string, identifier: string) =>
  db.customer.findUniqueOrThrow({ where: { campaignId_identifier: { campaignId, identifier } } });

async function campaignWith(records: Record<string, unknown>[], type: "emi" | "lead" = "emi") {
  const campaign = await createTestCampaign(a.id, type);
  if (records.length) expect((await call(bulkAdd, { apiKey: a.apiKey, body: { campaignId: campaign.id, records } })).status).toBe(201);
  return campaign;
}

describe("POST /api/v1/customers/add", () => {
  it("201 with the customer's id and campaign, stored like a bulk add", async () => {
    const campaign = await campaignWith([]);
    const res = await call(addOne, { apiKey: a.apiKey, body: { campaignId: campaign.id, data: loan(1, { loan_id: "LOAN-2025-00123" }) } });
    expect(res.status).toBe(201);
    expect(res.text).toBe(
      JSON.stringify({
        success: true,
        message: "Customer added to campaign successfully",
        data: { id: "LOAN-2025-00123", campaignId: campaign.id },
      }),
    );
    expect(await stored(campaign.id, "LOAN-2025-00123")).toMatchObject({
      phoneE164: "+919800000001",
      firstName: "Rahul",
      uploadJobId: null,
    });
  });

  it("returns the generated lead_id of a lead without one", async () => {
    const campaign = await campaignWith([], "lead");
    const res = await call(addOne, { apiKey: a.apiKey, body: { campaignId: campaign.id, data: lead(1) } });
    expect(res.status).toBe(201);
    expect(res.json.data.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countCustomers(campaign.id)).toBe(1);
  });

  it("409 for an identifier the campaign already holds, which stays as it was", async () => {
    const campaign = await campaignWith([loan(1)]);
    const res = await call(addOne, { apiKey: a.apiKey, body: { campaignId: campaign.id, data: loan(1, { first_name: "Other" }) } });
    expect(res.status).toBe(409);
    expect(res.json).toEqual({
      success: false,
      error: "Conflict",
      message: "A customer with loan_id 'LN1' already exists in this campaign",
    });
    expect((await stored(campaign.id, "LN1")).firstName).toBe("Rahul");
  });

  it("400 with the record's problems (no 'Record 0' prefix), and for a bad body", async () => {
    const campaign = await campaignWith([]);
    const res = await call(addOne, {
      apiKey: a.apiKey,
      body: { campaignId: campaign.id, data: loan(1, { phone_number: "080 4123 4567", current_emi: 20 }) },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      success: false,
      message: "Validation failed",
      errors: ["Invalid phone_number '080 4123 4567': not a mobile number", "Field 'current_emi' must not be greater than 'loan_period'"],
    });
    const noData = await call(addOne, { apiKey: a.apiKey, body: { campaignId: campaign.id, data: [loan(1)] } });
    expect(noData.json.errors).toEqual(["data is required and must be an object of fields"]);
    const noCampaign = await call(addOne, { apiKey: a.apiKey, body: { data: loan(1) } });
    expect(noCampaign.json.errors).toEqual(["campaignId is required and must be a string"]);
    expect(await countCustomers(campaign.id)).toBe(0);
  });

  it("403 and 404 for the campaign, as the bulk route", async () => {
    const theirs = await createTestCampaign(b.id, "emi");
    const forbidden = await call(addOne, { apiKey: a.apiKey, body: { campaignId: theirs.id, data: loan(1) } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toEqual({ success: false, message: "Campaign ID invalid or mismatch for your organization." });
    const missing = await call(addOne, { apiKey: a.apiKey, body: { campaignId: "camp_none", data: loan(1) } });
    expect(missing).toMatchObject({ status: 404, json: { success: false, message: "Campaign not found" } });
    expect(await countCustomers(theirs.id)).toBe(0);
  });

  it("validates initiateCall; callInitiated true when scheduled, false with callError when the customer cannot be called", async () => {
    const campaign = await createTestCampaign(a.id, "emi", { timezone: zoneWithLocalHour(12) });
    const missing = await call(addOne, { apiKey: a.apiKey, body: { campaignId: campaign.id, data: loan(1), initiateCall: true } });
    expect(missing.json.errors).toEqual(["callConfig is required when initiateCall is true"]);
    const callConfig = { agentId: a.agent.id, dispositionId: a.disposition.id };
    const res = await call(addOne, { apiKey: a.apiKey, body: { campaignId: campaign.id, data: loan(1), initiateCall: true, callConfig } });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      success: true,
      message: "Customer added to campaign successfully",
      data: { id: "LN1", campaignId: campaign.id },
      callInitiated: true,
    });
    expect(await db.call.count({ where: { campaignId: campaign.id, state: "scheduled" } })).toBe(1);

    await db.dncEntry.create({
      data: { organizationId: a.id, scope: campaign.id, campaignId: campaign.id, phoneRaw: "9800000002", phoneE164: "+919800000002" },
    });
    const blocked = await call(addOne, {
      apiKey: a.apiKey,
      body: { campaignId: campaign.id, data: loan(2), initiateCall: true, callConfig },
    });
    expect([blocked.status, blocked.json]).toEqual([
      201,
      {
        success: true,
        message: "Customer added to campaign successfully",
        data: { id: "LN2", campaignId: campaign.id },
        callInitiated: false,
        callError: "The number is on the Do-Not-Call list",
      },
    ]);

    const night = await createTestCampaign(a.id, "emi", { timezone: zoneWithLocalHour(3) });
    const waiting = await call(addOne, { apiKey: a.apiKey, body: { campaignId: night.id, data: loan(3), initiateCall: true, callConfig } });
    expect(waiting.json).toMatchObject({ callInitiated: true, scheduledFor: expect.stringMatching(/T\d\d:00:00\.000Z$/) });
    expect(waiting.json.callError).toBeUndefined();
  });

  it("replays with the same Idempotency-Key instead of answering 409", async () => {
    const campaign = await campaignWith([]);
    const send = () =>
      call(addOne, { apiKey: a.apiKey, body: { campaignId: campaign.id, data: loan(1) }, headers: { "idempotency-key": "one-customer" } });
    const first = await send();
    const again = await send();
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.text).toBe(first.text);
  });
});

describe("PUT /api/v1/customers/update", () => {
  it("merges the change into the stored record, re-validates it and normalises the phone again", async () => {
    const campaign = await campaignWith([loan(1, { last_contacted: "2025-01-01" })]);
    const before = await stored(campaign.id, "LN1");
    const res = await call(updateOne, {
      method: "PUT",
      apiKey: a.apiKey,
      body: {
        campaignId: campaign.id,
        loan_id: "LN1",
        data: { payment_status: "PAID", phone_number: "+91 91234 56789", last_contacted: "2025-02-01" },
      },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe(
      JSON.stringify({ success: true, message: "Customer data updated successfully", data: { id: "LN1", result: "updated" } }),
    );
    const after = await stored(campaign.id, "LN1");
    expect(after).toMatchObject({
      id: before.id,
      phoneRaw: "+91 91234 56789",
      phoneE164: "+919123456789",
      firstName: "Rahul",
      language: "hindi",
    });
    expect(after.data).toMatchObject({ payment_status: "paid", loan_amount: 50000, last_contacted: "2025-02-01" });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
  });

  it("is also served at the older capture's path, PUT /api/v1/customer-data", async () => {
    const campaign = await campaignWith([loan(1)]);
    const res = await call(updateOneOldPath, {
      method: "PUT",
      apiKey: a.apiKey,
      body: { campaignId: campaign.id, loan_id: "LN1", data: { first_name: "राहुल" } },
    });
    expect(res.status).toBe(200);
    expect((await stored(campaign.id, "LN1")).firstName).toBe("राहुल");
  });

  it("finds leads by lead_id", async () => {
    const campaign = await campaignWith([lead(1, { lead_id: "LEAD-1" })], "lead");
    const res = await call(updateOne, {
      method: "PUT",
      apiKey: a.apiKey,
      body: { campaignId: campaign.id, lead_id: "LEAD-1", data: { language: "Tamil" } },
    });
    expect(res.status).toBe(200);
    expect((await stored(campaign.id, "LEAD-1")).language).toBe("tamil");
  });

  it("404 for an unknown customer, 400 for an invalid merged record, the identifier, or a body without one", async () => {
    const campaign = await campaignWith([loan(1)]);
    const put = (body: Record<string, unknown>) =>
      call(updateOne, { method: "PUT", apiKey: a.apiKey, body: { campaignId: campaign.id, ...body } });
    expect(await put({ loan_id: "NOPE", data: { first_name: "X" } })).toMatchObject({
      status: 404,
      json: { success: false, message: "Customer not found" },
    });
    const invalid = await put({ loan_id: "LN1", data: { current_emi: 99, first_name: "" } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors).toEqual([
      "Missing required field 'first_name'",
      "Field 'current_emi' must not be greater than 'loan_period'",
    ]);
    const rename = await put({ loan_id: "LN1", data: { loan_id: "LN2" } });
    expect(rename.json.errors).toEqual(["Field 'loan_id' cannot be changed: it identifies the customer in this campaign"]);
    expect((await put({ data: { first_name: "X" } })).json.errors).toEqual(["loan_id or lead_id is required"]);
    expect((await put({ lead_id: "LN1", data: { first_name: "X" } })).json.errors).toEqual([
      "This campaign identifies customers by loan_id; send it as loan_id",
    ]);
    expect((await put({ loan_id: "LN1", data: {} })).json.errors).toEqual(["data must contain at least one field to update"]);
    expect((await put({ loan_id: "LN1", data: { __proto__: 1, ["constructor"]: 2 } })).status).toBe(400);
    const row = await stored(campaign.id, "LN1");
    expect(row.firstName).toBe("Rahul");
    expect((row.data as Record<string, unknown>).current_emi).toBe(5);
  });

  it("refuses a __proto__ key sent as JSON", async () => {
    const campaign = await campaignWith([loan(1)]);
    const body = `{"campaignId":"${campaign.id}","loan_id":"LN1","data":{"__proto__":{"polluted":true}}}`;
    const res = await call(updateOne, { method: "PUT", apiKey: a.apiKey, body });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual(["Field '__proto__' is not allowed"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("403 for another organization's campaign", async () => {
    const theirs = await createTestCampaign(b.id, "emi");
    const res = await call(updateOne, {
      method: "PUT",
      apiKey: a.apiKey,
      body: { campaignId: theirs.id, loan_id: "LN1", data: { first_name: "X" } },
    });
    expect(res.status).toBe(403);
  });

  it("a campaign keyed by phone finds the customer by its number in any form, and keeps the number", async () => {
    const campaign = await createPhoneKeyedCampaign(a.id);
    await call(bulkAdd, {
      apiKey: a.apiKey,
      body: { campaignId: campaign.id, records: [{ numeric: "9876543210", "customer_info:amount": 1 }] },
    });
    const res = await call(updateOne, {
      method: "PUT",
      apiKey: a.apiKey,
      body: { campaignId: campaign.id, id: "+91 98765 43210", data: { "customer_info:amount": 7 } },
    });
    expect(res.status).toBe(200);
    expect((await stored(campaign.id, "+919876543210")).data).toEqual({ "customer_info:amount": 7 });
    const moved = await call(updateOne, {
      method: "PUT",
      apiKey: a.apiKey,
      body: { campaignId: campaign.id, id: "9876543210", data: { numeric: "9123456789" } },
    });
    expect(moved.json.errors).toEqual(["Field 'numeric' cannot be changed: it identifies the customer in this campaign"]);
  });
});

describe("PUT /api/v1/customer-data/bulk", () => {
  it("200 'Updated X of Y records' when every record is updated", async () => {
    const campaign = await campaignWith([loan(1), loan(2)]);
    const res = await call(bulkUpdate, {
      method: "PUT",
      apiKey: a.apiKey,
      body: {
        campaignId: campaign.id,
        records: [
          { id: "LN1", data: { payment_status: "paid" } },
          { id: "LN2", data: { first_name: "முருகன்" } },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      success: true,
      message: "Updated 2 of 2 records",
      results: { total: 2, valid: 2, invalid: 0, successful: 2, failed: 0, retried: 0, batchesProcessed: 1, errors: [] },
    });
    expect((await stored(campaign.id, "LN1")).data).toMatchObject({ payment_status: "paid" });
    expect((await stored(campaign.id, "LN2")).firstName).toBe("முருகன்");
    const job = await db.uploadJob.findUniqueOrThrow({ where: { id: res.headers.get("x-upload-job-id")! } });
    expect(job).toMatchObject({ action: "update", source: "timepay_api", status: "completed", total: 2, successful: 2 });
  });

  it("207 with every kind of failure counted once, each with its index", async () => {
    const campaign = await campaignWith([loan(1), loan(2), loan(3)]);
    const records = [
      { id: "LN1", data: { emi_amount: 3000 } },
      { id: "MISSING", data: { first_name: "X" } },
      { id: "LN1", data: { emi_amount: 1 } },
      { data: { first_name: "X" } },
      { id: "LN2", data: "paid" },
      { id: "LN3", data: { emi_due_date: "2025-02-30" } },
      "LN2",
    ];
    const res = await call(bulkUpdate, { method: "PUT", apiKey: a.apiKey, body: { campaignId: campaign.id, records } });
    expect(res.status).toBe(207);
    expect(res.json).toEqual({
      success: false,
      message: "Updated 1 of 7 records",
      results: {
        total: 7,
        valid: 3,
        invalid: 4,
        successful: 1,
        failed: 6,
        retried: 0,
        batchesProcessed: 1,
        errors: [
          { id: "MISSING", error: "NOT_FOUND", reason: "No customer with loan_id 'MISSING' in this campaign", index: 1 },
          { id: "LN1", error: "DUPLICATE_IN_REQUEST", reason: "Duplicate id 'LN1' in request (first seen at record 0)", index: 2 },
        ],
        invalidRecords: [
          { index: 3, id: null, errors: ["Record 3: Missing required field 'id'"] },
          { index: 4, id: "LN2", errors: ["Record 4: Field 'data' must be an object with at least one field to change"] },
          { index: 5, id: "LN3", errors: ["Record 5: Field 'emi_due_date' must be a real date in YYYY-MM-DD format"] },
          { index: 6, id: null, errors: ["Record 6: must be an object"] },
        ],
      },
    });
    expect((await stored(campaign.id, "LN1")).data).toMatchObject({ emi_amount: 3000 });
    expect((await stored(campaign.id, "LN3")).data).toMatchObject({ emi_due_date: "2025-03-15" });
  });

  it("400 when no record can be updated; body checks as the bulk add", async () => {
    const campaign = await campaignWith([loan(1)]);
    const none = await call(bulkUpdate, { method: "PUT", apiKey: a.apiKey, body: { campaignId: campaign.id, records: [{ id: "LN1" }] } });
    expect(none.status).toBe(400);
    expect(none.json).toEqual({
      success: false,
      message: "No valid records to update",
      invalidRecords: [{ index: 0, id: "LN1", errors: ["Record 0: Field 'data' must be an object with at least one field to change"] }],
    });
    const missing = await call(bulkUpdate, {
      method: "PUT",
      apiKey: a.apiKey,
      body: { campaignId: campaign.id, records: [{ id: "X", data: { first_name: "Y" } }] },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.message).toBe("Updated 0 of 1 records");
    const tooMany = await call(bulkUpdate, {
      method: "PUT",
      apiKey: a.apiKey,
      body: { campaignId: campaign.id, records: Array.from({ length: 10_001 }, () => ({})) },
    });
    expect(tooMany.json.errors).toEqual(["records must contain at most 10,000 records per request"]);
    const theirs = await createTestCampaign(b.id, "emi");
    expect(
      (
        await call(bulkUpdate, {
          method: "PUT",
          apiKey: a.apiKey,
          body: { campaignId: theirs.id, records: [{ id: "LN1", data: { a: 1 } }] },
        })
      ).status,
    ).toBe(403);
  });

  it("updates 10,000 customers in ten batches", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    await call(bulkAdd, {
      apiKey: a.apiKey,
      body: { campaignId: campaign.id, records: Array.from({ length: 10_000 }, (_, i) => loan(i)) },
    });
    const records = Array.from({ length: 10_000 }, (_, i) => ({ id: `LN${i}`, data: { payment_status: "received" } }));
    const res = await call(bulkUpdate, { method: "PUT", apiKey: a.apiKey, body: { campaignId: campaign.id, records } });
    expect(res.status).toBe(200);
    expect(res.json.results).toMatchObject({ total: 10_000, successful: 10_000, batchesProcessed: 10 });
    const received = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM customers WHERE "campaignId" = ${campaign.id} AND data->>'payment_status' = 'received'`;
    expect(received[0].n).toBe(10_000);
  });
});

describe("concurrent changes to the same customer", () => {
  it("a row changed between read and write is read again and merged again: retried, nothing lost", async () => {
    const campaign = await campaignWith([loan(1), loan(2)]);
    const { schema, policy } = recordRules(campaign);
    const result = await updateCustomers(
      {
        campaignId: campaign.id,
        schema,
        policy,
        changes: [
          { index: 0, identifier: "LN1", data: { payment_status: "paid" } },
          { index: 1, identifier: "LN2", data: { emi_amount: 1 } },
        ],
      },
      {
        afterRead: async (attempt) => {
          // Another writer changes LN1 after our first read.
          if (attempt === 1)
            await db.customer.update({
              where: { campaignId_identifier: { campaignId: campaign.id, identifier: "LN1" } },
              data: { firstName: "Concurrent" },
            });
        },
      },
    );
    expect(result.retried).toBe(1);
    expect(result.updated.map((u) => u.change.identifier).sort()).toEqual(["LN1", "LN2"]);
    expect(result.batches).toBe(2);
    const ln1 = await stored(campaign.id, "LN1");
    expect(ln1.firstName).toBe("Concurrent");
    expect(ln1.data).toMatchObject({ payment_status: "paid" });
  });

  it("gives up after three attempts and reports the record as a conflict", async () => {
    const campaign = await campaignWith([loan(1)]);
    const { schema, policy } = recordRules(campaign);
    const result = await updateCustomers(
      { campaignId: campaign.id, schema, policy, changes: [{ index: 0, identifier: "LN1", data: { payment_status: "paid" } }] },
      {
        afterRead: async (attempt) =>
          void (await db.customer.updateMany({ where: { campaignId: campaign.id }, data: { lastName: `Writer ${attempt}` } })),
      },
    );
    expect(result).toMatchObject({ updated: [], retried: 1, batches: 3 });
    expect(result.conflicts.map((c) => c.identifier)).toEqual(["LN1"]);
    expect((await stored(campaign.id, "LN1")).data).toMatchObject({ payment_status: "pending" });
  });
});
