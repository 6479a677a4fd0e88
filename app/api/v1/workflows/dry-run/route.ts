// POST /api/v1/workflows/dry-run - play steps for a sample customer with simulated outcomes on a timeline (writes nothing)
import { withApi } from "@/lib/api/with-api";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";
import { fieldIssues } from "@/lib/timepay/field-issues";
import { dryRunBodySchema } from "@/lib/timepay/workflow-bodies";
import { dryRunRequest } from "@/lib/workflows/dry-run-request";

export const POST = withApi(
  { dialect: timepayDialect, auth: "credential", body: dryRunBodySchema, formatIssues: fieldIssues },
  async ({ auth, body }) => ({
    status: 200,
    body: { success: true, data: await dryRunRequest(timepayContext(auth), body, new Date()) },
  }),
);
