// POST /api/campaigns/{id}/resume - make a paused campaign active again (waiting calls are dialled, re-checked)
import { withApi } from "@/lib/api/with-api";
import { domainContext } from "@/lib/api/domain-context";
import { inAppTerms } from "@/lib/api/app-domain-errors";
import { resumeCampaign } from "@/lib/campaigns/campaign-status";

export const POST = withApi({ dialect: "app", auth: "credential" }, async ({ auth, params }) =>
  inAppTerms(async () => {
    const campaign = await resumeCampaign(domainContext(auth, auth.apiKeyId ? "timepay_api" : "ui"), params.id);
    return { status: 200, body: { campaign: { id: campaign.id, status: campaign.status, pausedAt: null } } };
  }),
);
