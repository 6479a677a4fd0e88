import { expect, test, type APIRequestContext } from "@playwright/test";
import { seedData } from "./seed-data";

// TimePay's customer routes over real HTTP against the running app: the bulk add contract
// (seeds/timepay-bulk-add-customers.md), Idempotency-Key, validate-only, single add and updates.
test.describe("customers API (TimePay)", () => {
  const run = `E2E${Date.now().toString(36)}`;
  const loan = (n: number, extra: Record<string, unknown> = {}) => ({
    loan_id: `${run}-${n}`,
    first_name: "Rahul",
    last_name: "Sharma",
    phone_number: String(9_800_000_000 + n),
    loan_amount: 50000,
    emi_amount: 2500,
    loan_period: 12,
    current_emi: 5,
    emi_due_date: "2025-03-15",
    payment_status: "pending",
    ...extra,
  });
  const campaign = (name: string, org: "demo" | "other" = "demo") => seedData()[org].campaigns.find((c) => c.name === name)!.id;
  const headers = (extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${seedData().demo.apiKey}`, ...extra });
  const bulk = (request: APIRequestContext, data: unknown, extra: Record<string, string> = {}, query = "") =>
    request.post(`/api/v1/customers/add/bulk${query}`, { headers: headers(extra), data });

  test("bulk add: 201, 207 with a duplicate and an invalid record, exactly as the contract writes them", async ({ request }) => {
    const campaignId = campaign("Loan Recovery - Nov");
    const added = await bulk(request, { campaignId, records: [loan(1), loan(2), loan(3)] });
    expect(added.status()).toBe(201);
    expect(await added.text()).toBe(
      JSON.stringify({
        success: true,
        message: "Added 3 of 3 records",
        results: { total: 3, valid: 3, invalid: 0, successful: 3, failed: 0, batchesProcessed: 1, errors: [] },
      }),
    );
    expect(added.headers()["x-upload-job-id"]).toMatch(/^upl_[0-9a-f]{20}$/);

    const { loan_amount: _amount, phone_number: _phone, ...incomplete } = loan(5);
    const partial = await bulk(request, { campaignId, records: [loan(3), loan(4), incomplete] });
    expect(partial.status()).toBe(207);
    expect(await partial.json()).toEqual({
      success: false,
      message: "Added 1 of 3 records",
      results: {
        total: 3,
        valid: 2,
        invalid: 1,
        successful: 1,
        failed: 2,
        batchesProcessed: 1,
        errors: [{ id: `${run}-3`, error: "DUPLICATE", reason: `loan_id '${run}-3' already exists in this campaign`, index: 0 }],
        invalidRecords: [
          {
            index: 2,
            id: `${run}-5`,
            errors: ["Record 2: Missing required field 'phone_number'", "Record 2: Missing required field 'loan_amount'"],
          },
        ],
      },
    });
  });

  test("bulk add: 400, 404 and 403 bodies; 401 and 415", async ({ request }) => {
    const validation = await bulk(request, { records: [loan(10)] });
    expect(validation.status()).toBe(400);
    expect(await validation.text()).toBe(
      JSON.stringify({ success: false, message: "Validation failed", errors: ["campaignId is required and must be a string"] }),
    );

    const noValid = await bulk(request, {
      campaignId: campaign("Home Loan Leads"),
      records: [{ last_name: "Iyer", lead_date: "2025-01-10" }],
    });
    expect(noValid.status()).toBe(400);
    expect(await noValid.text()).toBe(
      JSON.stringify({
        success: false,
        message: "No valid records to add",
        invalidRecords: [
          {
            index: 0,
            id: null,
            errors: ["Record 0: Missing required field 'first_name'", "Record 0: Missing required field 'phone_number'"],
          },
        ],
      }),
    );

    const missing = await bulk(request, { campaignId: "camp_0000000000000000", records: [loan(10)] });
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toBe(JSON.stringify({ success: false, message: "Campaign not found" }));

    const theirs = await bulk(request, { campaignId: campaign("Loan Recovery - Nov", "other"), records: [loan(10)] });
    expect(theirs.status()).toBe(403);
    expect(await theirs.text()).toBe(JSON.stringify({ success: false, message: "Campaign ID invalid or mismatch for your organization." }));

    const anonymous = await request.post("/api/v1/customers/add/bulk", { data: { campaignId: "x", records: [loan(10)] } });
    expect(anonymous.status()).toBe(401);
    const text = await request.post("/api/v1/customers/add/bulk", { headers: headers({ "Content-Type": "text/plain" }), data: "{}" });
    expect(text.status()).toBe(415);
  });

  test("Idempotency-Key replays without writing, 422 for another body; validate-only writes nothing", async ({ request }) => {
    const campaignId = campaign("EDI Collections");
    const key = { "Idempotency-Key": `${run}-key` };
    const first = await bulk(request, { campaignId, records: [loan(20), loan(21)] }, key);
    const replay = await bulk(request, { campaignId, records: [loan(20), loan(21)] }, key);
    expect(first.status()).toBe(201);
    expect(replay.status()).toBe(201);
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    expect(await replay.text()).toBe(await first.text());
    const other = await bulk(request, { campaignId, records: [loan(22)] }, key);
    expect(other.status()).toBe(422);

    const dryRun = await bulk(request, { campaignId, records: [loan(20), loan(23)] }, {}, "?validateOnly=true");
    expect(dryRun.status()).toBe(200);
    expect(await dryRun.json()).toMatchObject({
      success: false,
      validateOnly: true,
      message: "Validated 2 records: 1 of 2 would be added",
      results: { successful: 1, failed: 1, errors: [{ id: `${run}-20`, error: "DUPLICATE", index: 0 }] },
    });
    // Nothing was written by the dry run: the record it judged addable is still addable.
    expect((await bulk(request, { campaignId, records: [loan(23)] })).status()).toBe(201);
  });

  test("single add, update (both paths) and bulk update", async ({ request }) => {
    const campaignId = campaign("Loan Recovery - Nov");
    const one = await request.post("/api/v1/customers/add", { headers: headers(), data: { campaignId, data: loan(30) } });
    expect(one.status()).toBe(201);
    expect(await one.json()).toEqual({
      success: true,
      message: "Customer added to campaign successfully",
      data: { id: `${run}-30`, campaignId },
    });
    const again = await request.post("/api/v1/customers/add", { headers: headers(), data: { campaignId, data: loan(30) } });
    expect(again.status()).toBe(409);

    const updated = await request.put("/api/v1/customers/update", {
      headers: headers(),
      data: { campaignId, loan_id: `${run}-30`, data: { payment_status: "paid" } },
    });
    expect(await updated.json()).toEqual({
      success: true,
      message: "Customer data updated successfully",
      data: { id: `${run}-30`, result: "updated" },
    });
    const older = await request.put("/api/v1/customer-data", {
      headers: headers(),
      data: { campaignId, loan_id: `${run}-30`, data: { first_name: "राहुल" } },
    });
    expect(older.status()).toBe(200);
    const unknown = await request.put("/api/v1/customers/update", {
      headers: headers(),
      data: { campaignId, loan_id: `${run}-nope`, data: { first_name: "X" } },
    });
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({ success: false, message: "Customer not found" });

    const many = await request.put("/api/v1/customer-data/bulk", {
      headers: headers(),
      data: {
        campaignId,
        records: [
          { id: `${run}-30`, data: { emi_amount: 3000 } },
          { id: `${run}-nope`, data: { emi_amount: 1 } },
        ],
      },
    });
    expect(many.status()).toBe(207);
    expect(await many.json()).toMatchObject({
      success: false,
      message: "Updated 1 of 2 records",
      results: { total: 2, valid: 2, invalid: 0, successful: 1, failed: 1, retried: 0, batchesProcessed: 1 },
    });
  });
});
