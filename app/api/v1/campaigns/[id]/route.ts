// GET /api/v1/campaigns/{id} - one campaign; DELETE /api/v1/campaigns/{id} - delete it and its customers
import { withApi } from "@/lib/api/with-api";
import { deleteCampaignAnswer, getCampaignAnswer } from "@/lib/timepay/campaigns";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, params }) =>
  getCampaignAnswer(timepayContext(auth), params.id),
);

export const DELETE = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, params }) =>
  deleteCampaignAnswer(timepayContext(auth), params.id),
);
