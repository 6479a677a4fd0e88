// Dates as people write them, read per column: the wizard detects how a date column is written,
// shows its guess with sample conversions, lets the operator override it, and converts every
// value to ISO before the validation core sees it (the API itself stays strict ISO). A value that
// is already ISO is kept; one the format cannot read, or an impossible date (31/02/2027), is left
// as typed, so the core reports it.

export const DATE_FORMATS = ["iso", "dmy", "mdy", "d_mon_y", "excel_serial"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
/** The format chosen per date field, for the fields whose values are converted. */
export type DateChoices = Record<string, DateFormat>;

export const dateFormatLabels: Record<DateFormat, string> = {
  iso: "YYYY-MM-DD",
  dmy: "DD/MM/YYYY (day first)",
  mdy: "MM/DD/YYYY (month first)",
  d_mon_y: "15 Jan 2027",
  excel_serial: "Excel serial numbers",
};

export type DateColumn = {
  field: string;
  /** Formats that read every non-blank value (or, when none does, the most). */
  fits: DateFormat[];
  guess: DateFormat | null;
  /** Day-first and month-first both read every value (all days 12 or less): the operator must choose. */
  ambiguous: boolean;
  samples: { raw: string; iso: string | null }[];
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const NAMED = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4})$/;
const SERIAL = /^\d{1,5}$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The value as YYYY-MM-DD, or null when `format` cannot read it as a real date. */
export function convertDate(text: string, format: DateFormat): string | null {
  const value = text.trim();
  if (ISO.test(value)) return real(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
  if (format === "dmy" || format === "mdy") {
    const m = NUMERIC.exec(value);
    if (!m) return null;
    const [a, b] = [Number(m[1]), Number(m[2])];
    return format === "dmy" ? real(Number(m[3]), b, a) : real(Number(m[3]), a, b);
  }
  if (format === "d_mon_y") {
    const m = NAMED.exec(value);
    const month = m ? MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1 : 0;
    return m && month > 0 && (m[2].length === 3 || fullMonth(m[2])) ? real(Number(m[3]), month, Number(m[1])) : null;
  }
  if (format === "excel_serial") {
    if (!SERIAL.test(value)) return null;
    const serial = Number(value);
    // 1900 date system; Excel counts a 29 Feb 1900 that never was, so serials from 61 are one day ahead.
    if (serial < 1 || serial === 60 || serial > 2_958_465) return null;
    const date = new Date(Date.UTC(1899, 11, serial < 60 ? 31 : 30) + serial * 86_400_000);
    return date.toISOString().slice(0, 10);
  }
  return null;
}

/** How a column's values are written. `dayFirst`: the campaign's country writes days first (IN). */
export function detectDateFormat(field: string, values: readonly string[], dayFirst: boolean): DateColumn {
  // A column repeats its dates: each distinct value is tried once, and counted as often as it occurs.
  // The map keeps the order values first appear in, which is where the samples come from.
  const occurrences = new Map<string, number>();
  for (const raw of values) {
    const value = raw.trim();
    if (value !== "") occurrences.set(value, (occurrences.get(value) ?? 0) + 1);
  }
  const counts = new Map<DateFormat, number>(DATE_FORMATS.map((f) => [f, 0]));
  for (const [value, times] of occurrences)
    for (const format of DATE_FORMATS) if (convertDate(value, format) !== null) counts.set(format, counts.get(format)! + times);
  const best = Math.max(...counts.values());
  // ISO values read under every format: a format is only worth naming when it reads more than they do.
  const isoOnly = counts.get("iso")!;
  const fits: DateFormat[] =
    best === 0 ? [] : best === isoOnly ? ["iso"] : DATE_FORMATS.filter((f) => f !== "iso" && counts.get(f) === best);
  const both = fits.includes("dmy") && fits.includes("mdy");
  const ambiguous = both;
  const guess = fits.length === 0 ? null : both ? (dayFirst ? "dmy" : "mdy") : fits[0];
  const samples = firstNotIso(occurrences.keys(), 3).map((raw) => ({ raw, iso: guess ? convertDate(raw, guess) : null }));
  return { field, fits, guess, ambiguous, samples };
}

function real(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function fullMonth(name: string): boolean {
  return [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ].includes(name.toLowerCase());
}

/** The first `limit` distinct values that are not already ISO, in the order they appear. */
function firstNotIso(distinct: Iterable<string>, limit: number): string[] {
  const found: string[] = [];
  for (const value of distinct) {
    if (found.length >= limit) break;
    if (!ISO.test(value)) found.push(value);
  }
  return found;
}
