// POST /api/workflows/dry-run - the editor's dry run: play the steps for a sample customer on a timeline (writes nothing)
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { dryRunBodySchema } from "@/lib/timepay/workflow-bodies";
import { dryRunRequest } from "@/lib/workflows/dry-run-request";

export const POST = withApi(
  { dialect: appDialect, auth: "credential", body: dryRunBodySchema, readOnly: true },
  async ({ auth, body }) => ({ status: 200, body: { dryRun: await dryRunRequest(domainContext(auth, "ui"), body, new Date()) } }),
);
