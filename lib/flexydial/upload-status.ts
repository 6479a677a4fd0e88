import type { ApiResult } from "@/lib/api/with-api";
import type { DomainContext } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { getUploadJob } from "@/lib/upload-jobs/upload-jobs";
import { statusMessages, uploadErrors } from "./messages";
import type { z } from "zod";
import type { flexydialErrorsSchema, invalidDataSchema, uploadStatusSchema } from "./responses";
import { uploadError } from "./upload-request";

// The answer of the status check (§1.6) for an upload job of the caller's organization. The
// vendor lists "Invalid Data" and "Job not found." under "Error / Code 500", and we answer 500
// for both so Flexydial clients branch as they do today; Completed and Pending are 200.

type JobState = { status: "pending" | "processing" | "completed" | "failed" | "cancelled"; rowErrors: unknown };

export async function uploadStatus(ctx: DomainContext, jobId: string): Promise<ApiResult> {
  // Another organization's job is "not found" too: its existence is not the caller's business.
  const job = await getUploadJob(ctx, jobId).catch((error: unknown) => {
    throw error instanceof NotFound ? uploadError(statusMessages.jobNotFound, 500) : error;
  });
  return statusAnswer(job);
}

export function statusAnswer(job: JobState): ApiResult {
  if (job.status === "pending" || job.status === "processing")
    return { status: 200, body: { status: statusMessages.pending } satisfies Status };
  if (job.status === "failed")
    return { status: 500, body: { errors: uploadErrors.somethingWrong } satisfies z.input<typeof flexydialErrorsSchema> };
  const rowErrors = Array.isArray(job.rowErrors) ? (job.rowErrors as RowError[]) : [];
  if (rowErrors.length === 0) return { status: 200, body: { status: statusMessages.completed } satisfies Status };
  return {
    status: 500,
    body: {
      status: statusMessages.invalidData,
      improper_data: rowErrors.map((e) => ({ ...e.row, description: e.errors.join("; ") })),
    } satisfies z.input<typeof invalidDataSchema>,
  };
}

type Status = z.input<typeof uploadStatusSchema>;
type RowError = { errors: string[]; row?: Record<string, unknown> };
