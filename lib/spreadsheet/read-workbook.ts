import readXlsxFile, { InvalidInputError } from "read-excel-file/universal";
import { compactRows, type TextGrid } from "./text-grid";
import { cellToText, parseSheetNumber, type SheetNumber } from "./workbook-cell-text";
import { inspectXlsxArchive } from "./xlsx-archive-guard";

// Reads an .xlsx into text grids. `read-excel-file/universal` takes an ArrayBuffer, spawns
// no workers of its own and imports nothing from node:*, so the same code runs in the
// browser's import Web Worker and in Node (vitest, server re-validation). `/node` rejects
// ArrayBuffers and `/browser` spawns workers, so neither is used.

export type WorkbookSheet = TextGrid & { name: string; rowCount: number };
export type SheetSummary = { name: string; rowCount: number };

export type WorkbookErrorCode = "XLS_NOT_SUPPORTED" | "NOT_XLSX" | "INVALID_XLSX" | "TOO_LARGE" | "SHEET_NOT_FOUND" | "EMPTY";

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

/** Every sheet as text (blank rows dropped, row numbers kept). Parse once, pick a sheet after. */
export async function readWorkbook(input: ArrayBuffer | Uint8Array): Promise<WorkbookSheet[]> {
  const buffer = toArrayBuffer(input);
  guardArchive(new Uint8Array(buffer));
  const sheets = await readOrExplain(buffer);
  return sheets.map(({ sheet, data }) => {
    const grid = compactRows(data.map((row) => row.map(cellToText)));
    return { name: sheet, rowCount: grid.rows.length, ...grid };
  });
}

/**
 * Sheet names and non-blank row counts for the sheet picker. read-excel-file cannot list
 * sheets without parsing them, so prefer calling readWorkbook once and keeping the result.
 */
export async function listSheets(input: ArrayBuffer | Uint8Array): Promise<SheetSummary[]> {
  return (await readWorkbook(input)).map(({ name, rowCount }) => ({ name, rowCount }));
}

/** One sheet by name or 0-based position. */
export async function readWorkbookSheet(input: ArrayBuffer | Uint8Array, sheet: string | number): Promise<WorkbookSheet> {
  const sheets = await readWorkbook(input);
  const found = typeof sheet === "number" ? sheets[sheet] : sheets.find((s) => s.name === sheet);
  if (!found) {
    throw new WorkbookError("SHEET_NOT_FOUND", `Sheet "${sheet}" not found. Sheets: ${sheets.map((s) => s.name).join(", ")}`);
  }
  return found;
}

function toArrayBuffer(input: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (input instanceof ArrayBuffer) return input;
  // A Node Buffer is a view into a shared pool; read-excel-file needs exactly the file.
  const copy = new Uint8Array(input.byteLength);
  copy.set(input);
  return copy.buffer;
}

function guardArchive(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new WorkbookError("EMPTY", "The file is empty.");
  if (isOle2(bytes)) {
    throw new WorkbookError("XLS_NOT_SUPPORTED", "This is an old .xls workbook. Save it as .xlsx (or CSV UTF-8) and upload again.");
  }
  const summary = inspectXlsxArchive(bytes);
  if (!("problem" in summary)) {
    if (!summary.workbook)
      throw new WorkbookError(
        "NOT_XLSX",
        "This is a zip archive, not an Excel workbook. Unzip it and upload the spreadsheet inside (.xlsx or .csv).",
      );
    return;
  }
  if (summary.problem === "NOT_ZIP") throw new WorkbookError("NOT_XLSX", "This file is not an .xlsx workbook.");
  throw new WorkbookError("TOO_LARGE", "This workbook expands to more data than an import can hold. Split it or save it as CSV.");
}

function isOle2(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

async function readOrExplain(buffer: ArrayBuffer) {
  try {
    return await readXlsxFile<SheetNumber>(buffer, { parseNumber: parseSheetNumber });
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw new WorkbookError(
        error.code === "XLS_FILE_NOT_SUPPORTED" ? "XLS_NOT_SUPPORTED" : "NOT_XLSX",
        "This file is not a readable .xlsx workbook.",
      );
    }
    throw new WorkbookError("INVALID_XLSX", `The workbook could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}
