import { db } from "@/lib/db/client";

// What a campaign's scheduled attempts are waiting for, for its page: the calling window (and
// when it next opens), a resume, or only their turn (concurrency, a retry's delay).

export type WaitingSummary = {
  /** Attempts waiting for the calling window to open, and the earliest opening. */
  window: { count: number; opensAt: Date | null };
  /** Attempts that will be dialled once the campaign is resumed. */
  resume: number;
  /** Attempts due or waiting their turn (a free line, a retry delay, a busy number). */
  queued: number;
  /** Calls in progress now. */
  inProgress: number;
};

export async function waitingSummary(campaign: { id: string; status: string }): Promise<WaitingSummary> {
  const [scheduled, inProgress] = await Promise.all([
    db.call.groupBy({
      by: ["waitReason"],
      where: { campaignId: campaign.id, state: "scheduled" },
      _count: { _all: true },
      _min: { notBefore: true },
    }),
    db.call.count({ where: { campaignId: campaign.id, state: "dialing" } }),
  ]);
  const total = scheduled.reduce((n, g) => n + g._count._all, 0);
  if (campaign.status !== "active") return { window: { count: 0, opensAt: null }, resume: total, queued: 0, inProgress };
  const window = scheduled.find((g) => g.waitReason === "window");
  const windowCount = window?._count._all ?? 0;
  return { window: { count: windowCount, opensAt: window?._min.notBefore ?? null }, resume: 0, queued: total - windowCount, inProgress };
}
