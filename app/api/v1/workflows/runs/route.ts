// GET /api/v1/workflows/runs - a campaign's or a customer's workflow runs with their step history (campaign_id, customer_id, state)
import { withApi } from "@/lib/api/with-api";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";
import { parseQuery } from "@/lib/timepay/parse-query";
import { listRunsAnswer } from "@/lib/timepay/workflows";
import { runsQuerySchema } from "@/lib/timepay/workflow-bodies";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, query }) =>
  listRunsAnswer(timepayContext(auth), parseQuery(runsQuerySchema, query)),
);
