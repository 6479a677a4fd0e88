// GET /api/v1/logs - the call log, 10 per page, filtered (type, status, disposition, phones, campaign, agent, time); count_only
import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/timepay/parse-query";
import { logsQuery } from "@/lib/timepay/log-query";
import { getLogs } from "@/lib/timepay/logs";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, query }) =>
  getLogs(timepayContext(auth), parseQuery(logsQuery, query)),
);
