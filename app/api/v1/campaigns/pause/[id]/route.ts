// PATCH /api/v1/campaigns/pause/{id} - pause a campaign (calls stop being placed)
import { withApi } from "@/lib/api/with-api";
import { pauseCampaign } from "@/lib/campaigns/campaigns";

export const PATCH = withApi({ dialect: "timepay", auth: "credential" }, async ({ auth, params }) => {
  const campaign = await pauseCampaign(auth.organizationId, params.id);
  return {
    status: 200,
    body: {
      success: true,
      message: "Campaign paused successfully",
      data: { id: campaign.id, status: campaign.status, pausedAt: campaign.pausedAt?.toISOString() ?? null },
    },
  };
});
