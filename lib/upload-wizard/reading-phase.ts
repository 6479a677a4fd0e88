import { detectHeaderRow } from "@/lib/spreadsheet/detect-header-row";
import { MAX_DATA_ROWS } from "@/lib/spreadsheet/limits";
import { columnLetter } from "./column-letter";
import { readUpload, UploadError, type OpenedFile, type ReadOverrides } from "./read-upload";
import type { ColumnInfo, FileSummary, SheetPreview } from "./worker-protocol";

// The first phase of an upload in the worker: the file as read, the sheet and the header row
// the operator picked. What the later phases read their rows from.

const PREVIEW_ROWS = 30;
const SAMPLE_SCAN_ROWS = 500;
const SAMPLES = 3;

export class ReadingPhase {
  private source: { name: string; bytes: ArrayBuffer } | null = null;
  private file: OpenedFile | null = null;
  sheet = 0;
  headerRow = 0;

  async open(name: string, data: Blob | ArrayBuffer, overrides: ReadOverrides = {}): Promise<FileSummary> {
    const bytes = data instanceof ArrayBuffer ? data : await data.arrayBuffer();
    this.file = await readUpload({ name, bytes }, overrides);
    this.source = { name, bytes };
    return this.summary();
  }

  /** Reads the same file again with another encoding or delimiter. */
  async reopen(overrides: ReadOverrides): Promise<FileSummary> {
    const source = required(this.source, "No file is open.");
    return this.open(source.name, source.bytes, overrides);
  }

  selectSheet(sheet: number): SheetPreview {
    const file = required(this.file, "No file is open.");
    const chosen = file.sheets[sheet];
    if (!chosen) throw new UploadError(`This workbook has no sheet ${sheet + 1}.`);
    if (chosen.rowCount === 0) throw new UploadError(`The sheet "${chosen.name}" is empty. Pick another sheet.`);
    const detectedHeader = detectHeaderRow(chosen.rows);
    // Said the moment the file is read, not after the operator has confirmed a header.
    const dataRows = chosen.rowCount - detectedHeader - 1;
    if (dataRows <= 0)
      throw new UploadError(
        `There are no contacts in "${chosen.name}": it holds only a header row. Add the rows below it and upload again.`,
      );
    if (dataRows > MAX_DATA_ROWS) {
      throw new UploadError(
        `This sheet has ${dataRows.toLocaleString("en-IN")} rows; one upload takes at most ${MAX_DATA_ROWS.toLocaleString("en-IN")}. Split the file and upload each part.`,
      );
    }
    this.sheet = sheet;
    return {
      sheet,
      rows: chosen.rows.slice(0, PREVIEW_ROWS),
      rowNumbers: chosen.rowNumbers.slice(0, PREVIEW_ROWS),
      rowCount: chosen.rowCount,
      detectedHeader,
    };
  }

  setHeader(headerRow: number): { columns: ColumnInfo[]; dataRows: number } {
    const { rows } = this.currentSheet();
    if (headerRow < 0 || headerRow >= rows.length) throw new UploadError("Pick a header row from the preview.");
    const dataRows = rows.length - headerRow - 1;
    if (dataRows === 0) throw new UploadError("There are no rows below this header row.");
    if (dataRows > MAX_DATA_ROWS) {
      throw new UploadError(
        `This sheet has ${dataRows.toLocaleString("en-IN")} rows; one upload takes at most ${MAX_DATA_ROWS.toLocaleString("en-IN")}. Split the file and upload each part.`,
      );
    }
    this.headerRow = headerRow;
    return { columns: describeColumns(rows, headerRow), dataRows };
  }

  currentSheet() {
    return required(this.file, "No file is open.").sheets[this.sheet];
  }

  private summary(): FileSummary {
    const { sheets, ...facts } = required(this.file, "No file is open.");
    return { ...facts, sheets: sheets.map(({ name, rowCount }) => ({ name, rowCount })) };
  }
}

export function required<T>(value: T | null, message: string): T {
  if (value === null) throw new UploadError(message);
  return value;
}

/** Header text (or "Column C" when blank) and a few sample values of each column. */
function describeColumns(rows: string[][], headerRow: number): ColumnInfo[] {
  const header = rows[headerRow];
  let width = header.length;
  const end = Math.min(rows.length, headerRow + 1 + SAMPLE_SCAN_ROWS);
  for (let r = headerRow + 1; r < end; r++) width = Math.max(width, rows[r].length);
  return Array.from({ length: width }, (_, index) => {
    const samples: string[] = [];
    for (let r = headerRow + 1; r < end && samples.length < SAMPLES; r++) {
      const value = rows[r][index]?.trim();
      if (value) samples.push(value);
    }
    const name = header[index]?.trim() ?? "";
    return { index, header: name, label: name || `Column ${columnLetter(index)}`, samples };
  });
}
