import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext, Source } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import type { Issue } from "@/lib/records/issues";
import { recordPrefix } from "@/lib/records/messages";
import { storableJson, storableText } from "@/lib/text/storable-text";

// UploadJob rows: one per upload, whatever its door (the wizard, TimePay's bulk routes,
// Flexydial's asynchronous uploads). The life of a job:
//
//   createUploadJob (pending, or processing for a synchronous upload that starts at once)
//     -> completeUploadJob (counts + per-row problems, payload dropped)
//     -> or failUploadJob (a message for the operator; the rows written so far stay written)
//
// Synchronous uploads create the job as "processing" before the first customer is written (so
// every customer row can carry its uploadJobId) and complete it before the response is sent.

export type UploadSource = "ui" | "timepay_api" | "flexydial_api";

export interface UploadCounts {
  total: number;
  valid: number;
  invalid: number;
  successful: number;
  failed: number;
  duplicates: number;
}

/** One row that was not written, for the job's report: `errors` are the messages shown to people. */
export interface UploadRowError {
  index: number;
  id: string | null;
  errors: string[];
  /** How the job counted the row; absent on rows recorded before kinds were kept. */
  kind?: "invalid" | "duplicate" | "failed";
  row?: Record<string, unknown>;
}

/** What a job records beyond its context (organization, source, who created it). */
export interface NewUploadJob {
  campaignId: string;
  action?: "insert" | "update";
  /** Flexydial's "Reference/Phonebook Name"; defaults to the job id. */
  reference?: string;
  fileName?: string | null;
  total: number;
  /** Options of the request (call options, reference_field ...). */
  options?: Record<string, unknown>;
  status?: "pending" | "processing";
}

/** Upload job ids, for every door (Flexydial's writes its job inside its queue transaction). */
export function newUploadJobId(): string {
  return `upl_${randomBytes(10).toString("hex")}`;
}

export async function createUploadJob(ctx: DomainContext, input: NewUploadJob): Promise<{ id: string; reference: string }> {
  const id = newUploadJobId();
  const status = input.status ?? "pending";
  const job = await db.uploadJob.create({
    data: {
      id,
      organizationId: ctx.organizationId,
      campaignId: input.campaignId,
      source: uploadSource(ctx.source),
      action: input.action ?? "insert",
      status,
      reference: input.reference ?? id,
      fileName: input.fileName ?? null,
      total: input.total,
      options: (input.options ?? {}) as Prisma.InputJsonValue,
      createdById: ctx.actor.userId,
      apiKeyId: ctx.actor.apiKeyId,
      ...(status === "processing" && { startedAt: new Date() }),
    },
    select: { id: true, reference: true },
  });
  return job;
}

export async function completeUploadJob(id: string, counts: UploadCounts, rowErrors: readonly UploadRowError[]) {
  await db.uploadJob.update({
    where: { id },
    data: {
      status: "completed",
      ...counts,
      processed: counts.total,
      // A rejected value is quoted in its message: stored with U+FFFD for what Postgres refuses.
      rowErrors: storableJson(rowErrors) as unknown as Prisma.InputJsonValue,
      // The rows were only kept so an asynchronous job could resume.
      payload: Prisma.DbNull,
      completedAt: new Date(),
    },
  });
}

/**
 * One more chunk of a file upload whose job was opened with the file's row count: counts add up,
 * row problems follow on from the rows already processed, and the job completes with its last chunk.
 */
/** A chunk that was already running when its job was cancelled (the page left) counts, and the job stays cancelled. */
export async function recordUploadChunk(id: string, counts: UploadCounts, rowErrors: readonly UploadRowError[]) {
  await db.$executeRaw`
    UPDATE upload_jobs SET
      processed = processed + ${counts.total}, valid = valid + ${counts.valid},
      invalid = invalid + ${counts.invalid}, successful = successful + ${counts.successful}, failed = failed + ${counts.failed},
      duplicates = duplicates + ${counts.duplicates},
      "rowErrors" = "rowErrors" || (SELECT coalesce(jsonb_agg(e || jsonb_build_object('index', (e->>'index')::int + processed)), '[]'::jsonb)
                                    FROM jsonb_array_elements(${JSON.stringify(storableJson(rowErrors))}::jsonb) AS e),
      status = (CASE WHEN status = 'cancelled' THEN 'cancelled' WHEN processed + ${counts.total} >= total THEN 'completed' ELSE 'processing' END)::"UploadStatus",
      "completedAt" = CASE WHEN status = 'cancelled' THEN "completedAt" WHEN processed + ${counts.total} >= total THEN CURRENT_TIMESTAMP ELSE NULL END
    WHERE id = ${id}`;
}

/**
 * Ends a file upload early (the operator cancelled): the job is "cancelled", holds what was sent,
 * and keeps the file's row count, so the rows never sent stay counted (not sent = total - processed).
 */
export async function finishUploadJob(id: string) {
  await db.$executeRaw`
    UPDATE upload_jobs SET status = 'cancelled', "completedAt" = CURRENT_TIMESTAMP
    WHERE id = ${id} AND status = 'processing'`;
}

/** A cancelled file upload takes chunks again (the wizard resumed it); its counts carry on. */
export async function reopenUploadJob(id: string) {
  await db.$executeRaw`
    UPDATE upload_jobs SET status = 'processing', "completedAt" = NULL
    WHERE id = ${id} AND status = 'cancelled' AND "undoneAt" IS NULL`;
}

/** The job stops with a message; counts stay as last recorded. */
export async function failUploadJob(id: string, message: string) {
  await db.uploadJob.update({ where: { id }, data: { status: "failed", errorMessage: storableText(message), completedAt: new Date() } });
}

/** The door an upload came through; only the three doors that upload files open jobs. */
export function uploadSource(source: Source): UploadSource {
  if (source === "ui" || source === "timepay_api" || source === "flexydial_api") return source;
  throw new Error(`An upload job cannot come from ${source}`);
}

/** A job of the caller's organization; another organization's is not found either. */
export async function getUploadJob(ctx: DomainContext, id: string) {
  const job = await db.uploadJob.findFirst({ where: { id, organizationId: ctx.organizationId }, omit: { payload: true } });
  if (!job) throw new NotFound("Upload job not found", { resource: "upload_job", value: id });
  return job;
}

/**
 * Rows that were not written, in input order: invalid records first merged with write problems.
 * The report names each record's problems "Record N: …", as it is read apart from its file. Each
 * row carries its kind (how the job counted it: invalid, duplicate, or failed for any other
 * reason) and, when `records` is given, the record as it was sent, for the downloadable report.
 */
export function uploadRowErrors(
  invalid: readonly { index: number; id: string | null; issues: readonly Issue[] }[],
  notWritten: readonly { index: number; id: string; reason: string; code?: string }[],
  records?: readonly unknown[],
): UploadRowError[] {
  const sent = (index: number) => {
    const record = records?.[index];
    return record !== null && typeof record === "object" && !Array.isArray(record) ? { row: record as Record<string, unknown> } : {};
  };
  const rows: UploadRowError[] = invalid.map((r) => ({
    index: r.index,
    id: r.id,
    errors: r.issues.map((i) => recordPrefix(r.index) + i.message),
    kind: "invalid",
    ...sent(r.index),
  }));
  for (const r of notWritten) {
    const kind = r.code === "duplicate_in_file" || r.code === "duplicate_in_campaign" ? "duplicate" : "failed";
    rows.push({ index: r.index, id: r.id, errors: [r.reason], kind, ...sent(r.index) });
  }
  return rows.sort((a, b) => a.index - b.index);
}
