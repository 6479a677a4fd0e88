// GET /api/upload-jobs/{jobId} - an upload job's source, counts, progress and undo (the job page polls it while it runs)
import { withApi } from "@/lib/api/with-api";
import { domainContext, runDomain } from "@/lib/api/domain-errors";
import { uploadJobDetail } from "@/lib/upload-jobs/job-detail";

export const GET = withApi({ dialect: "app", auth: "credential" }, async ({ auth, params }) => {
  return { status: 200, body: await runDomain(() => uploadJobDetail(domainContext(auth), params.jobId)) };
});
