import { z } from "zod";

// What an upload job's status means to an operator, derived from the stored row so the list, the
// job page and the campaign page all say the same thing. Pure: also runs in the browser.
//
//   running    pending or processing: rows are still being written (progress = processed / total)
//   completed  finished and every received row was added
//   partial    finished, but some rows were not added (duplicates, invalid, failed or not sent)
//   cancelled  the operator stopped it before every row was sent
//   failed     it stopped on an error
//
// Counts reconcile with the file: received = added + duplicates + invalid + failed + not sent.
// The stored `failed` counts every processed row that was not added (TimePay's meaning), so the
// rows that failed for any other reason are what is left after duplicates and invalid.

export const JOB_OUTCOMES = ["running", "completed", "partial", "cancelled", "failed"] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];
export const jobOutcomeSchema = z.enum(JOB_OUTCOMES);

export const SOURCE_LABELS: Record<string, string> = { ui: "Spreadsheet", timepay_api: "TimePay API", flexydial_api: "Flexydial API" };
export const UPLOAD_SOURCES = ["ui", "timepay_api", "flexydial_api"] as const;

export type JobCountsRow = {
  status: string;
  total: number;
  processed: number;
  successful: number;
  invalid: number;
  duplicates: number;
  failed: number;
};

export function jobOutcome(job: JobCountsRow): JobOutcome {
  if (job.status === "pending" || job.status === "processing") return "running";
  if (job.status === "failed") return "failed";
  if (job.status === "cancelled") return "cancelled";
  return job.successful >= job.total ? "completed" : "partial";
}

export type JobCounts = { received: number; added: number; duplicates: number; invalid: number; failed: number; notSent: number };

export function jobCounts(job: JobCountsRow): JobCounts {
  const processed = Math.min(job.processed, job.total);
  const notSent = job.total - processed;
  const failed = Math.max(0, job.failed - job.invalid - job.duplicates);
  return { received: job.total, added: job.successful, duplicates: job.duplicates, invalid: job.invalid, failed, notSent };
}

/** Percent of the received rows processed so far, 0–100. */
export function jobProgress(job: Pick<JobCountsRow, "total" | "processed">): number {
  return job.total > 0 ? Math.min(100, Math.round((job.processed / job.total) * 100)) : 0;
}

export const OUTCOME_LABELS: Record<JobOutcome, string> = {
  running: "Running",
  completed: "Completed",
  partial: "Partial",
  cancelled: "Cancelled",
  failed: "Failed",
};
