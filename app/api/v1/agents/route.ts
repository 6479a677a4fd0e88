// GET /api/v1/agents - list the organization's agents (page, limit, search, type, active)
import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { listAgents, listAgentsQuery } from "@/lib/timepay/agents";
import { timepayContext } from "@/lib/timepay/context";

export const GET = withApi({ dialect: "timepay", auth: "credential" }, async ({ auth, query }) =>
  listAgents(timepayContext(auth), parseQuery(listAgentsQuery, query)),
);
