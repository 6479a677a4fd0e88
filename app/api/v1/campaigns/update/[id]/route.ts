// PUT /api/v1/campaigns/update/{id} - change a campaign's descriptive fields, calling settings or workflow (null: none)
import { withApi } from "@/lib/api/with-api";
import { updateCampaignBodySchema } from "@/lib/timepay/campaign-bodies";
import { updateCampaignAnswer } from "@/lib/timepay/campaigns";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";
import { fieldIssues } from "@/lib/timepay/field-issues";

export const PUT = withApi(
  { dialect: timepayDialect, auth: "credential", body: updateCampaignBodySchema, formatIssues: fieldIssues },
  async ({ auth, params, body }) => updateCampaignAnswer(timepayContext(auth), params.id, body),
);
