// POST /api/v1/dispositions/groups/create - create a disposition group (repeated ids collapse)
import { withApi } from "@/lib/api/with-api";
import { fieldIssues } from "@/lib/timepay/field-issues";
import { createGroupBody } from "@/lib/timepay/disposition-bodies";
import { createGroup } from "@/lib/timepay/disposition-groups";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";

export const POST = withApi(
  { dialect: timepayDialect, auth: "credential", body: createGroupBody, idempotent: true, formatIssues: fieldIssues },
  async ({ auth, body }) => createGroup(timepayContext(auth), body),
);
