// GET /api/campaigns/{id}/live-jobs - the campaign's running and recent upload jobs (the dashboard polls it)
import { appDialect } from "@/lib/api/app-dialect";
import { withApi } from "@/lib/api/with-api";
import { liveUploadJobs } from "@/lib/dashboard/campaign-activity";

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, params }) => {
  return { status: 200, body: { jobs: await liveUploadJobs({ id: params.id, organizationId: auth.organizationId }, new Date()) } };
});
