// GET /api/v1/campaigns - list the organization's campaigns (page, limit, status, campaign_type, search)
import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { listCampaignsQuerySchema } from "@/lib/campaigns/campaign-input";
import { listCampaigns } from "@/lib/campaigns/campaigns";
import { serializeCampaign } from "@/lib/campaigns/serialize";

export const GET = withApi({ dialect: "timepay", auth: "credential" }, async ({ auth, query }) => {
  const params = parseQuery(listCampaignsQuerySchema, query);
  const { rows, total } = await listCampaigns(auth.organizationId, params);
  return {
    status: 200,
    body: {
      success: true,
      data: rows.map((c) => serializeCampaign(c, { withOrg: true })),
      pagination: { page: params.page, limit: params.limit, total, totalPages: Math.ceil(total / params.limit) },
    },
  };
});
