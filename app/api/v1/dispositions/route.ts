// GET /api/v1/dispositions - list the organization's dispositions (page, search); POST - create one
import { withApi } from "@/lib/api/with-api";
import { fieldIssues } from "@/lib/timepay/field-issues";
import { parseQuery } from "@/lib/timepay/parse-query";
import { createDispositionBody, listDispositionsQuery } from "@/lib/timepay/disposition-bodies";
import { createDisposition, listDispositions } from "@/lib/timepay/dispositions";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, query }) =>
  listDispositions(timepayContext(auth), parseQuery(listDispositionsQuery, query)),
);

export const POST = withApi(
  { dialect: timepayDialect, auth: "credential", body: createDispositionBody, idempotent: true, formatIssues: fieldIssues },
  async ({ auth, body }) => createDisposition(timepayContext(auth), body),
);
