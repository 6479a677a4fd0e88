// GET /api/v1/dispositions/groups/list - list disposition groups (page, search, expand)
import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/timepay/parse-query";
import { listGroupsQuery } from "@/lib/timepay/disposition-bodies";
import { listGroups } from "@/lib/timepay/disposition-groups";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, query }) =>
  listGroups(timepayContext(auth), parseQuery(listGroupsQuery, query)),
);
