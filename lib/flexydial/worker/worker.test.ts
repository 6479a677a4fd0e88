import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { recordRules } from "@/lib/campaigns/campaigns";
import { QUEUES, send } from "@/lib/jobs/boss";
import { startWorkers, type Workers } from "@/lib/jobs/workers";
import { QUEUE_CONSUMERS } from "@/scripts/queue-consumers";
import { contact, createFlexyCampaign, jobStatus, upload } from "../test-kit";
import { insertBatch } from "./insert";
import { judgeRows } from "./rows";
import { processFlexydialUpload, SLICE_ROWS } from "./worker";

// Queues of this file's own (before lib/jobs/boss loads): repair.test.ts sweeps and sends too.
vi.hoisted(() => {
  process.env.QUEUE_PREFIX = "test-worker.";
});

// The worker: through the real queue (pg-boss, started in-process as `npm start` does), in
// slices, and under overlapping or interrupted runs. The SIGKILL test is flexydial-crash.test.ts.

/** No time budget: the run goes to the end. The slice budget is wall-clock, and a loaded machine must not change what a test sees. */
const WHOLE = Number.POSITIVE_INFINITY;

let org: TestOrg;
let campaign: Awaited<ReturnType<typeof createFlexyCampaign>>;
beforeAll(async () => {
  org = await createTestOrg("flexy-worker");
  campaign = await createFlexyCampaign(org.id);
});
afterAll(async () => {
  await deleteTestOrg(org);
});

/** An upload job as the route writes it, without a queue message: only this test runs it. */
async function pendingJob(rows: Record<string, unknown>[], action: "insert" | "update" = "insert", referenceField?: string) {
  return db.uploadJob.create({
    data: {
      organizationId: org.id,
      campaignId: campaign.id,
      source: "flexydial_api",
      action,
      reference: "test",
      total: rows.length,
      payload: rows as Prisma.InputJsonValue,
      options: referenceField ? { referenceField } : {},
    },
  });
}

const many = (from: number, count: number) => Array.from({ length: count }, (_, i) => contact(from + i));
const countOf = (uploadJobId: string) => db.customer.count({ where: { uploadJobId } });
const jobOf = (id: string) => db.uploadJob.findUniqueOrThrow({ where: { id } });

describe("slices and resumption", () => {
  it("stops after its time budget with a checkpoint, and the next run resumes from it", async () => {
    const rows = many(100_000, SLICE_ROWS * 2 + 500);
    const job = await pendingJob(rows);
    expect(await processFlexydialUpload(job.id, 0)).toBe("more");
    expect(await jobOf(job.id)).toMatchObject({ status: "processing", processed: SLICE_ROWS, successful: SLICE_ROWS });
    expect(await countOf(job.id)).toBe(SLICE_ROWS);
    expect(await processFlexydialUpload(job.id, 0)).toBe("more");
    expect(await processFlexydialUpload(job.id, 0)).toBe("done");
    expect(await jobOf(job.id)).toMatchObject({
      status: "completed",
      processed: rows.length,
      successful: rows.length,
      failed: 0,
      payload: null,
    });
    expect(await countOf(job.id)).toBe(rows.length);
    // A run after completion does nothing.
    expect(await processFlexydialUpload(job.id)).toBe("done");
  });

  it("counts rows an interrupted run wrote (before its checkpoint) as written, not as duplicates", async () => {
    const rows = many(200_000, SLICE_ROWS + 100);
    const job = await pendingJob(rows);
    // The crash window: the first slice's rows are in the table, its checkpoint is not.
    const { schema, policy } = recordRules(campaign);
    const verdicts = judgeRows(rows, { schema, policy }, { action: "insert" }, new Set(["priya", "vikram"]));
    const ctx = { uploadJobId: job.id, organizationId: org.id, campaignId: campaign.id, campaignName: campaign.name, schema, policy, rows };
    await insertBatch(ctx, verdicts.slice(0, SLICE_ROWS));
    expect(await jobOf(job.id)).toMatchObject({ processed: 0, successful: 0 });

    await processFlexydialUpload(job.id, WHOLE);
    expect(await jobOf(job.id)).toMatchObject({
      status: "completed",
      processed: rows.length,
      successful: rows.length,
      duplicates: 0,
      rowErrors: [],
    });
    expect(await countOf(job.id)).toBe(rows.length);
  });

  it("two overlapping runs of one insert job count every slice once", async () => {
    const rows = [...many(300_000, 5_000), contact(300_001)];
    const job = await pendingJob(rows);
    await Promise.all([processFlexydialUpload(job.id, WHOLE), processFlexydialUpload(job.id, WHOLE)]);
    const done = await jobOf(job.id);
    expect(done).toMatchObject({ status: "completed", processed: 5_001, successful: 5_000, duplicates: 1, failed: 1, invalid: 0 });
    expect(done.rowErrors).toEqual([{ index: 5_000, id: "C300001", errors: ["This row is duplicated in file"], row: contact(300_001) }]);
    expect(await countOf(job.id)).toBe(5_000);
  });

  it("two overlapping runs of one update job apply and count each row once", async () => {
    const rows = many(400_000, 3_000).map((row) => ({ numeric: row.numeric, "customer_info:city": "Chennai" }));
    const inserted = await pendingJob(many(400_000, 3_000));
    await processFlexydialUpload(inserted.id, WHOLE);
    const job = await pendingJob(rows, "update", "numeric");
    await Promise.all([processFlexydialUpload(job.id, WHOLE), processFlexydialUpload(job.id, WHOLE)]);
    expect(await jobOf(job.id)).toMatchObject({ status: "completed", processed: 3_000, successful: 3_000, failed: 0, rowErrors: [] });
    const cities = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM customers WHERE "uploadJobId" = ${inserted.id} AND data->>'customer_info:city' = 'Chennai'`;
    expect(Number(cities[0].n)).toBe(3_000);
  });
});

describe("through the real queue", () => {
  let workers: Workers;
  beforeAll(async () => {
    workers = await startWorkers(QUEUE_CONSUMERS);
  });
  afterAll(async () => {
    await workers.stop();
  });

  it("POST -> queue -> worker -> status Completed", async () => {
    const rows = many(500_000, 1_000);
    const res = await upload(org.apiKey, { campaign: campaign.name, bulk_data: rows });
    expect(res.status).toBe(200);
    const status = await waitFor(async () => {
      const answer = await jobStatus(org.apiKey, res.json.job_id);
      return answer.json.status === "Completed" ? answer : null;
    });
    expect(status.status).toBe(200);
    expect(await countOf(res.json.job_id)).toBe(1_000);
    const [message] = await db.$queryRaw<{ state: string }[]>`
      SELECT state::text FROM pgboss.job WHERE name = ${QUEUES.flexydialUpload} AND data->>'uploadJobId' = ${res.json.job_id}`;
    expect(message.state).toBe("completed");
  });

  it("a job whose retries are exhausted is marked failed, and its status says so", async () => {
    const job = await pendingJob([contact(600_000)]);
    await send(QUEUES.flexydialUploadFailed, { uploadJobId: job.id });
    await waitFor(async () => ((await jobOf(job.id)).status === "failed" ? true : null));
    const res = await jobStatus(org.apiKey, job.id);
    expect({ status: res.status, json: res.json }).toEqual({
      status: 500,
      json: { errors: "Oops Something went wrong, Please contact Administrator" },
    });
  });

  it("a late failure message does not undo a job another run completed", async () => {
    const job = await pendingJob([contact(600_001)]);
    await processFlexydialUpload(job.id);
    const id = await send(QUEUES.flexydialUploadFailed, { uploadJobId: job.id });
    await waitFor(async () => {
      const [message] = await db.$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE id = ${id}::uuid`;
      return message?.state === "completed" ? true : null;
    });
    expect((await jobOf(job.id)).status).toBe("completed");
  });
});

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
