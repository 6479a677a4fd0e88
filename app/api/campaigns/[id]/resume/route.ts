// POST /api/campaigns/{id}/resume - make a paused campaign active again (waiting calls are dialled, re-checked)
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { resumeCampaignCalls } from "@/lib/calls/campaign-calls";
import { systemClock } from "@/lib/domain/clock";

export const POST = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, params }) => {
  const campaign = await resumeCampaignCalls(domainContext(auth, "ui"), params.id, systemClock);
  return { status: 200, body: { campaign: { id: campaign.id, status: campaign.status, pausedAt: null } } };
});
