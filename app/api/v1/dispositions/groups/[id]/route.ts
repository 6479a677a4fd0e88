// GET|PUT|DELETE /api/v1/dispositions/groups/{id} - read (expand), update (dispositions replaces the list), delete a group
import { withApi } from "@/lib/api/with-api";
import { fieldIssues } from "@/lib/timepay/field-issues";
import { parseQuery } from "@/lib/timepay/parse-query";
import { getGroupQuery, updateGroupBody } from "@/lib/timepay/disposition-bodies";
import { deleteGroup, getGroup, updateGroup } from "@/lib/timepay/disposition-groups";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, params, query }) =>
  getGroup(timepayContext(auth), params.id, parseQuery(getGroupQuery, query).expand),
);

export const PUT = withApi(
  { dialect: timepayDialect, auth: "credential", body: updateGroupBody, formatIssues: fieldIssues },
  async ({ auth, params, body }) => updateGroup(timepayContext(auth), params.id, body),
);

export const DELETE = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, params }) =>
  deleteGroup(timepayContext(auth), params.id),
);
