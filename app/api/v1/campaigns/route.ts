// GET /api/v1/campaigns - list the organization's campaigns (page, limit, status, campaign_type, search)
import { withApi } from "@/lib/api/with-api";
import { listCampaignsQuerySchema } from "@/lib/timepay/campaign-bodies";
import { listCampaignsAnswer } from "@/lib/timepay/campaigns";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";
import { parseQuery } from "@/lib/timepay/parse-query";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, query }) =>
  listCampaignsAnswer(timepayContext(auth), parseQuery(listCampaignsQuerySchema, query)),
);
