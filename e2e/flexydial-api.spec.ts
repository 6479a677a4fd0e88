import { expect, test, type APIRequestContext } from "@playwright/test";
import { seedData } from "./seed-data";
import { query } from "./upload-helpers";

// The Flexydial contract over real HTTP against the running app (`npm start`: web server and the
// in-process queue workers): generate-token -> upload -> poll status -> Completed, update and
// reassignment, Invalid Data, another organization's job, and DNC.

const CAMPAIGN = "Flexy Phonebook";
const run = Date.now().toString(36);
// A random block of 98xxxxxxxx mobiles, so reruns against the same database do not collide.
const base = Math.floor(Math.random() * 90_000_000);
const phone = (n: number) => `98${String(base + n).padStart(8, "0")}`;
const row = (n: number, extra: Record<string, unknown> = {}) => ({
  numeric: phone(n),
  user: "priya",
  "customer_info:customer_id": `E2E-${run}-${n}`,
  "customer_info:customer_name": `Customer ${n}`,
  "customer_info:city": "Pune",
  ...extra,
});

async function token(request: APIRequestContext, email: string, password: string) {
  const res = await request.post("/api/generate-token/", { data: { username: email, password } });
  expect(res.status()).toBe(200);
  return `Token ${(await res.json()).token}`;
}

/** This run's contacts n of the demo organization's Flexydial campaign, straight from the database. */
async function contacts(...ns: number[]) {
  const rows = await query<{ identifier: string; assignedTo: string | null; city: unknown }>(
    `SELECT c.identifier, c."assignedTo", c.data->>'customer_info:city' AS city
       FROM customers c JOIN campaigns k ON k.id = c."campaignId"
      WHERE k.name = $1 AND c.identifier = ANY($2) ORDER BY c.identifier`,
    [CAMPAIGN, ns.map((n) => `E2E-${run}-${n}`)],
  );
  return rows.map(({ identifier, assignedTo, city }) => ({ identifier, assignedTo, city }));
}
const contact = (n: number, assignedTo: string, city: string) => ({ identifier: `E2E-${run}-${n}`, assignedTo, city });

async function waitForStatus(request: APIRequestContext, auth: string, jobId: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await request.post(`/api/bulkphonebookupload/status/${jobId}/`, { headers: { Authorization: auth } });
    const body = await res.json();
    if (body.status !== "Pending state. Please check with Administrator!" || Date.now() > deadline) return { status: res.status(), body };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test.describe("Flexydial API", () => {
  test("generate-token -> insert -> status Completed -> update and reassignment", async ({ request }) => {
    const { demo } = seedData();
    const auth = await token(request, demo.admin.email, demo.admin.password);

    const rows = Array.from({ length: 50 }, (_, i) => row(i));
    const inserted = await request.post("/api/bulkphonebookupload/v1/", {
      headers: { Authorization: auth },
      data: { campaign: CAMPAIGN, bulk_data: rows },
    });
    expect(inserted.status()).toBe(200);
    const accepted = await inserted.json();
    expect(accepted).toEqual({
      success: expect.stringMatching(/^Reference\/Phonebook Name:API_\d{14}_[0-9a-f]{6}$/),
      job_id: expect.stringMatching(/^upl_/),
    });
    expect(await waitForStatus(request, auth, accepted.job_id)).toEqual({ status: 200, body: { status: "Completed" } });
    // The vendor's text says GET: both methods answer.
    const viaGet = await request.get(`/api/bulkphonebookupload/status/${accepted.job_id}/`, { headers: { Authorization: auth } });
    expect(await viaGet.json()).toEqual({ status: "Completed" });
    expect(await contacts(0, 1, 2)).toEqual([contact(0, "priya", "Pune"), contact(1, "priya", "Pune"), contact(2, "priya", "Pune")]);

    const updated = await request.post("/api/bulkphonebookupload/v1/", {
      headers: { Authorization: auth },
      data: {
        campaign: CAMPAIGN,
        action_type: "update",
        reference_field: "numeric",
        bulk_data: [
          { numeric: phone(0), user: "vikram" },
          { numeric: phone(1), user: "arjun" },
        ],
      },
    });
    expect(updated.status()).toBe(201);
    expect(await waitForStatus(request, auth, (await updated.json()).job_id)).toEqual({ status: 200, body: { status: "Completed" } });

    const byId = await request.post("/api/bulkphonebookupload/v1/", {
      headers: { Authorization: auth },
      data: {
        campaign: CAMPAIGN,
        action_type: "update",
        reference_field: "customer_info:customer_id",
        bulk_data: [{ "customer_info:customer_id": `E2E-${run}-2`, "customer_info:city": "Chennai" }],
      },
    });
    expect(byId.status()).toBe(201);
    expect(await waitForStatus(request, auth, (await byId.json()).job_id)).toEqual({ status: 200, body: { status: "Completed" } });
    // Reassigned by phone, city changed by CRM id; every other contact and value kept.
    expect(await contacts(0, 1, 2, 3)).toEqual([
      contact(0, "vikram", "Pune"),
      contact(1, "arjun", "Pune"),
      contact(2, "priya", "Chennai"),
      contact(3, "priya", "Pune"),
    ]);
  });

  test("rows with problems: Invalid Data lists each with its description", async ({ request }) => {
    const { demo } = seedData();
    const auth = `Token ${demo.apiKey}`;
    const rows = [row(100), row(101, { numeric: "12345" }), row(102, { numeric: phone(100) }), row(103, { user: "nobody" })];
    const res = await request.post("/api/bulkphonebookupload/v1/", {
      headers: { Authorization: auth },
      data: { campaign: CAMPAIGN, bulk_data: rows },
    });
    expect(res.status()).toBe(200);
    expect(await waitForStatus(request, auth, (await res.json()).job_id)).toEqual({
      status: 500,
      body: {
        status: "Invalid Data",
        improper_data: [
          { ...rows[1], description: "Invalid numeric '12345': too short" },
          { ...rows[2], description: "This row is duplicated in file" },
          { ...rows[3], description: "This user is not present in our database" },
        ],
      },
    });
  });

  test("documented request errors, and another organization's job is not found", async ({ request }) => {
    const { demo, other } = seedData();
    const auth = { Authorization: `Token ${demo.apiKey}` };
    const withReference = await request.post("/api/bulkphonebookupload/v1/", {
      headers: auth,
      data: { campaign: CAMPAIGN, reference_field: "numeric", bulk_data: [row(200)] },
    });
    expect(withReference.status()).toBe(400);
    expect(await withReference.json()).toEqual({ errors: "Insert operation cannot have reference_field." });
    const headers = await request.post("/api/bulkphonebookupload/v1/", {
      headers: auth,
      data: { campaign: CAMPAIGN, bulk_data: [row(201, { "customer_info:pincode": "600001" })] },
    });
    expect(headers.status()).toBe(500);
    expect(await headers.json()).toEqual({ errors: "Headers are not matching with Campaign CRM Fields. Please refer to the sample CSV" });
    const noToken = await request.post("/api/bulkphonebookupload/v1/", { data: { campaign: CAMPAIGN, bulk_data: [row(202)] } });
    expect(noToken.status()).toBe(401);
    expect(await noToken.json()).toEqual({ detail: "Authentication credentials were not provided." });

    const theirs = await request.post("/api/bulkphonebookupload/v1/", {
      headers: { Authorization: `Token ${other.apiKey}` },
      data: { campaign: CAMPAIGN, bulk_data: [row(203)] },
    });
    expect(theirs.status()).toBe(200);
    const theirJob = (await theirs.json()).job_id;
    expect(theirJob).toMatch(/^upl_/);
    // The job exists for its owner, so "not found" below is the tenant boundary, not a failed upload.
    expect(await waitForStatus(request, `Token ${other.apiKey}`, theirJob)).toEqual({ status: 200, body: { status: "Completed" } });
    const peek = await request.post(`/api/bulkphonebookupload/status/${theirJob}/`, { headers: auth });
    expect(peek.status()).toBe(500);
    expect(await peek.json()).toEqual({ errors: "Job not found." });
  });

  test("DNC upload blocks inserts; remove-dnc lifts it", async ({ request }) => {
    const { demo } = seedData();
    const auth = { Authorization: `Token ${demo.apiKey}` };
    const numbers = [phone(300), phone(301)];
    const added = await request.post("/api/upload-dnc/", {
      headers: auth,
      data: [
        { numeric: numbers[0], campaign: "", global_dnc: "true", status: "Active" },
        { numeric: numbers[1], campaign: CAMPAIGN, global_dnc: "false", status: "Active" },
      ],
    });
    expect(await added.json()).toEqual({ detail: "Data processed successfully" });
    const again = await request.post("/api/upload-dnc/", {
      headers: auth,
      data: [{ numeric: numbers[0], campaign: "", global_dnc: "true", status: "Active" }],
    });
    expect(again.status()).toBe(400);
    expect(await again.json()).toEqual({ detail: `DNC number ${numbers[0]} already exists.` });

    const rows = [row(300), row(301)];
    const blocked = await request.post("/api/bulkphonebookupload/v1/", { headers: auth, data: { campaign: CAMPAIGN, bulk_data: rows } });
    expect((await waitForStatus(request, `Token ${demo.apiKey}`, (await blocked.json()).job_id)).body).toEqual({
      status: "Invalid Data",
      improper_data: [
        { ...rows[0], description: "This number is blocked globally" },
        { ...rows[1], description: "This number is blocked in this campaign" },
      ],
    });

    const removed = await request.post("/api/remove-dnc/", { headers: auth, data: numbers.map((numeric) => ({ numeric })) });
    expect(await removed.json()).toEqual({ detail: "DNC numbers removed successfully" });
    const missing = await request.post("/api/remove-dnc/", { headers: auth, data: [{ numeric: numbers[0] }] });
    expect(await missing.json()).toEqual({ detail: `DNC number ${numbers[0]} does not exist.` });
    const allowed = await request.post("/api/bulkphonebookupload/v1/", { headers: auth, data: { campaign: CAMPAIGN, bulk_data: rows } });
    expect((await waitForStatus(request, `Token ${demo.apiKey}`, (await allowed.json()).job_id)).body).toEqual({ status: "Completed" });
  });
});
