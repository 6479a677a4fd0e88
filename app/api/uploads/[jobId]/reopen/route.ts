// POST /api/uploads/{jobId}/reopen - the upload wizard resumes an upload its page stopped (closed, reloaded)
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { reopenFileUpload } from "@/lib/customers/file-upload";
import { finishUploadAnswerSchema } from "@/lib/upload-wizard/upload-api";

export const POST = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, params }) => {
  await reopenFileUpload(domainContext(auth, "ui"), params.jobId);
  return { status: 200, body: finishUploadAnswerSchema.parse({ uploadJobId: params.jobId }) };
});
