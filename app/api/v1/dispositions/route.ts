// GET /api/v1/dispositions - list the organization's dispositions (page, search); POST - create one
import { withApi } from "@/lib/api/with-api";
import { fieldIssues } from "@/lib/api/issues";
import { parseQuery } from "@/lib/api/parse-query";
import { createDispositionBody, listDispositionsQuery } from "@/lib/timepay/disposition-bodies";
import { createDisposition, listDispositions } from "@/lib/timepay/dispositions";
import { timepayContext } from "@/lib/timepay/context";

export const GET = withApi({ dialect: "timepay", auth: "credential" }, async ({ auth, query }) =>
  listDispositions(timepayContext(auth), parseQuery(listDispositionsQuery, query)),
);

export const POST = withApi(
  { dialect: "timepay", auth: "credential", body: createDispositionBody, idempotent: true, formatIssues: fieldIssues },
  async ({ auth, body }) => createDisposition(timepayContext(auth), body),
);
