// PATCH /api/v1/campaigns/pause/{id} - pause a campaign (calls stop being placed)
import { withApi } from "@/lib/api/with-api";
import { pauseCampaignAnswer } from "@/lib/timepay/campaigns";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";

export const PATCH = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, params }) =>
  pauseCampaignAnswer(timepayContext(auth), params.id),
);
