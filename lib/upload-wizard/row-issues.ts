import { shownValue } from "@/lib/records/messages";
import type { FieldIssue } from "@/lib/records/validate-records";

// What the review table shows next to a cell, and how issues group into the "error type"
// filter. Field messages come from the validation core unchanged (the API says the same);
// only duplicates inside the file are phrased here, because a file has rows, not records.

/** Row-level issues that belong to no column (the server's, when it names no field). */
export const ROW_KEY = "";

export type RowIssues = Record<string, RowIssue>;

export type IssueCategory = { key: string; label: string; level: FieldIssue["level"]; count: number };

/**
 * Where an issue came from: the core's checks, the file-wide duplicate pass, or the server's
 * validate-only answer (a contact already in the campaign, or anything else it refused).
 */
export type IssueSource = "check" | "file-duplicate" | "campaign-duplicate" | "server";

export type RowIssue = FieldIssue & { source: IssueSource };

/** The API says "in request (first seen at record 0)"; an operator looks for a row of their file. */
export const duplicateInFile = (field: string, value: string, firstRow: number) =>
  `Duplicate ${field} '${shownValue(value)}' in this file (first seen at row ${firstRow})`;

/** The same person under another identifier: the phones compare as dialled (E.164). */
export const duplicatePhoneInFile = (field: string, e164: string, firstRow: number) => `Same ${field} as row ${firstRow} (${e164})`;

/**
 * The filter bucket of one issue. Excel damage gets its own bucket: those values cannot be
 * fixed by editing a digit, the column has to be exported again as text.
 */
export function categoryOf(field: string, issue: RowIssue): { key: string; label: string } {
  const name = field === ROW_KEY ? "row" : field;
  if (issue.level === "warning") return { key: `warning:${field}`, label: `Warning on ${name}` };
  if (issue.source === "file-duplicate") return { key: `duplicate:${field}`, label: `Duplicate ${name} in file` };
  if (issue.source === "campaign-duplicate" && issue.code === "duplicate_phone_in_campaign")
    return { key: "campaign-duplicate-phone", label: "Phone already in the campaign" };
  if (issue.source === "campaign-duplicate") return { key: "campaign-duplicate", label: "Already in the campaign" };
  if (issue.source === "server") return { key: `server:${field}`, label: `Refused by the server (${name})` };
  if (issue.code === "missing_required") return { key: `missing:${field}`, label: `Missing ${name}` };
  if (issue.code === "scientific_notation" || issue.code === "phone_scientific_notation")
    return { key: `excel:${field}`, label: `${name} destroyed by Excel` };
  return { key: `invalid:${field}`, label: `Invalid ${name}` };
}
