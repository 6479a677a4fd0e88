import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import type { Clock } from "@/lib/domain/clock";
import { Invalid, NotFound } from "@/lib/domain/errors";
import { wakeDispatcher } from "@/lib/calls/calls-queue";

// Pausing and resuming a campaign's calls. A paused campaign places no new calls: the dispatcher
// only takes attempts of active campaigns, so its scheduled attempts simply wait (calls already
// in progress finish and report). Resuming makes them due again at once — the calling window is
// re-checked when each is dialled — and clears an automatic pause's reason. The existing
// PATCH /api/v1/campaigns/pause/{id} (status "paused") has exactly this effect.

export type CampaignCallsState = { id: string; status: "active" | "paused"; pausedAt: Date | null; autoPausedReason: string | null };

export async function pauseCampaignCalls(ctx: DomainContext, campaignId: string, clock: Clock): Promise<CampaignCallsState> {
  const campaign = await campaignOf(ctx, campaignId);
  if (campaign.status === "completed") throw new Invalid("A completed campaign cannot be paused", { field: "campaignId" });
  if (campaign.status !== "paused") {
    await db.campaign.updateMany({ where: { id: campaign.id, status: { in: ["active", "draft"] } }, data: { status: "paused", pausedAt: clock.now() } });
  }
  return stateOf(campaign.id);
}

export async function resumeCampaignCalls(ctx: DomainContext, campaignId: string, clock: Clock): Promise<CampaignCallsState> {
  const campaign = await campaignOf(ctx, campaignId);
  if (campaign.status === "completed") throw new Invalid("A completed campaign cannot be resumed", { field: "campaignId" });
  const now = clock.now();
  if (campaign.status !== "active") {
    await db.campaign.updateMany({
      where: { id: campaign.id, status: { in: ["paused", "draft"] } },
      data: { status: "active", pausedAt: null, autoPausedReason: null, resumedAt: now },
    });
    await wakeDispatcher(ctx.organizationId, now, now);
  }
  return stateOf(campaign.id);
}

async function campaignOf(ctx: DomainContext, campaignId: string) {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, organizationId: ctx.organizationId }, select: { id: true, status: true } });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign" });
  return campaign;
}

async function stateOf(id: string): Promise<CampaignCallsState> {
  const c = await db.campaign.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, pausedAt: true, autoPausedReason: true } });
  return { ...c, status: c.status === "paused" ? "paused" : "active" };
}
