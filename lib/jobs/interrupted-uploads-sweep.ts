import { db } from "@/lib/db/client";
import { logError, logInfo } from "@/lib/log";

// TimePay's bulk routes create their job as "processing" and complete it before answering; the
// upload wizard's job stays "processing" from its first chunk to its last. When the request dies
// first (the process is killed, the database connection drops) or the operator never comes back,
// nothing would ever finish the job. This sweep, run by every queue worker, gives such a job an
// honest final state: failed, with the rows that are really in the table. A TimePay request lives
// seconds (10,000 records take about 0.5 s), so its job still processing after STALE_SECONDS has
// no live request; a wizard upload may pause and resume, so it gets WIZARD_STALE_SECONDS.

export const STALE_SECONDS = 300;
export const WIZARD_STALE_SECONDS = 6 * 60 * 60;
export const SWEEP_INTERVAL_MS = 60_000;

export async function sweepInterruptedUploads(staleSeconds = STALE_SECONDS, wizardStaleSeconds = WIZARD_STALE_SECONDS): Promise<string[]> {
  const before = (seconds: number) => new Date(Date.now() - seconds * 1000);
  const stale = await db.uploadJob.findMany({
    where: {
      status: "processing",
      OR: [
        { source: "timepay_api", startedAt: { lt: before(staleSeconds) } },
        { source: "ui", startedAt: { lt: before(wizardStaleSeconds) } },
      ],
    },
    select: { id: true, campaignId: true, action: true, total: true },
    take: 100,
  });
  const swept: string[] = [];
  for (const job of stale) {
    const written = job.action === "insert" ? await db.customer.count({ where: { campaignId: job.campaignId, uploadJobId: job.id } }) : null;
    const message =
      written === null
        ? "The request ended before the update finished; some rows may be updated. Send it again: updates are safe to repeat."
        : `The upload ended before it finished: ${written} of ${job.total} rows were added. Send the rest again: rows already added are not added twice.`;
    const result = await db.uploadJob.updateMany({
      where: { id: job.id, status: "processing" },
      data: {
        status: "failed",
        errorMessage: message,
        completedAt: new Date(),
        ...(written !== null && { successful: written, processed: written, failed: job.total - written }),
      },
    });
    if (result.count === 1) swept.push(job.id);
  }
  if (swept.length > 0) logInfo("swept interrupted upload jobs", { count: swept.length });
  return swept;
}

/** Runs the sweep every SWEEP_INTERVAL_MS in this worker process; returns its stop function. */
export function startInterruptedUploadsSweep(): () => Promise<void> {
  const timer = setInterval(() => {
    sweepInterruptedUploads().catch((error) => logError("interrupted upload sweep failed", error));
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  return async () => clearInterval(timer);
}
