// POST /api/upload-jobs/{jobId}/undo - remove the contacts this upload created that have no calls; report what was kept and why
import { withApi } from "@/lib/api/with-api";
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { undoUpload } from "@/lib/upload-jobs/undo-upload";

export const POST = withApi({ dialect: appDialect, auth: "credential", idempotent: true }, async ({ auth, params }) => {
  return { status: 200, body: await undoUpload(domainContext(auth, "ui"), params.jobId) };
});
