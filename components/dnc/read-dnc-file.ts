import { detectHeaderRow } from "@/lib/spreadsheet/detect-header-row";
import { normalizePhone } from "@/lib/records/phone";
import { columnLetter } from "@/lib/upload-wizard/column-letter";
import type { SourceSheet } from "@/lib/upload-wizard/read-upload";

// Where the numbers are in a sheet the upload wizard's reader decoded: the header row (or none —
// a bare list of numbers), and the phone column — the one whose name says phone/mobile/number,
// else the one whose cells most often read as phone numbers. The operator can pick another.

export type DncLayout = {
  /** Index in sheet.rows of the header row; -1 when the first row is already data. */
  headerIndex: number;
  columns: { index: number; label: string; phoneShare: number }[];
  column: number;
};

const PHONE_HEADER = /phone|mobile|number|numeric|msisdn|contact|cell|dnc/i;
const SAMPLE_ROWS = 200;

const readsAsPhone = (cell: string | undefined, country: string) =>
  cell !== undefined && cell.trim() !== "" && normalizePhone(cell, { defaultCountry: country, mobileOnly: false }).ok;

export function detectDncLayout(sheet: SourceSheet, country: string): DncLayout {
  const width = sheet.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const detected = detectHeaderRow(sheet.rows);
  const headerRow = sheet.rows[detected] ?? [];
  // A first "header" made of phone numbers is data: a file with no header row.
  const headerIndex = headerRow.some((cell) => readsAsPhone(cell, country)) ? -1 : detected;
  const sample = sheet.rows.slice(headerIndex + 1, headerIndex + 1 + SAMPLE_ROWS);
  const columns = Array.from({ length: width }, (_, index) => {
    const name = headerIndex >= 0 ? (headerRow[index] ?? "").trim() : "";
    const phoneShare = sample.length ? sample.filter((row) => readsAsPhone(row[index], country)).length / sample.length : 0;
    return {
      index,
      label: name ? `${columnLetter(index)}: ${name}` : `Column ${columnLetter(index)}`,
      phoneShare,
      named: PHONE_HEADER.test(name),
    };
  });
  const score = (c: (typeof columns)[number]) => c.phoneShare + (c.named ? 1 : 0);
  const best = columns.reduce(
    (top, c) => (score(c) > score(top) ? c : top),
    columns[0] ?? { index: 0, phoneShare: 0, named: false, label: "" },
  );
  return { headerIndex, columns: columns.map(({ named: _named, ...c }) => c), column: best?.index ?? 0 };
}

/** The rows below the header, as the server checks them: the file's row number and the cell. */
export function dncNumbers(sheet: SourceSheet, layout: Pick<DncLayout, "headerIndex" | "column">) {
  const out: { row: number; value: string }[] = [];
  for (let i = layout.headerIndex + 1; i < sheet.rows.length; i++) {
    out.push({ row: sheet.rowNumbers[i] ?? i + 1, value: (sheet.rows[i][layout.column] ?? "").slice(0, 200) });
  }
  return out;
}
