import type { Prisma } from "@/lib/generated/prisma/client";
import { INTERRUPTED_MESSAGE } from "@/lib/calls/recover-attempts";

// A failing provider must not burn through a list: a campaign whose last AUTO_PAUSE_WINDOW
// ended attempts are mostly Failed pauses itself and says why (campaigns.autoPausedReason).
// Attempts our own worker lost (INTERRUPTED_MESSAGE) say nothing about the provider: not counted.
// Resuming clears the reason and starts a fresh window: only attempts ended after the resume
// count (the check runs whenever results are recorded).

export const AUTO_PAUSE_WINDOW = 50;

export function autoPauseReason(failed: number, window = AUTO_PAUSE_WINDOW) {
  return `Paused automatically: ${failed} of the last ${window} calls failed`;
}

export async function autoPauseFailingCampaigns(tx: Prisma.TransactionClient, campaignIds: string[], now: Date): Promise<string[]> {
  const paused: string[] = [];
  for (const campaignId of campaignIds) {
    const [row] = await tx.$queryRaw<{ total: number; failed: number }[]>`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE outcome = 'Failed')::int AS failed
      FROM (SELECT c.outcome FROM calls c JOIN campaigns ca ON ca.id = c."campaignId"
            WHERE c."campaignId" = ${campaignId} AND c.outcome IS NOT NULL AND c."finishedAt" IS NOT NULL
              AND c."finishedAt" > COALESCE(ca."resumedAt", '-infinity'::timestamp)
              AND c."errorMessage" IS DISTINCT FROM ${INTERRUPTED_MESSAGE}
            ORDER BY c."finishedAt" DESC LIMIT ${AUTO_PAUSE_WINDOW}) last`;
    if (!row || row.total < AUTO_PAUSE_WINDOW || row.failed * 2 <= AUTO_PAUSE_WINDOW) continue;
    const updated = await tx.campaign.updateMany({
      where: { id: campaignId, status: "active" },
      data: { status: "paused", pausedAt: now, autoPausedReason: autoPauseReason(row.failed) },
    });
    if (updated.count > 0) paused.push(campaignId);
  }
  return paused;
}
