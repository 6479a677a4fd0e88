import type PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import { recordRules } from "@/lib/campaigns/campaigns";
import { listenForWork, POLLING_SECONDS, QUEUES, send } from "@/lib/jobs/boss";
import type { UploadRow } from "../upload-request";
import { checkpoint, type BatchContext, type BatchResult } from "./batch";
import { insertBatch } from "./insert";
import { judgeRows, type RowAction, type Verdict } from "./rows";
import { updateBatch } from "./update";
import { REPAIR_INTERVAL_MS, requeueOrphanedUploads } from "./repair";
import { logError } from "@/lib/log";

// The queue consumer of Flexydial uploads. A message holds only the upload job's id; the rows
// are the job's payload. The worker re-validates them, then writes them slice by slice, each
// slice followed by a fenced checkpoint of `processed` and the counts, so the dashboard sees
// progress and a run that dies (SIGKILL, lost connection) resumes at the last checkpoint.
//
// A run stops after SLICE_MS and enqueues a continuation: pg-boss 10 fails a job
// `expireInSeconds` after it started (its only liveness signal), so runs must stay short for a
// short expiry — and a short expiry is what makes a crashed job come back within seconds.

/** Rows per slice: one checkpoint each. */
export const SLICE_ROWS = 5_000;
/** Time a run may take before it hands the rest to a new message (well under the 10 s expiry). */
export const SLICE_MS = 3_000;
/** Jobs one process works on at once. */
const CONCURRENCY = 2;

type Message = { uploadJobId: string };

export async function startFlexydialWorker(boss: PgBoss): Promise<() => Promise<void>> {
  const ids: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    let id = "";
    id = await boss.work<Message>(QUEUES.flexydialUpload, { pollingIntervalSeconds: POLLING_SECONDS, batchSize: 1 }, async ([job]) => {
      if ((await processFlexydialUpload(job.data.uploadJobId)) === "more") await send(QUEUES.flexydialUpload, job.data);
      // pg-boss waits a polling interval after every job; a backlog should not wait 1 s per job.
      boss.notifyWorker(id);
    });
    ids.push(id);
  }
  await boss.work<Message>(QUEUES.flexydialUploadFailed, { pollingIntervalSeconds: POLLING_SECONDS }, async ([job]) => {
    await failIfRunning(job.data.uploadJobId, "Processing failed after every retry; see the worker logs");
  });
  const stopListening = await listenForWork((queue) => {
    if (queue === QUEUES.flexydialUpload) for (const id of ids) boss.notifyWorker(id);
  });
  const repair = setInterval(() => {
    requeueOrphanedUploads().catch((error) => logError("upload repair sweep failed", error));
  }, REPAIR_INTERVAL_MS);
  repair.unref();
  return async () => {
    clearInterval(repair);
    await stopListening();
    await boss.offWork(QUEUES.flexydialUpload);
    await boss.offWork(QUEUES.flexydialUploadFailed);
  };
}

/** Works on one upload job for up to `budgetMs`; "more" when rows are left for another run. */
export async function processFlexydialUpload(uploadJobId: string, budgetMs = SLICE_MS): Promise<"done" | "more"> {
  const started = Date.now();
  const job = await db.uploadJob.findUnique({
    where: { id: uploadJobId },
    omit: { payload: true, rowErrors: true },
    include: { campaign: true },
  });
  if (!job || (job.status !== "pending" && job.status !== "processing")) return "done";
  const rows = await payloadOf(uploadJobId);
  if (rows === null) {
    await failIfRunning(uploadJobId, "The rows of this upload are missing");
    return "done";
  }

  const { schema, policy } = recordRules(job.campaign);
  const referenceField = (job.options as { referenceField?: string }).referenceField ?? "";
  const action: RowAction = job.action === "update" ? { action: "update", referenceField } : { action: "insert" };
  const agents = await db.agent.findMany({ where: { organizationId: job.organizationId }, select: { username: true } });
  const verdicts = judgeRows(rows, { schema, policy }, action, new Set(agents.map((a) => a.username)));
  const ctx: BatchContext = {
    uploadJobId,
    organizationId: job.organizationId,
    campaignId: job.campaignId,
    campaignName: job.campaign.name,
    schema,
    policy,
    rows,
  };

  if (job.status === "pending") {
    await db.uploadJob.updateMany({ where: { id: uploadJobId, status: "pending" }, data: { status: "processing", startedAt: new Date() } });
  }
  let processed: number | null = job.processed;
  while (processed !== null && processed < job.total) {
    const end = Math.min(job.total, processed + SLICE_ROWS);
    const advanced = await runSlice(ctx, action, verdicts.slice(processed, end), processed, end);
    processed = advanced ? end : await currentProgress(uploadJobId);
    // At least one slice per run, so every run makes progress.
    if (processed !== null && processed < job.total && Date.now() - started > budgetMs) return "more";
  }
  return "done";
}

// Inserts commit through the shared insert path and are made repeatable by the job id on every
// row; updates run in one transaction with their checkpoint, and roll back if it was fenced off.
async function runSlice(ctx: BatchContext, action: RowAction, verdicts: Verdict[], start: number, end: number): Promise<boolean> {
  if (action.action === "insert") {
    return checkpoint(db, ctx, start, end, await insertBatch(ctx, verdicts));
  }
  return db
    .$transaction(
      async (tx) => {
        const result: BatchResult = await updateBatch(tx, ctx, verdicts, action.referenceField);
        if (!(await checkpoint(tx, ctx, start, end, result))) throw new Superseded();
        return true;
      },
      { timeout: 60_000, maxWait: 10_000 },
    )
    .catch((error: unknown) => {
      if (error instanceof Superseded) return false;
      throw error;
    });
}

/** Where another run left the job, or null once it is no longer running. */
async function currentProgress(uploadJobId: string): Promise<number | null> {
  const job = await db.uploadJob.findUnique({ where: { id: uploadJobId }, select: { processed: true, status: true } });
  return job && (job.status === "pending" || job.status === "processing") ? job.processed : null;
}

// As text, parsed here: Prisma's Json decoding of a 10,000-row payload is three times slower.
async function payloadOf(uploadJobId: string): Promise<UploadRow[] | null> {
  const [row] = await db.$queryRaw<
    { payload: string | null }[]
  >`SELECT payload::text AS payload FROM upload_jobs WHERE id = ${uploadJobId}`;
  const payload: unknown = row?.payload ? JSON.parse(row.payload) : null;
  return Array.isArray(payload) ? (payload as UploadRow[]) : null;
}

// Conditional: a late message of a job another run already completed must not undo it.
async function failIfRunning(uploadJobId: string, message: string) {
  await db.uploadJob.updateMany({
    where: { id: uploadJobId, status: { in: ["pending", "processing"] } },
    data: { status: "failed", errorMessage: message, completedAt: new Date() },
  });
}

class Superseded extends Error {}
