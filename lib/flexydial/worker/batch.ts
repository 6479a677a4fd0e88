import type { Prisma } from "@/lib/generated/prisma/client";
import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import type { UploadRow } from "../upload-request";
import type { Rejection } from "./rows";

// What a slice of a Flexydial job needs and returns, and the checkpoint that records it. The
// checkpoint is the fence between runs of one job: it lands only if `processed` is still where
// this run started the slice, so when two runs overlap (a job retried while the first run still
// works) each slice is counted exactly once.

export type BatchContext = {
  uploadJobId: string;
  organizationId: string;
  campaignId: string;
  campaignName: string;
  schema: FieldSchema;
  policy: PhonePolicy;
  /** The submitted rows, for the `improper_data` echo. */
  rows: readonly UploadRow[];
};

export type BatchResult = { rejections: Rejection[]; successful: number };

/** The app's client or one of its transactions: only raw SQL is used through it. */
export type Sql = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/** Records rows [start, end) as processed; false when another run got there first. */
export async function checkpoint(sql: Sql, ctx: BatchContext, start: number, end: number, result: BatchResult): Promise<boolean> {
  const rows = end - start;
  const invalid = result.rejections.filter((r) => r.kind === "invalid").length;
  const duplicates = result.rejections.filter((r) => r.kind === "duplicate").length;
  const rowErrors = [...result.rejections]
    .sort((a, b) => a.index - b.index)
    .map(({ index, id, errors, row }) => ({ index, id, errors, row }));
  const updated = await sql.$executeRaw`
    UPDATE upload_jobs SET
      processed = ${end},
      valid = valid + ${rows - invalid},
      invalid = invalid + ${invalid},
      duplicates = duplicates + ${duplicates},
      successful = successful + ${result.successful},
      failed = failed + ${rows - result.successful},
      "rowErrors" = "rowErrors" || ${JSON.stringify(rowErrors)}::jsonb,
      status = (CASE WHEN ${end} >= total THEN 'completed' ELSE 'processing' END)::"UploadStatus",
      "startedAt" = COALESCE("startedAt", now()),
      "completedAt" = CASE WHEN ${end} >= total THEN now() ELSE NULL END,
      -- The rows were kept only so the job could resume.
      payload = CASE WHEN ${end} >= total THEN NULL ELSE payload END
    WHERE id = ${ctx.uploadJobId} AND processed = ${start} AND status IN ('pending', 'processing')`;
  return updated === 1;
}
