// POST /api/v1/campaigns/create - create a campaign (TimePay contract; `custom` adds CRM fields)
import { withApi } from "@/lib/api/with-api";
import { createCampaignBodySchema } from "@/lib/timepay/campaign-bodies";
import { createCampaignAnswer } from "@/lib/timepay/campaigns";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";
import { fieldIssues } from "@/lib/timepay/field-issues";

export const POST = withApi(
  { dialect: timepayDialect, auth: "credential", body: createCampaignBodySchema, idempotent: true, formatIssues: fieldIssues },
  async ({ auth, body }) => createCampaignAnswer(timepayContext(auth), body),
);
