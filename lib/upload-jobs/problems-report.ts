import { buildErrorReport, type ErrorReportRow } from "@/lib/spreadsheet/error-report";
import type { DomainContext } from "@/lib/domain/context";
import { allJobProblems, type ProblemKind } from "./job-problems";

// The rows of an upload job that were not added, as a CSV the operator can fix and upload again:
// the row's own columns as they were sent (in first-seen order), then its record number and its
// problems. Built on the server from the job, so it can be downloaded at any time, not only on
// the wizard's last screen. Formula-safe through buildErrorReport.

export async function problemsReport(ctx: DomainContext, jobId: string, problem: ProblemKind | "" = "") {
  const { job, rows } = await allJobProblems(ctx, jobId, problem);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    for (const key of Object.keys(r.row ?? {})) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  // A door that did not keep the submitted row (TimePay) still names each row by its identifier.
  const headers = columns.length > 0 ? columns : ["id"];
  const reportRows: ErrorReportRow[] = rows.map((r) => ({
    rowNumber: r.index,
    cells: columns.length > 0 ? columns.map((c) => cellText(r.row?.[c])) : [r.id ?? ""],
    errors: r.errors,
  }));
  const base = (job.fileName ?? job.reference).replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_").slice(0, 80) || job.id;
  return { fileName: `${base}-not-added.csv`, csv: buildErrorReport(headers, reportRows), rows: rows.length };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
