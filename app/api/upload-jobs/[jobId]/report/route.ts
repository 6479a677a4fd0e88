// GET /api/upload-jobs/{jobId}/report?problem= - the rows not added as a formula-safe CSV with their original columns, built on the server
import { withDownload } from "@/lib/api/with-download";
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { problemFiltersSchema } from "@/lib/upload-jobs/job-problems";
import { problemsReport } from "@/lib/upload-jobs/problems-report";

export const GET = withDownload(async ({ auth, params, query }) => {
  const { problem } = problemFiltersSchema.parse({ problem: query.get("problem") ?? undefined });
  const report = await problemsReport(domainContext(auth, "ui"), params.jobId, problem);
  return { fileName: report.fileName, contentType: "text/csv; charset=utf-8", body: report.csv };
});
