// GET|PUT|DELETE /api/v1/dispositions/groups/{id} - read (expand), update (dispositions replaces the list), delete a group
import { withApi } from "@/lib/api/with-api";
import { fieldIssues } from "@/lib/api/issues";
import { parseQuery } from "@/lib/api/parse-query";
import { getGroupQuery, updateGroupBody } from "@/lib/timepay/disposition-bodies";
import { deleteGroup, getGroup, updateGroup } from "@/lib/timepay/disposition-groups";
import { timepayContext } from "@/lib/timepay/context";

export const GET = withApi({ dialect: "timepay", auth: "credential" }, async ({ auth, params, query }) =>
  getGroup(timepayContext(auth), params.id, parseQuery(getGroupQuery, query).expand),
);

export const PUT = withApi(
  { dialect: "timepay", auth: "credential", body: updateGroupBody, formatIssues: fieldIssues },
  async ({ auth, params, body }) => updateGroup(timepayContext(auth), params.id, body),
);

export const DELETE = withApi({ dialect: "timepay", auth: "credential" }, async ({ auth, params }) => deleteGroup(timepayContext(auth), params.id));
