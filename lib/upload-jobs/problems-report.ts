import { buildErrorReport, type ErrorReportRow } from "@/lib/spreadsheet/error-report";
import type { DomainContext } from "@/lib/domain/context";
import { allJobProblems, type ProblemKind } from "./job-problems";

// The rows of an upload job that were not added, as a CSV the operator can fix and upload again:
// the row's own columns as they were sent (in the campaign's field order), then its record number and its
// problems. Built on the server from the job, so it can be downloaded at any time, not only on
// the wizard's last screen. Formula-safe through buildErrorReport.

export async function problemsReport(ctx: DomainContext, jobId: string, problem: ProblemKind | "" = "") {
  const { job, rows } = await allJobProblems(ctx, jobId, problem);
  const present = new Set(rows.flatMap((r) => Object.keys(r.row ?? {})));
  // jsonb keeps no key order: the campaign's field order first, then any other column sent.
  const schemaOrder = (job.campaign.fieldSchema as { fields?: { key: string }[] }).fields?.map((f) => f.key) ?? [];
  const columns = [...schemaOrder.filter((k) => present.has(k)), ...[...present].filter((k) => !schemaOrder.includes(k))];
  // A door that did not keep the submitted row (TimePay) still names each row by its identifier.
  const headers = columns.length > 0 ? columns : ["id"];
  const reportRows: ErrorReportRow[] = rows.map((r) => ({
    rowNumber: r.index,
    cells: columns.length > 0 ? columns.map((c) => cellText(r.row?.[c])) : [r.id ?? ""],
    errors: r.errors,
  }));
  const base =
    (job.fileName ?? job.reference)
      .replace(/\.[^.]+$/, "")
      .replace(/[^\w.-]+/g, "_")
      .slice(0, 80) || job.id;
  return { fileName: `${base}-not-added.csv`, csv: buildErrorReport(headers, reportRows), rows: rows.length };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
