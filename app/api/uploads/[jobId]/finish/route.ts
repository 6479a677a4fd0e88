// POST /api/uploads/{jobId}/finish - the operator stopped the upload early; its job keeps what was sent
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { finishFileUpload } from "@/lib/customers/file-upload";
import { finishUploadAnswerSchema } from "@/lib/upload-wizard/upload-api";

export const POST = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, params }) => {
  await finishFileUpload(domainContext(auth, "ui"), params.jobId);
  return { status: 200, body: finishUploadAnswerSchema.parse({ uploadJobId: params.jobId }) };
});
