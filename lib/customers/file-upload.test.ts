import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as openUpload } from "@/app/api/uploads/route";
import { POST as addChunk } from "@/app/api/uploads/[jobId]/chunks/route";
import { POST as finishUpload } from "@/app/api/uploads/[jobId]/finish/route";
import { POST as checkRows } from "@/app/api/uploads/check/route";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { countCustomers, loan, operatorCookie } from "@/lib/test/records";
import { checkRowsAnswerSchema, openUploadAnswerSchema, uploadChunkAnswerSchema } from "@/lib/upload-wizard/upload-api";

// The upload wizard's own routes against a real Postgres: one job per file, opened with its
// name and row count, filled chunk by chunk through the same domain as TimePay's bulk add.

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("file-a");
  b = await createTestOrg("file-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

async function open(cookie: string, campaignId: string, total: number, fileName = "big.csv") {
  const res = await call(openUpload, { headers: { cookie }, body: { campaignId, fileName, total, options: { mode: "add" } } });
  expect(res.status).toBe(201);
  return openUploadAnswerSchema.parse(res.json).uploadJobId;
}

const chunk = (cookie: string, jobId: string, records: unknown[], key?: string) =>
  call(addChunk, { headers: { cookie, ...(key && { "idempotency-key": key }) }, params: { jobId }, body: { records } });

describe("POST /api/uploads and its chunks", () => {
  it("records a signed-in operator's file as a ui job with its name, and answers in the schema the wizard reads", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const { cookie, userId } = await operatorCookie(a.id);
    const jobId = await open(cookie, campaign.id, 1, "november.xlsx");
    const res = await chunk(cookie, jobId, [loan(1)]);
    expect(res.status).toBe(200);
    expect(uploadChunkAnswerSchema.parse(res.json)).toEqual({
      uploadJobId: jobId,
      received: 1,
      added: 1,
      invalid: [],
      notWritten: [],
      calls: null,
      workflowTriggered: null,
    });
    const job = await db.uploadJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({
      source: "ui",
      fileName: "november.xlsx",
      createdById: userId,
      apiKeyId: null,
      total: 1,
      successful: 1,
      status: "completed",
    });
  });

  it("adds every chunk of a file to its job, row problems counted on, and only the same operator's", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const { cookie } = await operatorCookie(a.id);
    const jobId = await open(cookie, campaign.id, 6);
    await chunk(cookie, jobId, [loan(1), loan(2), { loan_id: "BAD1" }]);
    expect(await db.uploadJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "processing", processed: 3 });
    const second = await chunk(cookie, jobId, [loan(3), loan(1), { loan_id: "BAD2" }]);
    const answer = uploadChunkAnswerSchema.parse(second.json);
    expect(answer.added).toBe(1);
    // The answer speaks of its own chunk, and names each problem by its code.
    expect(answer.invalid.map((r) => [r.index, r.id, r.issues[0].code])).toEqual([[2, "BAD2", "missing_required"]]);
    expect(answer.notWritten).toEqual([
      { index: 1, id: "LN1", code: "duplicate_in_campaign", message: "loan_id 'LN1' already exists in this campaign" },
    ]);
    const job = await db.uploadJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({
      status: "completed",
      total: 6,
      processed: 6,
      valid: 4,
      invalid: 2,
      successful: 3,
      failed: 3,
      duplicates: 1,
    });
    expect((job.rowErrors as { index: number; id: string }[]).map((r) => [r.index, r.id])).toEqual([
      [2, "BAD1"],
      [4, "LN1"],
      [5, "BAD2"],
    ]);
    expect(await db.customer.count({ where: { uploadJobId: jobId } })).toBe(3);

    const stranger = await operatorCookie(a.id);
    const refused = await chunk(stranger.cookie, jobId, [loan(9)]);
    expect(refused.status).toBe(404);
    expect(refused.json.error.code).toBe("not_found");
    const otherOrg = await operatorCookie(b.id);
    expect((await chunk(otherOrg.cookie, jobId, [loan(9)])).status).toBe(404);
    const viaApi = await call(bulkAdd, { apiKey: a.apiKey, body: { campaignId: campaign.id, records: [loan(10)], uploadJobId: jobId } });
    expect(viaApi.headers.get("x-upload-job-id")).not.toBe(jobId); // API callers always get a job of their own
    expect(viaApi.json.uploadJobId).toBeUndefined();
  });

  it("replays a chunk sent again with the same Idempotency-Key, adding nothing twice", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const { cookie } = await operatorCookie(a.id);
    const jobId = await open(cookie, campaign.id, 1);
    const sent = await chunk(cookie, jobId, [loan(1)], "wizard-chunk-1");
    const replay = await chunk(cookie, jobId, [loan(1)], "wizard-chunk-1");
    expect(replay.status).toBe(200);
    expect(replay.text).toBe(sent.text);
    expect(await db.uploadJob.count({ where: { campaignId: campaign.id } })).toBe(1);
    expect(await countCustomers(campaign.id)).toBe(1);
  });

  it("a cancelled upload's job keeps what was sent", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const { cookie } = await operatorCookie(a.id);
    const jobId = await open(cookie, campaign.id, 3);
    await chunk(cookie, jobId, [loan(1)]);
    const res = await call(finishUpload, { method: "POST", headers: { cookie }, params: { jobId } });
    expect(res).toMatchObject({ status: 200, json: { uploadJobId: jobId } });
    expect(await db.uploadJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "cancelled",
      total: 3,
      processed: 1,
      successful: 1,
    });
    expect((await chunk(cookie, jobId, [loan(2)])).status).toBe(404);
  });

  it("refuses another organization's campaign and bad call targets in the app's error shape", async () => {
    const { cookie } = await operatorCookie(a.id);
    const theirs = await createTestCampaign(b.id, "emi");
    const foreign = await call(openUpload, {
      headers: { cookie },
      body: { campaignId: theirs.id, fileName: "x.csv", total: 1, options: { mode: "add" } },
    });
    expect(foreign).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    const ours = await createTestCampaign(a.id, "emi");
    const options = { mode: "call", agentId: "nobody", dispositionId: "nothing" };
    const badCall = await call(openUpload, { headers: { cookie }, body: { campaignId: ours.id, fileName: "x.csv", total: 1, options } });
    expect(badCall.status).toBe(400);
    expect(badCall.json.error).toMatchObject({
      code: "validation",
      errors: ["agentId does not match an agent of your organization", "dispositionId does not match a disposition of your organization"],
    });
    expect(await db.uploadJob.count({ where: { campaignId: ours.id } })).toBe(0);
  });
});

describe("POST /api/uploads/check", () => {
  it("says which rows the campaign already holds, by code, and writes nothing", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const { cookie } = await operatorCookie(a.id);
    await call(bulkAdd, { apiKey: a.apiKey, body: { campaignId: campaign.id, records: [loan(1)] } });
    const jobs = await db.uploadJob.count({ where: { campaignId: campaign.id } });
    const res = await call(checkRows, {
      headers: { cookie },
      body: { campaignId: campaign.id, records: [loan(1), loan(2), loan(3, { phone_number: "123" })] },
    });
    expect(res.status).toBe(200);
    expect(checkRowsAnswerSchema.parse(res.json)).toEqual({
      invalid: [
        {
          index: 2,
          id: "LN3",
          issues: [{ code: "invalid_phone", field: "phone_number", message: "Invalid phone_number '123': too short" }],
        },
      ],
      notWritten: [{ index: 0, id: "LN1", code: "duplicate_in_campaign", message: "loan_id 'LN1' already exists in this campaign" }],
    });
    expect(await countCustomers(campaign.id)).toBe(1);
    expect(await db.uploadJob.count({ where: { campaignId: campaign.id } })).toBe(jobs);
  });
});
