// GET /api/upload-jobs/{jobId}/problems?problem=&page= - the rows an upload did not add, with their reasons, a page at a time
import { withApi } from "@/lib/api/with-api";
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { jobProblems, problemFiltersSchema } from "@/lib/upload-jobs/job-problems";

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, params, query }) => {
  const filters = problemFiltersSchema.parse({ problem: query.get("problem") ?? undefined, page: query.get("page") ?? undefined });
  return { status: 200, body: await jobProblems(domainContext(auth, "ui"), params.jobId, filters) };
});
