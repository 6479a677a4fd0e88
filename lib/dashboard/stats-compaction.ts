import { db } from "@/lib/db/client";
import type { QueueConsumer } from "@/lib/jobs/workers";
import { logError } from "@/lib/log";

// The rollups (campaign_call_stats, campaign_contact_stats) gain a row per statement and key; the
// sums stay right whatever their number, but reads slow down as rows pile up. Compaction replaces a
// campaign's rows by their sums, in one statement per table: rows a concurrent writer has not yet
// committed are not seen, so they stay as they are and nothing is counted twice or lost. One
// compactor at a time (an advisory lock); every queue worker runs it every COMPACT_INTERVAL_MS.

const COMPACT_INTERVAL_MS = 60_000;
/** A campaign is compacted once it has more rows than this. */
const COMPACT_ABOVE_ROWS = 64;
const LOCK_KEY = 4_211_877_001;

export async function compactCampaignStats(options: { campaignIds?: string[]; aboveRows?: number } = {}): Promise<number> {
  const above = options.aboveRows ?? COMPACT_ABOVE_ROWS;
  return db.$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}::bigint) AS locked`;
    if (!locked) return 0;
    const due = options.campaignIds
      ? options.campaignIds
      : (
          await tx.$queryRaw<{ id: string }[]>`
            SELECT "campaignId" AS id FROM campaign_call_stats GROUP BY 1 HAVING count(*) > ${above}
            UNION SELECT "campaignId" FROM campaign_contact_stats GROUP BY 1 HAVING count(*) > ${above}`
        ).map((r) => r.id);
    if (due.length === 0) return 0;
    await tx.$executeRaw`
      WITH gone AS (DELETE FROM campaign_call_stats WHERE "campaignId" = ANY(${due}::text[]) RETURNING *)
      INSERT INTO campaign_call_stats ("campaignId", day, outcome, disposition, blocked, calls, "durationSum", "durationN", promises)
      SELECT "campaignId", day, outcome, disposition, blocked, sum(calls), sum("durationSum"), sum("durationN"), sum(promises)
      FROM gone GROUP BY 1, 2, 3, 4, 5
      HAVING sum(calls) <> 0 OR sum("durationSum") <> 0 OR sum("durationN") <> 0 OR sum(promises) <> 0`;
    await tx.$executeRaw`
      WITH gone AS (DELETE FROM campaign_contact_stats WHERE "campaignId" = ANY(${due}::text[]) RETURNING *)
      INSERT INTO campaign_contact_stats ("campaignId", contacts, called, contacted)
      SELECT "campaignId", sum(contacts), sum(called), sum(contacted) FROM gone GROUP BY 1
      HAVING sum(contacts) <> 0 OR sum(called) <> 0 OR sum(contacted) <> 0`;
    return due.length;
  });
}

/** The compaction, run by every queue worker (listed in scripts/queue-consumers.ts). */
export const dashboardStatsCompaction: QueueConsumer = {
  name: "dashboard-stats-compaction",
  start: async () => {
    const timer = setInterval(() => {
      compactCampaignStats().catch((error) => logError("dashboard stats compaction failed", error));
    }, COMPACT_INTERVAL_MS);
    timer.unref();
    return async () => clearInterval(timer);
  },
};

/**
 * Recomputes the campaigns' rollups from calls and customers, as the migration's backfill does. For
 * bulk loads that bypass triggers (session_replication_role = replica); a concurrent writer's change
 * could be counted twice, so run it only while nothing writes to these campaigns.
 */
export async function rebuildCampaignStats(campaignIds: string[]): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`DELETE FROM campaign_call_stats WHERE "campaignId" = ANY(${campaignIds}::text[])`;
      await tx.$executeRaw`DELETE FROM campaign_contact_stats WHERE "campaignId" = ANY(${campaignIds}::text[])`;
      await tx.$executeRaw`
      INSERT INTO campaign_call_stats ("campaignId", day, outcome, disposition, blocked, calls, "durationSum", "durationN", promises)
      SELECT "campaignId", coalesce((("finishedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Kolkata')::date, DATE '1970-01-01'),
             coalesce(outcome, ''), coalesce("outcomeDisposition", ''),
             CASE WHEN state = 'blocked' THEN coalesce("blockedReason", 'unknown') ELSE '' END,
             count(*), coalesce(sum(duration), 0), count(duration),
             count(*) FILTER (WHERE outcome = 'Contacted' AND "extractedData" ? 'promise_to_pay_date')
      FROM calls WHERE "campaignId" = ANY(${campaignIds}::text[]) AND (outcome IS NOT NULL OR state = 'blocked' OR duration IS NOT NULL)
      GROUP BY 1, 2, 3, 4, 5`;
      await tx.$executeRaw`
      INSERT INTO campaign_contact_stats ("campaignId", contacts, called, contacted)
      SELECT "campaignId", count(*), count("lastCallAt"), count(*) FILTER (WHERE "lastCallStatus" = 'Contacted')
      FROM customers WHERE "campaignId" = ANY(${campaignIds}::text[]) GROUP BY 1`;
    },
    { timeout: 600_000 },
  );
}
