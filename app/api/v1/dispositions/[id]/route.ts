// GET|PUT|DELETE /api/v1/dispositions/{id} - read, partly update, or delete one disposition
import { withApi } from "@/lib/api/with-api";
import { fieldIssues } from "@/lib/timepay/field-issues";
import { updateDispositionBody } from "@/lib/timepay/disposition-bodies";
import { deleteDisposition, getDisposition, updateDisposition } from "@/lib/timepay/dispositions";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, params }) =>
  getDisposition(timepayContext(auth), params.id),
);

export const PUT = withApi(
  { dialect: timepayDialect, auth: "credential", body: updateDispositionBody, formatIssues: fieldIssues },
  async ({ auth, params, body }) => updateDisposition(timepayContext(auth), params.id, body),
);

export const DELETE = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, params }) =>
  deleteDisposition(timepayContext(auth), params.id),
);
