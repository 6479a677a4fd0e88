// POST /api/v1/campaigns/create - create a campaign (TimePay contract; `custom` adds CRM fields)
import { withApi } from "@/lib/api/with-api";
import { fieldIssues } from "@/lib/api/issues";
import { createCampaignSchema } from "@/lib/campaigns/campaign-input";
import { createCampaign } from "@/lib/campaigns/campaigns";

export const POST = withApi(
  { dialect: "timepay", auth: "credential", body: createCampaignSchema, idempotent: true, formatIssues: fieldIssues },
  async ({ auth, body }) => {
    const campaign = await createCampaign(auth.organizationId, body);
    return {
      status: 201,
      body: { success: true, message: "Campaign created successfully", data: { id: campaign.id, name: campaign.name } },
    };
  },
);
