// PUT /api/v1/campaigns/update/{id} - change any of a campaign's descriptive fields
import { withApi } from "@/lib/api/with-api";
import { fieldIssues } from "@/lib/api/issues";
import { updateCampaignSchema } from "@/lib/campaigns/campaign-input";
import { updateCampaign } from "@/lib/campaigns/campaigns";

export const PUT = withApi(
  { dialect: "timepay", auth: "credential", body: updateCampaignSchema, formatIssues: fieldIssues },
  async ({ auth, params, body }) => {
    const updatedFields = await updateCampaign(auth.organizationId, params.id, body);
    return { status: 200, body: { success: true, message: "Campaign updated successfully", updatedFields } };
  },
);
