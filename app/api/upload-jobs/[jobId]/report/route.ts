// GET /api/upload-jobs/{jobId}/report?problem= - the rows not added as a formula-safe CSV with their original columns, built on the server
import { withDownload } from "@/lib/api/with-download";
import { domainContext, runDomain } from "@/lib/api/domain-errors";
import { problemFiltersSchema } from "@/lib/upload-jobs/job-problems";
import { problemsReport } from "@/lib/upload-jobs/problems-report";

export const GET = withDownload(async ({ auth, params, query }) => {
  const { problem } = problemFiltersSchema.parse({ problem: query.get("problem") ?? undefined });
  const report = await runDomain(() => problemsReport(domainContext(auth), params.jobId, problem));
  return { fileName: report.fileName, contentType: "text/csv; charset=utf-8", body: report.csv };
});
