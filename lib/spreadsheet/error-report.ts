import Papa from "papaparse";
import { escapeFormula } from "./formula-escape";

// The "download failed rows" file: the operator's own columns, unchanged, plus the row
// number in their file and what is wrong, so they can fix it and upload it again (the
// extra `row`/`errors` columns are simply left unmapped on re-upload).

export type ErrorReportRow = {
  /** Row number in the uploaded file (TextGrid.rowNumbers). */
  rowNumber: number;
  /** The row's original cells, in file order. */
  cells: string[];
  errors: string[];
};

/**
 * CSV text starting with a UTF-8 BOM (without it Excel opens UTF-8 as cp1252: "JosÃ©").
 * Every field is quoted (RFC 4180, `"` doubled) and formula-escaped by escapeFormula,
 * which leaves plain numbers such as `+919876543210` readable.
 */
export function buildErrorReport(headers: string[], rows: ErrorReportRow[]): string {
  const width = Math.max(headers.length, ...rows.map((r) => r.cells.length));
  const header = [...pad(headers, width), "row", "errors"];
  const body = rows.map((r) => [...pad(r.cells, width), String(r.rowNumber), r.errors.join("; ")]);
  const csv = Papa.unparse(
    [header, ...body].map((row) => row.map(escapeFormula)),
    {
      quotes: true,
      quoteChar: '"',
      escapeChar: '"',
      newline: "\r\n",
      escapeFormulae: false, // escapeFormula above, which has the plain-number exemption
    },
  );
  return `\uFEFF${csv}\r\n`;
}

function pad(cells: string[], width: number): string[] {
  return Array.from({ length: width }, (_, i) => cells[i] ?? "");
}
