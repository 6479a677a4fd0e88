// GET /api/v1/agents - list the organization's agents (page, limit, search, type, active)
import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/timepay/parse-query";
import { listAgents, listAgentsQuery } from "@/lib/timepay/agents";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, query }) =>
  listAgents(timepayContext(auth), parseQuery(listAgentsQuery, query)),
);
