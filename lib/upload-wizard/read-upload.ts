import { decodeText, type TextEncoding } from "@/lib/spreadsheet/decode-text";
import { detectDelimiter, type Delimiter } from "@/lib/spreadsheet/detect-delimiter";
import { MAX_FILE_BYTES } from "@/lib/spreadsheet/limits";
import { parseDelimited, type DelimitedProblem } from "@/lib/spreadsheet/parse-delimited";
import { readWorkbook, WorkbookError } from "@/lib/spreadsheet/read-workbook";
import { isWorkbookContainer, notASpreadsheet } from "@/lib/spreadsheet/sniff-file";
import type { TextGrid } from "@/lib/spreadsheet/text-grid";

// Turns the dropped file into sheets of cell text, with what was detected about it (format,
// encoding, delimiter) so the operator can see it and override it. Runs in the Web Worker.

export type UploadFormat = "delimited" | "xlsx";
export type SourceSheet = TextGrid & { name: string; rowCount: number };
export type ReadOverrides = { encoding?: TextEncoding; delimiter?: Delimiter };

export type OpenedFile = {
  fileName: string;
  size: number;
  format: UploadFormat;
  /** Delimited text only: what was detected and what is in use. */
  encoding: { detected: TextEncoding; used: TextEncoding; hadBom: boolean } | null;
  delimiter: { detected: Delimiter; used: Delimiter } | null;
  /** Quote problems of delimited text (an unclosed quote swallows rows, so it is shown). */
  problems: DelimitedProblem[];
  sheets: SourceSheet[];
};

/** A problem the operator can act on; its message is shown as it is. */
export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UploadError";
  }
}

export async function readUpload(file: { name: string; bytes: ArrayBuffer }, overrides: ReadOverrides = {}): Promise<OpenedFile> {
  const size = file.bytes.byteLength;
  if (size > MAX_FILE_BYTES) {
    throw new UploadError(
      `This file is ${megabytes(size)}; an upload can be at most ${megabytes(MAX_FILE_BYTES)}. Split it into smaller files.`,
    );
  }
  if (size === 0) throw new UploadError("This file is empty.");
  const base = { fileName: file.name, size };
  const head = new Uint8Array(file.bytes, 0, Math.min(size, 16));
  const foreign = notASpreadsheet(head);
  if (foreign) throw new UploadError(foreign);
  if (formatOf(file.name, head) === "xlsx") {
    const sheets = await readSheets(file.bytes);
    return { ...base, format: "xlsx", encoding: null, delimiter: null, problems: [], sheets };
  }

  const detected = decodeText(file.bytes);
  const decoded = overrides.encoding && overrides.encoding !== detected.encoding ? decodeText(file.bytes, overrides.encoding) : detected;
  const detectedDelimiter = detectDelimiter(decoded.text);
  const parsed = parseDelimited(decoded.text, { delimiter: overrides.delimiter ?? detectedDelimiter });
  return {
    ...base,
    format: "delimited",
    encoding: { detected: detected.encoding, used: decoded.encoding, hadBom: decoded.hadBom },
    delimiter: { detected: detectedDelimiter, used: parsed.delimiter },
    problems: parsed.problems.slice(0, 20),
    sheets: [{ name: file.name, rowCount: parsed.rowCount, rows: parsed.rows, rowNumbers: parsed.rowNumbers }],
  };
}

/** By content first (an .xlsx is a ZIP, an old .xls an OLE2 file, whatever the name), then by extension. */
function formatOf(name: string, head: Uint8Array): UploadFormat {
  if (isWorkbookContainer(head)) return "xlsx";
  const extension = name.toLowerCase().split(".").pop() ?? "";
  return extension === "xlsx" || extension === "xls" ? "xlsx" : "delimited";
}

async function readSheets(bytes: ArrayBuffer): Promise<SourceSheet[]> {
  try {
    return await readWorkbook(bytes);
  } catch (error) {
    // readWorkbook's messages are written for operators ("Save it as .xlsx ...").
    if (error instanceof WorkbookError) throw new UploadError(error.message);
    throw error;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
