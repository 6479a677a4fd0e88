// GET /api/upload-jobs/{jobId} - an upload job's source, counts, progress and undo (the job page polls it while it runs)
import { withApi } from "@/lib/api/with-api";
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { uploadJobDetail } from "@/lib/upload-jobs/job-detail";

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, params }) => {
  return { status: 200, body: await uploadJobDetail(domainContext(auth, "ui"), params.jobId) };
});
