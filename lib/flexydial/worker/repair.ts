import { db } from "@/lib/db/client";
import { QUEUES, send } from "@/lib/jobs/boss";
import { logInfo } from "@/lib/log";

// The safety net under the queue: an unfinished Flexydial upload job that has no live queue
// message (pg-boss completed a stale attempt's message after a newer attempt died, or a message
// was removed by hand) is given a new one. Runs are fenced by their checkpoints, so a message
// too many costs one no-op run; a message too few would leave the job pending forever.

/** Jobs younger than this are left alone: their first message may simply not be picked up yet. */
export const REPAIR_GRACE_SECONDS = 60;
export const REPAIR_INTERVAL_MS = 30_000;

export async function requeueOrphanedUploads(graceSeconds = REPAIR_GRACE_SECONDS): Promise<string[]> {
  const orphans = await db.$queryRaw<{ id: string }[]>`
    SELECT u.id FROM upload_jobs u
    WHERE u.source = 'flexydial_api' AND u.status IN ('pending', 'processing')
      AND u."createdAt" < now() - make_interval(secs => ${graceSeconds})
      AND NOT EXISTS (
        SELECT 1 FROM pgboss.job j
        WHERE j.name = ${QUEUES.flexydialUpload} AND j.data->>'uploadJobId' = u.id
          AND j.state IN ('created', 'retry', 'active')
      )
    LIMIT 100`;
  for (const { id } of orphans) await send(QUEUES.flexydialUpload, { uploadJobId: id });
  if (orphans.length > 0) logInfo("re-queued orphaned upload jobs", { count: orphans.length });
  return orphans.map((o) => o.id);
}
