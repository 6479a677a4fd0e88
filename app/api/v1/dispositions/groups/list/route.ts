// GET /api/v1/dispositions/groups/list - list disposition groups (page, search, expand)
import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { listGroupsQuery } from "@/lib/timepay/disposition-bodies";
import { listGroups } from "@/lib/timepay/disposition-groups";
import { timepayContext } from "@/lib/timepay/context";

export const GET = withApi({ dialect: "timepay", auth: "credential" }, async ({ auth, query }) =>
  listGroups(timepayContext(auth), parseQuery(listGroupsQuery, query)),
);
