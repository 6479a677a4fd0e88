import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuthContext } from "@/lib/api/authenticate";
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
  row?: Record<string, unknown>;
}

export interface NewUploadJob {
  organizationId: string;
  campaignId: string;
  source: UploadSource;
  action?: "insert" | "update";
  /** Flexydial's "Reference/Phonebook Name"; defaults to the job id. */
  reference?: string;
  fileName?: string | null;
  total: number;
  /** Options of the request (call options, reference_field ...). */
  options?: Record<string, unknown>;
  status?: "pending" | "processing";
  createdById?: string | null;
  apiKeyId?: string | null;
}

/** Upload job ids, for every door (Flexydial's writes its job inside its queue transaction). */
export function newUploadJobId(): string {
  return `upl_${randomBytes(10).toString("hex")}`;
}

export async function createUploadJob(input: NewUploadJob): Promise<{ id: string; reference: string }> {
  const id = newUploadJobId();
  const status = input.status ?? "pending";
  const job = await db.uploadJob.create({
    data: {
      id,
      organizationId: input.organizationId,
      campaignId: input.campaignId,
      source: input.source,
      action: input.action ?? "insert",
      status,
      reference: input.reference ?? id,
      fileName: input.fileName ?? null,
      total: input.total,
      options: (input.options ?? {}) as Prisma.InputJsonValue,
      createdById: input.createdById ?? null,
      apiKeyId: input.apiKeyId ?? null,
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
 * The upload wizard sends a large file in chunks and names the first chunk's job in the later
 * ones: that job, when it is this operator's upload to this campaign, else null. `offset` is the
 * number of records the job already holds, so row problems keep counting on from there.
 */
export async function findChunkedUpload(
  id: string,
  owner: { organizationId: string; campaignId: string; createdById: string | null },
): Promise<{ id: string; offset: number } | null> {
  const job = await db.uploadJob.findFirst({
    where: { id, organizationId: owner.organizationId, campaignId: owner.campaignId, createdById: owner.createdById, source: "ui", action: "insert" },
    select: { id: true, total: true },
  });
  return job && { id: job.id, offset: job.total };
}

/** Adds one more chunk to a chunked upload's job, in one statement: counts add up, row problems follow on. */
export async function addUploadChunk(id: string, counts: UploadCounts, rowErrors: readonly UploadRowError[], offset: number) {
  const shifted = storableJson(rowErrors.map((row) => ({ ...row, index: row.index + offset })));
  await db.$executeRaw`
    UPDATE upload_jobs SET
      total = total + ${counts.total}, processed = processed + ${counts.total}, valid = valid + ${counts.valid},
      invalid = invalid + ${counts.invalid}, successful = successful + ${counts.successful}, failed = failed + ${counts.failed},
      duplicates = duplicates + ${counts.duplicates}, "rowErrors" = "rowErrors" || ${JSON.stringify(shifted)}::jsonb,
      status = 'completed', "completedAt" = CURRENT_TIMESTAMP
    WHERE id = ${id}`;
}

/** The job stops with a message; counts stay as last recorded. */
export async function failUploadJob(id: string, message: string) {
  await db.uploadJob.update({ where: { id }, data: { status: "failed", errorMessage: storableText(message), completedAt: new Date() } });
}

/**
 * Where a synchronous upload came from: a signed-in operator is the upload wizard, an API key
 * is the TimePay API. A body's own "source" is never trusted.
 */
export function syncUploadSource(auth: AuthContext): UploadSource {
  return auth.apiKeyId === null ? "ui" : "timepay_api";
}

/** Rows that were not written, in input order: invalid records first merged with write problems. */
export function uploadRowErrors(
  invalid: readonly { index: number; id: string | null; errors: string[] }[],
  notWritten: readonly { index: number; id: string; reason: string }[],
): UploadRowError[] {
  const rows: UploadRowError[] = invalid.map((r) => ({ index: r.index, id: r.id, errors: r.errors }));
  for (const r of notWritten) rows.push({ index: r.index, id: r.id, errors: [r.reason] });
  return rows.sort((a, b) => a.index - b.index);
}
