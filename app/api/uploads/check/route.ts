// POST /api/uploads/check - the upload wizard asks what adding these rows would do (duplicates in the campaign); writes nothing
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { checkFileRows } from "@/lib/customers/file-upload";
import { checkRowsRequestSchema } from "@/lib/upload-wizard/upload-api";
import { checkAnswer } from "../answers";

export const POST = withApi({ dialect: appDialect, auth: "credential", body: checkRowsRequestSchema }, async ({ auth, body }) => {
  const outcome = await checkFileRows(domainContext(auth, "ui"), body.campaignId, body.records);
  return { status: 200, body: checkAnswer(outcome) };
});
