// GET /api/v1/campaigns/{id} - one campaign; DELETE /api/v1/campaigns/{id} - delete it and its customers
import { withApi } from "@/lib/api/with-api";
import { deleteCampaign, getCampaignOrThrow } from "@/lib/campaigns/campaigns";
import { serializeCampaign } from "@/lib/campaigns/serialize";
import { db } from "@/lib/db/client";

export const GET = withApi({ dialect: "timepay", auth: "credential" }, async ({ auth, params }) => {
  const campaign = await getCampaignOrThrow(auth.organizationId, params.id);
  const customers = await db.customer.count({ where: { campaignId: campaign.id } });
  return { status: 200, body: { success: true, data: serializeCampaign({ ...campaign, _count: { customers } }) } };
});

export const DELETE = withApi({ dialect: "timepay", auth: "credential" }, async ({ auth, params }) => {
  const campaign = await deleteCampaign(auth.organizationId, params.id);
  return { status: 200, body: { success: true, data: { id: campaign.id }, message: "Campaign deleted successfully" } };
});
