import { HEADER_SCAN_ROWS } from "./limits";

// Exports from loan books and CRMs often start with a title ("Loan book export — March"),
// a generated-on line or a blank row before the real header. The UI shows this guess and
// lets the operator pick another row.

/**
 * Index of the first row, among the first HEADER_SCAN_ROWS, that is about as wide as the
 * rows below it and reads like column names: mostly text with letters, mostly distinct.
 * Falls back to 0. `rows` are the non-blank rows of a TextGrid.
 */
export function detectHeaderRow(rows: string[][]): number {
  const scan = Math.min(rows.length, HEADER_SCAN_ROWS);
  const widths = rows
    .slice(0, scan + WIDTH_SAMPLE_ROWS)
    .map(filledCells)
    .map((cells) => cells.length);

  for (let i = 0; i < scan; i++) {
    const below = widths.slice(i + 1, i + 1 + WIDTH_SAMPLE_ROWS);
    const dataWidth = below.length > 0 ? modalValue(below) : widths[i];
    // A header may be wider than sparse data below it, but not much narrower.
    if (widths[i] < Math.max(1, Math.ceil(dataWidth * MIN_WIDTH_RATIO))) continue;
    if (readsLikeHeader(filledCells(rows[i]))) return i;
  }
  return 0;
}

const WIDTH_SAMPLE_ROWS = 100;
const MIN_WIDTH_RATIO = 0.8;
const MIN_TEXT_SHARE = 0.7;
const MIN_DISTINCT_SHARE = 0.8;
const HAS_LETTER = /\p{L}/u;

function readsLikeHeader(cells: string[]): boolean {
  if (cells.length === 0) return false;
  const text = cells.filter((c) => HAS_LETTER.test(c)).length;
  const distinct = new Set(cells.map((c) => c.toLowerCase())).size;
  return text / cells.length >= MIN_TEXT_SHARE && distinct / cells.length >= MIN_DISTINCT_SHARE;
}

function filledCells(row: string[]): string[] {
  return row.map((c) => c.trim()).filter((c) => c !== "");
}

function modalValue(values: number[]): number {
  const tally = new Map<number, number>();
  let mode = values[0];
  for (const v of values) {
    const t = (tally.get(v) ?? 0) + 1;
    tally.set(v, t);
    if (t > (tally.get(mode) ?? 0)) mode = v;
  }
  return mode;
}
