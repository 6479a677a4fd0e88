// Converts one cell as read-excel-file returns it into the text the validator sees.
// Kept apart from the reader so the rules are testable without building a workbook.

/**
 * read-excel-file's `parseNumber` hook receives the number exactly as written in the sheet
 * XML; wrapping it tells a numeric cell apart from a text cell that merely looks numeric
 * (a text `9.19877E+11` must stay as typed, a numeric 919876543210 must not become that).
 */
export class SheetNumber {
  constructor(readonly raw: string) {}
}

export function parseSheetNumber(raw: string): SheetNumber {
  return new SheetNumber(raw);
}

/**
 * - numbers: Excel keeps 15 significant digits and shows no more, so round to 15 and write
 *   whole numbers as plain digits (919876543210, never 9.19877E+11 or 919876543210.0);
 * - dates (read-excel-file applies the workbook's 1900/1904 system and returns UTC):
 *   `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm:ss` when the cell carries a time of day;
 * - booleans: "true"/"false"; text as stored; empty: "".
 */
export function cellToText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof SheetNumber) return numberText(value.raw);
  if (value instanceof Date) return dateText(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return numberText(String(value));
  return String(value);
}

function numberText(raw: string): string {
  if (/^-?\d+$/.test(raw)) return raw.replace(/^(-?)0+(?=\d)/, "$1");
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  const shown = n.toPrecision(15);
  // From 1e15 up toPrecision answers "1.23456789012346e+19"; spell out the digits Excel shows.
  const big = /^(-?)(\d)\.(\d+)e\+(\d+)$/.exec(shown);
  if (big) {
    const [, sign, lead, fraction, exponent] = big;
    return sign + lead + fraction.padEnd(Number(exponent), "0").slice(0, Number(exponent));
  }
  return String(Number(shown));
}

const DAY_MS = 86_400_000;

function dateText(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return "";
  // read-excel-file floors serial * 86,400,000, so 10:30 can arrive as 10:29:59.999.
  const rounded = new Date(Math.round(ms / 1000) * 1000);
  const iso = rounded.toISOString();
  const day = iso.slice(0, 10);
  return rounded.getTime() % DAY_MS === 0 ? day : iso.slice(0, 19);
}
