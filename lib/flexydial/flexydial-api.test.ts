import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { processFlexydialUpload } from "@/lib/flexydial/worker/worker";
import { stopBoss } from "@/lib/jobs/boss";
import { contact, createFlexyCampaign, customersOf, jobStatus, upload } from "./test-kit";

// POST /api/bulkphonebookupload/v1/ and the status check against a real Postgres. The worker is
// called directly here (lib/flexydial/worker/worker.test.ts runs it through the real queue).

let a: TestOrg;
let b: TestOrg;
let campaign: Awaited<ReturnType<typeof createFlexyCampaign>>;
let theirs: Awaited<ReturnType<typeof createFlexyCampaign>>;
beforeAll(async () => {
  a = await createTestOrg("flexy-a");
  b = await createTestOrg("flexy-b");
  campaign = await createFlexyCampaign(a.id);
  theirs = await createFlexyCampaign(b.id);
});
afterAll(async () => {
  await stopBoss();
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

const COMPLETED = { status: 200, json: { status: "Completed" } };

async function insertAndProcess(rows: Record<string, unknown>[], campaignName = campaign.name) {
  const res = await upload(a.apiKey, { campaign: campaignName, bulk_data: rows });
  expect(res.status).toBe(200);
  await processFlexydialUpload(res.json.job_id);
  return res.json.job_id as string;
}

async function updateAndProcess(referenceField: string, rows: Record<string, unknown>[]) {
  const res = await upload(a.apiKey, { campaign: campaign.name, action_type: "update", reference_field: referenceField, bulk_data: rows });
  expect(res.status).toBe(201);
  await processFlexydialUpload(res.json.job_id);
  return res.json.job_id as string;
}

async function statusOf(jobId: string) {
  const res = await jobStatus(a.apiKey, jobId);
  return { status: res.status, json: res.json };
}

describe("insert", () => {
  it("answers 200 at once with the phonebook name and job id; job row and queue message exist", async () => {
    const rows = [contact(1), contact(2)];
    const res = await upload(a.apiKey, { campaign: campaign.name, bulk_data: rows });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      success: expect.stringMatching(/^Reference\/Phonebook Name:API_\d{14}_[0-9a-f]{6}$/),
      job_id: expect.stringMatching(/^upl_[0-9a-f]{20}$/),
    });
    const job = await db.uploadJob.findUniqueOrThrow({ where: { id: res.json.job_id } });
    expect(job).toMatchObject({
      organizationId: a.id,
      campaignId: campaign.id,
      source: "flexydial_api",
      action: "insert",
      total: 2,
      payload: rows,
    });
    expect(res.json.success).toBe(`Reference/Phonebook Name:${job.reference}`);
    // The message holds only the id.
    const messages = await db.$queryRaw<
      { data: unknown }[]
    >`SELECT data FROM pgboss.job WHERE name = 'flexydial-upload' AND data->>'uploadJobId' = ${job.id}`;
    expect(messages).toEqual([{ data: { uploadJobId: job.id } }]);

    await processFlexydialUpload(job.id);
    expect(await statusOf(job.id)).toEqual(COMPLETED);
    const done = await db.uploadJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({
      status: "completed",
      total: 2,
      processed: 2,
      valid: 2,
      invalid: 0,
      successful: 2,
      failed: 0,
      duplicates: 0,
      payload: null,
      rowErrors: [],
    });
    expect(done.completedAt).toBeInstanceOf(Date);
  });

  it("stores numeric normalised, user as the assignee, and CRM fields in data", async () => {
    await insertAndProcess([
      contact(10, { numeric: "+91 98765 00010", user: "vikram", "loan_info:amount_due": "1,500.50", "customer_info:city": "Pune" }),
    ]);
    const [customer] = (await customersOf(campaign.id)).filter((c) => c.identifier === "C10");
    expect(customer).toMatchObject({
      identifier: "C10",
      phoneRaw: "+91 98765 00010",
      phoneE164: "+919876500010",
      assignedTo: "vikram",
      data: { "customer_info:customer_name": "Customer 10", "customer_info:city": "Pune", "loan_info:amount_due": 1500.5 },
    });
  });

  it("rejects rows per row and adds the valid ones: Invalid Data with every improper row echoed", async () => {
    await insertAndProcess([contact(20)]); // already in the campaign below
    await db.dncEntry.createMany({
      data: [
        { organizationId: a.id, scope: "", phoneRaw: "9876522221", phoneE164: "+919876522221" },
        { organizationId: a.id, campaignId: campaign.id, scope: campaign.id, phoneRaw: "9876522222", phoneE164: "+919876522222" },
        // Inactive entries block nothing.
        { organizationId: a.id, scope: "", phoneRaw: "9876522223", phoneE164: "+919876522223", status: "inactive" },
      ],
    });
    const rows = [
      contact(21),
      contact(22, { numeric: "12345" }),
      contact(23, { numeric: contact(21).numeric }),
      contact(24, { user: "nobody" }),
      contact(25, { numeric: "9876522221" }),
      contact(26, { numeric: "9876522222" }),
      contact(20, { numeric: "9876522224" }),
      contact(27, { numeric: contact(20).numeric }),
      { numeric: "9876522225", user: "priya" },
      contact(28, { "loan_info:amount_due": "lots" }),
      contact(29, { numeric: "9876522223" }),
    ];
    const jobId = await insertAndProcess(rows);
    const res = await statusOf(jobId);
    expect(res).toEqual({
      status: 500,
      json: {
        status: "Invalid Data",
        improper_data: [
          { ...rows[1], description: "Invalid numeric '12345': too short" },
          { ...rows[2], description: "This row is duplicated in file" },
          { ...rows[3], description: "This user is not present in our database" },
          { ...rows[4], description: "This number is blocked globally" },
          { ...rows[5], description: "This number is blocked in this campaign" },
          { ...rows[6], description: `contact with this customer_info:customer_id value is already exist in ${campaign.name} campaign` },
          { ...rows[7], description: `contact with this numeric value is already exist in ${campaign.name} campaign` },
          { ...rows[8], description: "Missing required field 'customer_info:customer_id'" },
          { ...rows[9], description: "Field 'loan_info:amount_due' must be a number" },
        ],
      },
    });
    const job = await db.uploadJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ total: 11, processed: 11, successful: 2, failed: 9, invalid: 6, valid: 5, duplicates: 3 });
    const stored = (await customersOf(campaign.id)).filter((c) => c.uploadJobId === jobId).map((c) => c.identifier);
    expect(stored.sort()).toEqual(["C21", "C29"]);
  });

  it("a global entry wins over a campaign entry for the same number", async () => {
    await db.dncEntry.createMany({
      data: [
        { organizationId: a.id, campaignId: campaign.id, scope: campaign.id, phoneRaw: "9876533331", phoneE164: "+919876533331" },
        { organizationId: a.id, scope: "", phoneRaw: "9876533331", phoneE164: "+919876533331" },
      ],
    });
    const jobId = await insertAndProcess([contact(30, { numeric: "9876533331" })]);
    expect((await statusOf(jobId)).json.improper_data[0].description).toBe("This number is blocked globally");
  });
});

describe("update and reassignment", () => {
  beforeAll(async () => {
    await insertAndProcess([
      contact(100, { "customer_info:city": "Pune", "loan_info:amount_due": 100 }),
      contact(101, { "customer_info:city": "Pune", "loan_info:amount_due": 200 }),
      contact(102, { "customer_info:city": "Delhi", user: "vikram" }),
      contact(103, { "customer_info:city": "Agra" }),
    ]);
  });
  const stored = async (identifier: string) =>
    db.customer.findUniqueOrThrow({ where: { campaignId_identifier: { campaignId: campaign.id, identifier } } });

  it("type 1, by numeric: only the supplied columns change", async () => {
    const jobId = await updateAndProcess("numeric", [{ numeric: contact(100).numeric, "customer_info:city": "Mumbai" }]);
    expect(await statusOf(jobId)).toEqual(COMPLETED);
    expect(await stored("C100")).toMatchObject({
      phoneE164: "+919876543310",
      assignedTo: "priya",
      data: { "customer_info:customer_name": "Customer 100", "customer_info:city": "Mumbai", "loan_info:amount_due": 100 },
    });
    const job = await db.uploadJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ action: "update", options: { referenceField: "numeric" }, successful: 1, failed: 0 });
  });

  it("type 2, by a CRM id: numeric can change, blanks are skipped", async () => {
    const jobId = await updateAndProcess("customer_info:customer_id", [
      { "customer_info:customer_id": "C101", numeric: "9123456701", "customer_info:customer_name": "Renamed", "customer_info:city": "" },
    ]);
    expect(await statusOf(jobId)).toEqual(COMPLETED);
    expect(await stored("C101")).toMatchObject({
      phoneRaw: "9123456701",
      phoneE164: "+919123456701",
      data: { "customer_info:customer_name": "Renamed", "customer_info:city": "Pune", "loan_info:amount_due": 200 },
    });
  });

  it("by a non-unique CRM field: every matching contact is updated", async () => {
    const jobId = await updateAndProcess("customer_info:city", [{ "customer_info:city": "Pune", "loan_info:amount_due": "999" }]);
    expect(await statusOf(jobId)).toEqual(COMPLETED);
    expect((await stored("C101")).data).toMatchObject({ "loan_info:amount_due": 999 });
    expect((await stored("C100")).data).toMatchObject({ "loan_info:amount_due": 100 }); // now in Mumbai
  });

  it("type 3, reassignment: user alone changes the assignee and nothing else", async () => {
    const before = await stored("C102");
    const jobId = await updateAndProcess("numeric", [{ numeric: contact(102).numeric, user: "priya" }]);
    expect(await statusOf(jobId)).toEqual(COMPLETED);
    const after = await stored("C102");
    expect(after.assignedTo).toBe("priya");
    expect({ ...after, assignedTo: null, updatedAt: null }).toEqual({ ...before, assignedTo: null, updatedAt: null });
  });

  it("type 4, reassignment by CRM id", async () => {
    const jobId = await updateAndProcess("customer_info:customer_id", [{ "customer_info:customer_id": "C103", user: "vikram" }]);
    expect(await statusOf(jobId)).toEqual(COMPLETED);
    expect((await stored("C103")).assignedTo).toBe("vikram");
  });

  it("reports rows it cannot apply, and applies the rest", async () => {
    await db.dncEntry.create({ data: { organizationId: a.id, scope: "", phoneRaw: "9123456709", phoneE164: "+919123456709" } });
    const rows = [
      { "customer_info:customer_id": "C999", numeric: "9123456702", user: "priya" },
      { "customer_info:customer_id": "C103", numeric: "9123456703", user: "ghost" },
      { "customer_info:customer_id": "", numeric: "9123456704", user: "priya" },
      { "customer_info:customer_id": "C103", numeric: "9123456709", user: "priya" },
      { "customer_info:customer_id": "C102", numeric: contact(103).numeric, user: "priya" },
      { "customer_info:customer_id": "C100", numeric: "123", user: "priya" },
      { "customer_info:customer_id": "C100", numeric: "9123456705", user: "vikram" },
    ];
    const jobId = await updateAndProcess("customer_info:customer_id", rows);
    expect(await statusOf(jobId)).toEqual({
      status: 500,
      json: {
        status: "Invalid Data",
        improper_data: [
          { ...rows[0], description: "the customer_info:customer_id is not exist in campaign, please insert first" },
          { ...rows[1], description: "This user is not present in our database" },
          { ...rows[2], description: "the customer_info:customer_id should not be blank" },
          { ...rows[3], description: "This number is blocked globally" },
          { ...rows[4], description: `contact with this numeric value is already exist in ${campaign.name} campaign` },
          { ...rows[5], description: "Invalid numeric '123': too short" },
        ],
      },
    });
    expect(await stored("C100")).toMatchObject({ phoneE164: "+919123456705", assignedTo: "vikram" });
    expect((await stored("C103")).phoneE164).toBe("+919876543313");
    expect(await db.uploadJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ total: 7, successful: 1, failed: 6 });
  });

  it("a numeric that matches nothing is reported with the 2022 wording", async () => {
    const row = { numeric: "9000000001", "customer_info:city": "Goa" };
    const jobId = await updateAndProcess("numeric", [row]);
    expect((await statusOf(jobId)).json).toEqual({
      status: "Invalid Data",
      improper_data: [{ ...row, description: "the numeric is not exist in campaign, please insert first" }],
    });
  });
});

describe("request errors over the route", () => {
  const errors = (status: number, message: string) => ({ status, json: { errors: message } });
  const send = async (body: unknown) => {
    const res = await upload(a.apiKey, body);
    return { status: res.status, json: res.json };
  };

  it("answers each documented error with its exact string and writes no job", async () => {
    const before = await db.uploadJob.count({ where: { organizationId: a.id } });
    const update = { campaign: campaign.name, action_type: "update", reference_field: "numeric" };
    expect(await send({ campaign: campaign.name, reference_field: "numeric", bulk_data: [contact(1)] })).toEqual(
      errors(400, "Insert operation cannot have reference_field."),
    );
    expect(await send({ campaign: campaign.name })).toEqual(errors(400, "Invalid request structure"));
    expect(await send({ bulk_data: [contact(1)] })).toEqual(errors(400, "Invalid request structure"));
    expect(await send({ ...update, campaign: undefined, bulk_data: [contact(1)] })).toEqual(
      errors(500, "Oops Something went wrong, Please contact Administrator"),
    );
    expect(await send({ ...update, reference_field: undefined, bulk_data: [contact(1)] })).toEqual(
      errors(400, "reference_field is missing in the request!"),
    );
    expect(await send({ ...update, bulk_data: [{ user: "priya" }] })).toEqual(
      errors(400, "reference_field - numeric is missing in some bulk_data item(s)"),
    );
    expect(await send({ ...update, bulk_data: [{ numeric: "1", user: "priya" }, { numeric: "2" }] })).toEqual(
      errors(400, "All items in bulk_data must have uniform structure"),
    );
    expect(await send({ ...update, bulk_data: [{ numeric: "1" }] })).toEqual(
      errors(400, "Please provide the columns data that you want to update along with the reference_field"),
    );
    expect(await send({ campaign: campaign.name, bulk_data: [contact(1, { "customer_info:pincode": "1" })] })).toEqual(
      errors(500, "Headers are not matching with Campaign CRM Fields. Please refer to the sample CSV"),
    );
    expect(await send({ campaign: "No such campaign", bulk_data: [contact(1)] })).toEqual(errors(400, "Campaign not found."));
    expect(await db.uploadJob.count({ where: { organizationId: a.id } })).toBe(before);
  });

  it("finds campaigns by name within the caller's organization only", async () => {
    const named = await createTestCampaign(b.id, "custom");
    expect(await send({ campaign: named.name, bulk_data: [contact(1)] })).toEqual(errors(400, "Campaign not found."));
    // The same name in both organizations resolves to the caller's own.
    const res = await upload(b.apiKey, { campaign: theirs.name, bulk_data: [contact(1)] });
    expect(res.status).toBe(200);
    expect((await db.uploadJob.findUniqueOrThrow({ where: { id: res.json.job_id } })).organizationId).toBe(b.id);
  });

  it("checks headers against the campaign: a TimePay campaign's fields are not CRM fields", async () => {
    const emi = await createTestCampaign(a.id, "emi");
    expect(await send({ campaign: emi.name, bulk_data: [contact(1)] })).toEqual(
      errors(500, "Headers are not matching with Campaign CRM Fields. Please refer to the sample CSV"),
    );
  });

  it("401 in Django REST Framework's words, 415 and malformed JSON in the errors shape", async () => {
    const missing = await upload("", { campaign: campaign.name, bulk_data: [contact(1)] });
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({ detail: "Authentication credentials were not provided." });
    expect(missing.headers.get("www-authenticate")).toBe("Token");
    const wrong = await upload("dsk_wrong", { campaign: campaign.name, bulk_data: [contact(1)] });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ detail: "Invalid token." });
    const text = await upload(a.apiKey, "campaign=x", { "content-type": "text/plain" });
    expect(text.status).toBe(415);
    expect(text.json).toEqual({ errors: "Content-Type must be application/json" });
    const malformed = await upload(a.apiKey, '{"campaign": ');
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors).toMatch(/^Malformed JSON/);
  });

  it("replays an Idempotency-Key: one job for two identical requests", async () => {
    const body = { campaign: campaign.name, bulk_data: [contact(300)] };
    const key = `flexy-${Date.now()}`;
    const first = await upload(a.apiKey, body, { "idempotency-key": key });
    const second = await upload(a.apiKey, body, { "idempotency-key": key });
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.uploadJob.count({ where: { reference: first.json.success.split(":")[1] } })).toBe(1);
  });
});

describe("status check", () => {
  it("is Pending while a job waits or runs, by GET and by POST", async () => {
    for (const status of ["pending", "processing"] as const) {
      const job = await db.uploadJob.create({
        data: { organizationId: a.id, campaignId: campaign.id, source: "flexydial_api", status, reference: "r", total: 1 },
      });
      for (const method of ["GET", "POST"] as const) {
        const res = await jobStatus(a.apiKey, job.id, method);
        expect({ status: res.status, json: res.json }).toEqual({
          status: 200,
          json: { status: "Pending state. Please check with Administrator!" },
        });
      }
    }
  });

  it("answers 'Job not found.' for an unknown id and for another organization's job", async () => {
    const theirJob = await db.uploadJob.create({
      data: { organizationId: b.id, campaignId: theirs.id, source: "flexydial_api", status: "completed", reference: "r", total: 1 },
    });
    for (const id of ["upl_doesnotexist", theirJob.id]) {
      const res = await jobStatus(a.apiKey, id, "GET");
      expect({ status: res.status, json: res.json }).toEqual({ status: 500, json: { errors: "Job not found." } });
    }
    expect((await jobStatus(b.apiKey, theirJob.id)).json).toEqual({ status: "Completed" });
  });

  it("401 without a token", async () => {
    const res = await jobStatus("", "upl_x");
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ detail: "Authentication credentials were not provided." });
  });
});
