import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { GET as detail } from "@/app/api/upload-jobs/[jobId]/route";
import { GET as problems } from "@/app/api/upload-jobs/[jobId]/problems/route";
import { GET as report } from "@/app/api/upload-jobs/[jobId]/report/route";
import { POST as undo } from "@/app/api/upload-jobs/[jobId]/undo/route";
import { getAuth } from "@/lib/auth/auth";
import { hashPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db/client";
import { processFlexydialUpload } from "@/lib/flexydial/worker/worker";
import { stopBoss } from "@/lib/jobs/boss";
import { loan } from "@/lib/test/records";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contact, createFlexyCampaign, upload } from "@/lib/flexydial/test-kit";
import { POST as openUpload } from "@/app/api/uploads/route";
import { POST as addChunk } from "@/app/api/uploads/[jobId]/chunks/route";
import { POST as finishUpload } from "@/app/api/uploads/[jobId]/finish/route";
import { operatorCookie } from "@/lib/test/records";
import { listUploadJobs, uploadListFiltersSchema } from "./list-upload-jobs";

// Upload jobs that tell the truth, against a real Postgres: counts that reconcile, the per-row
// problems filtered by kind, the report with the original columns, undo (keeps called contacts,
// records itself, once), another organization's job (404, nothing changed) and a viewer (403).

let a: TestOrg;
let b: TestOrg;
let campaign: { id: string };
let timepayJob: string;
let flexyJob: string;
let theirJob: string;

beforeAll(async () => {
  a = await createTestOrg("jobs-a");
  b = await createTestOrg("jobs-b");
  campaign = await createTestCampaign(a.id, "emi");
  await call(bulkAdd, { apiKey: a.apiKey, body: { campaignId: campaign.id, records: [loan(1)] } });
  // 6 records: 3 added, 1 already in the campaign, 1 repeated in the request, 1 invalid.
  const records = [loan(1), loan(2), loan(3), loan(3), loan(4), loan(5, { phone_number: "12345" })];
  const res = await call(bulkAdd, { apiKey: a.apiKey, body: { campaignId: campaign.id, records } });
  expect(res.status).toBe(207);
  timepayJob = res.headers.get("x-upload-job-id")!;

  const flexy = await createFlexyCampaign(a.id);
  await db.dncEntry.create({ data: { organizationId: a.id, scope: "", phoneRaw: "9876500077", phoneE164: "+919876500077" } });
  const rows = [contact(1), contact(2, { numeric: "=1+2" }), contact(1, { numeric: "9876500099" }), contact(4, { numeric: "9876500077" })];
  const sent = await upload(a.apiKey, { campaign: flexy.name, bulk_data: rows });
  flexyJob = sent.json.job_id;
  await processFlexydialUpload(flexyJob);

  const theirs = await createTestCampaign(b.id, "emi");
  const other = await call(bulkAdd, { apiKey: b.apiKey, body: { campaignId: theirs.id, records: [loan(7)] } });
  theirJob = other.headers.get("x-upload-job-id")!;
});
afterAll(async () => {
  await stopBoss();
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

describe("GET /api/upload-jobs/{jobId}", () => {
  it("reconciles: received = added + duplicates + invalid + failed + not sent, and says partial", async () => {
    const res = await call(detail, { apiKey: a.apiKey, params: { jobId: timepayJob } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: timepayJob,
      source: "timepay_api",
      action: "insert",
      outcome: "partial",
      campaign: { id: campaign.id },
    });
    expect(res.json.counts).toEqual({ received: 6, added: 3, duplicates: 2, invalid: 1, failed: 0, notSent: 0 });
    expect(res.json.sentBy).toMatch(/^API key “test” \(.+…\)$/);
  });

  it("says completed when every row was added, and answers 404 for another organization's job", async () => {
    const first = await db.uploadJob.findFirstOrThrow({ where: { campaignId: campaign.id }, orderBy: { createdAt: "asc" } });
    expect((await call(detail, { apiKey: a.apiKey, params: { jobId: first.id } })).json.outcome).toBe("completed");
    const res = await call(detail, { apiKey: a.apiKey, params: { jobId: theirJob } });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: "not_found", message: "Upload job not found" } });
  });
});

describe("a cancelled wizard upload", () => {
  it("says cancelled and counts the rows never sent", async () => {
    const theCampaign = await createTestCampaign(a.id, "emi");
    const { cookie } = await operatorCookie(a.id);
    const opened = await call(openUpload, {
      headers: { cookie },
      body: { campaignId: theCampaign.id, fileName: "november.csv", total: 5, options: { mode: "add" } },
    });
    const jobId = opened.json.uploadJobId as string;
    await call(addChunk, { headers: { cookie }, params: { jobId }, body: { records: [loan(11), loan(12, { phone_number: "12345" })] } });
    await call(finishUpload, { method: "POST", headers: { cookie }, params: { jobId } });
    const res = await call(detail, { headers: { cookie }, params: { jobId } });
    expect(res.json).toMatchObject({
      outcome: "cancelled",
      fileName: "november.csv",
      source: "ui",
      counts: { received: 5, added: 1, duplicates: 0, invalid: 1, failed: 0, notSent: 3 },
    });
    expect(res.json.sentBy).toMatch(/^Operator \(operator-.+@test\.local\)$/);
    await db.campaign.delete({ where: { id: theCampaign.id } });
  });
});

describe("the rows not added", () => {
  it("are listed with their reasons and filtered by kind of problem", async () => {
    const all = await call(problems, { apiKey: a.apiKey, params: { jobId: timepayJob } });
    expect(all.status).toBe(200);
    expect(all.json.counts).toEqual({ invalid: 1, duplicate: 2, dnc: 0, failed: 0 });
    expect(all.json.rows.map((r: { index: number; kind: string }) => [r.index, r.kind])).toEqual([
      [0, "duplicate"],
      [3, "duplicate"],
      [5, "invalid"],
    ]);
    const invalid = await call(problems, { apiKey: a.apiKey, params: { jobId: timepayJob }, query: { problem: "invalid" } });
    expect(invalid.json.rows).toEqual([
      {
        index: 5,
        id: "LN5",
        errors: ["Record 5: Invalid phone_number '12345': too short"],
        row: loan(5, { phone_number: "12345" }),
        kind: "invalid",
      },
    ]);
    expect(invalid.json.total).toBe(1);
    expect((await call(problems, { apiKey: a.apiKey, params: { jobId: theirJob } })).status).toBe(404);
  });

  it("download as a formula-safe CSV with the original columns", async () => {
    const res = await call(report, { apiKey: a.apiKey, params: { jobId: flexyJob } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = res.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe('"numeric","user","customer_info:customer_id","customer_info:customer_name","row","errors"');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^"'=1\+2","priya","C2","Customer 2","1","Invalid numeric '=1\+2': .+"$/);
    expect(lines[2]).toBe('"9876500099","priya","C1","Customer 1","2","This row is duplicated in file"');
    // A TimePay request's rows are kept as sent: the report has the record's own keys.
    const timepay = await call(report, { apiKey: a.apiKey, params: { jobId: timepayJob }, query: { problem: "invalid" } });
    const tp = timepay.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(tp[0]).toBe(
      '"loan_id","first_name","last_name","phone_number","loan_amount","emi_amount","loan_period","current_emi","emi_due_date","payment_status","language","row","errors"',
    );
    expect(tp[1]).toBe(
      `"LN5","Rahul","Sharma","12345","50000","2500","12","5","2025-03-15","pending","hindi","5","Record 5: Invalid phone_number '12345': too short"`,
    );
    expect(lines[3]).toBe('"9876500077","priya","C4","Customer 4","3","This number is blocked globally"');
    const blocked = await call(problems, { apiKey: a.apiKey, params: { jobId: flexyJob }, query: { problem: "dnc" } });
    expect(blocked.json.counts).toEqual({ invalid: 1, duplicate: 1, dnc: 1, failed: 0 });
    expect(blocked.json.rows.map((r: { index: number }) => r.index)).toEqual([3]);
    const onlyDuplicates = await call(report, { apiKey: a.apiKey, params: { jobId: flexyJob }, query: { problem: "duplicate" } });
    expect(onlyDuplicates.text.trim().split("\r\n")).toHaveLength(2);
    expect((await call(report, { apiKey: a.apiKey, params: { jobId: theirJob } })).status).toBe(404);
  });
});

describe("POST /api/upload-jobs/{jobId}/undo", () => {
  it("is refused to a viewer and for another organization's job; nothing changes", async () => {
    const cookie = await viewerCookie(a.id);
    const denied = await call(undo, { method: "POST", headers: { cookie }, params: { jobId: timepayJob } });
    expect(denied.status).toBe(403);
    expect((await call(detail, { headers: { cookie }, params: { jobId: timepayJob } })).status).toBe(200);
    const foreign = await call(undo, { method: "POST", apiKey: a.apiKey, params: { jobId: theirJob } });
    expect(foreign.status).toBe(404);
    expect(await db.customer.count({ where: { uploadJobId: theirJob } })).toBe(1);
    expect(await db.customer.count({ where: { uploadJobId: timepayJob } })).toBe(3);
  });

  it("removes the job's contacts without calls, keeps the called ones and says why, records itself, once", async () => {
    const called = await db.customer.findFirstOrThrow({ where: { uploadJobId: timepayJob, identifier: "LN2" } });
    await db.call.create({
      data: {
        organizationId: a.id,
        campaignId: campaign.id,
        customerId: called.id,
        agentId: a.agent.id,
        toPhone: called.phoneE164,
        state: "completed",
        outcome: "Contacted",
      },
    });

    const res = await call(undo, { method: "POST", apiKey: a.apiKey, params: { jobId: timepayJob } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ removed: 2, kept: [{ id: called.id, identifier: "LN2", reason: "already called (1 call)" }], keptTotal: 1 });
    expect(
      (await db.customer.findMany({ where: { campaignId: campaign.id }, orderBy: { identifier: "asc" } })).map((c) => c.identifier),
    ).toEqual(["LN1", "LN2"]);
    const job = await db.uploadJob.findUniqueOrThrow({ where: { id: timepayJob } });
    expect(job.undoneAt).toBeInstanceOf(Date);
    expect(job.undoResult).toEqual(res.json);
    expect((await call(detail, { apiKey: a.apiKey, params: { jobId: timepayJob } })).json.undo).toMatchObject({ result: res.json });

    const again = await call(undo, { method: "POST", apiKey: a.apiKey, params: { jobId: timepayJob } });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ error: { code: "conflict", message: "This upload was already undone" } });
  });
});

describe("the Uploads list", () => {
  it("filters by outcome, source and campaign", async () => {
    const ctx = { organizationId: a.id, actor: { userId: null, apiKeyId: null, role: "admin" as const }, source: "ui" as const };
    const list = async (q: Record<string, string>) => (await listUploadJobs(ctx, uploadListFiltersSchema.parse(q))).jobs.map((j) => j.id);
    expect(await list({ status: "partial" })).toEqual(expect.arrayContaining([timepayJob, flexyJob]));
    expect(await list({ status: "partial" })).toHaveLength(2);
    expect(await list({ status: "completed" })).toHaveLength(1);
    expect(await list({ source: "flexydial_api" })).toEqual([flexyJob]);
    expect(await list({ campaign: campaign.id })).toHaveLength(2);
    expect(await list({ status: "nonsense" })).toHaveLength(3);
  });
});

async function viewerCookie(organizationId: string) {
  const email = `viewer-${randomBytes(4).toString("hex")}@test.local`;
  const password = "correct horse battery";
  const user = await db.user.create({
    data: { email, name: "Viewer", organizationId, membership: { create: { organizationId, role: "viewer" } } },
  });
  await db.account.create({
    data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(password) },
  });
  const { headers } = await getAuth().api.signInEmail({ body: { email, password }, returnHeaders: true });
  return headers.get("set-cookie")!.split(";")[0];
}
