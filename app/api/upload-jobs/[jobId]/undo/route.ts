// POST /api/upload-jobs/{jobId}/undo - remove the contacts this upload created that have no calls; report what was kept and why
import { withApi } from "@/lib/api/with-api";
import { domainContext, runDomain } from "@/lib/api/domain-errors";
import { undoUpload } from "@/lib/upload-jobs/undo-upload";

export const POST = withApi({ dialect: "app", auth: "credential", idempotent: true }, async ({ auth, params }) => {
  return { status: 200, body: await runDomain(() => undoUpload(domainContext(auth), params.jobId)) };
});
