// GET /api/upload-jobs/{jobId}/problems?problem=&page= - the rows an upload did not add, with their reasons, a page at a time
import { withApi } from "@/lib/api/with-api";
import { domainContext, runDomain } from "@/lib/api/domain-errors";
import { jobProblems, problemFiltersSchema } from "@/lib/upload-jobs/job-problems";

export const GET = withApi({ dialect: "app", auth: "credential" }, async ({ auth, params, query }) => {
  const filters = problemFiltersSchema.parse({ problem: query.get("problem") ?? undefined, page: query.get("page") ?? undefined });
  return { status: 200, body: await runDomain(() => jobProblems(domainContext(auth), params.jobId, filters)) };
});
