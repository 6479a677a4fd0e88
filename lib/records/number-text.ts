import { z } from "zod";

// Numbers as people write them: "1.234,56" (comma decimal), "₹ 1,234.50", "Rs. 500/-",
// "१२,५००" (Devanagari digits) or "1 234,5". Which separator is the decimal one is chosen per file
// (detected from its values, overridable in the wizard); everything else here is unambiguous.
// The validation core uses this only when a caller passes a NumberFormat (the upload wizard); the
// APIs stay strict, as their contracts say.

export const DECIMAL_SEPARATORS = [".", ","] as const;
export const numberFormatSchema = z.object({ decimal: z.enum(DECIMAL_SEPARATORS) });
/** How a file writes its numbers: the decimal separator; the other of "." and "," groups thousands. */
export type NumberFormat = z.infer<typeof numberFormatSchema>;

export const numberFormatLabels: Record<NumberFormat["decimal"], string> = {
  ".": "1,234.56 (decimal point)",
  ",": "1.234,56 (decimal comma)",
};

/** A value read under a format: `text` is its canonical form ("1234.56"), what the API accepts as is. */
export type ReadNumber = { number: number; text: string };

// Spaces people and spreadsheets put between thousands: space, no-break, narrow no-break, thin; and the Swiss apostrophe.
const SPACES = "\\s\\u00a0\\u202f\\u2009'’";
const CURRENCY_BEFORE = /^(?:rs\.?|inr|₹|\p{Sc})\s*/iu;
const CURRENCY_AFTER = /\s*(?:\/-|rs\.?|inr|₹|\p{Sc})$/iu;
const PLAIN = /^\d{1,40}$/;
const NON_ASCII = /[^\p{ASCII}]/u;
const NOT_DIGIT = /\D/g;
const MAX_LENGTH = 60;

/** Whole part ungrouped, or grouped in threes (Western) or twos then three (Indian); then the fraction. */
function numberPattern(decimal: string): RegExp {
  const group = `[${decimal === "." ? "," : "."}${SPACES}]`;
  const whole = `\\d+|\\d{1,3}(?:${group}\\d{3})+|\\d{1,2}(?:${group}\\d{2})*${group}\\d{3}`;
  return new RegExp(`^(${whole})?(?:\\${decimal}(\\d+))?$`);
}
const PATTERNS: Record<NumberFormat["decimal"], RegExp> = { ".": numberPattern("."), ",": numberPattern(",") };

/**
 * Every Unicode decimal digit (\p{Nd}: Devanagari ०-९, Bengali, Arabic-Indic, fullwidth…) as its
 * ASCII digit. Nd digits are encoded in runs of ten from zero, so a digit's value is its distance
 * from the start of its run, modulo ten.
 */
export function asciiDigits(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 128 || !ND.test(char)) {
      out += char;
      continue;
    }
    let value = DIGIT_VALUES.get(code);
    if (value === undefined) {
      let start = code;
      while (ND.test(String.fromCodePoint(start - 1))) start--;
      value = (code - start) % 10;
      DIGIT_VALUES.set(code, value);
    }
    out += String(value);
  }
  return out;
}

const ND = /^\p{Nd}$/u;
const DIGIT_VALUES = new Map<number, number>();

/**
 * The number `text` means when `format` separates its decimals, or null when it is no number:
 * digits normalised, a currency sign or code (₹, $, Rs., INR, a trailing "/-") and a sign
 * allowed, thousands grouped in threes (Western) or twos then three (Indian) when grouped at all.
 * Runs for every number cell of a file (400,000 for 100,000 rows): plain digits take a fast path.
 */
export function readNumber(text: string, format: NumberFormat): ReadNumber | null {
  let value = text.trim();
  if (PLAIN.test(value)) return { number: Number(value), text: value };
  value = asciiDigits(value);
  if (value.length === 0 || value.length > MAX_LENGTH) return null;
  let negative = false;
  if (!isDigit(value.charCodeAt(0)) || !isDigit(value.charCodeAt(value.length - 1))) {
    for (let pass = 0; pass < 2; pass++) {
      if (value[0] === "-" || value[0] === "+" || value[0] === "−") {
        negative = value[0] !== "+";
        value = value.slice(1).trimStart();
      }
      value = value.replace(CURRENCY_BEFORE, "").replace(CURRENCY_AFTER, "");
    }
  }
  const match = PATTERNS[format.decimal].exec(value);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  const digits = match[1] === undefined ? "0" : match[1].replace(NOT_DIGIT, "");
  const canonical = `${negative ? "-" : ""}${digits}${match[2] === undefined ? "" : `.${match[2]}`}`;
  const number = Number(canonical);
  return Number.isFinite(number) ? { number: negative && number === 0 ? 0 : number, text: canonical } : null;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export type NumberFormatGuess = {
  format: NumberFormat;
  /** Values that only one reading accepts, per decimal separator. */
  evidence: Record<NumberFormat["decimal"], number>;
  /** Values that read under both, differently ("1.234": one point two three four, or a thousand and more). */
  undecided: number;
  /** Both readings have values that only they accept: some values will stay errors whichever is chosen. */
  mixed: boolean;
  /** A few values the choice changes, to show the operator what they become. */
  samples: string[];
};

/** How a file writes its numbers, from the values of its numeric columns. `fallback` when nothing tells. */
export function detectNumberFormat(values: Iterable<string>, fallback: NumberFormat = { decimal: "." }): NumberFormatGuess {
  const evidence = { ".": 0, ",": 0 };
  let undecided = 0;
  const samples: string[] = [];
  const seen = new Set<string>();
  let read = 0;
  for (const raw of values) {
    // A large file tells by its first informative values; the review shows any that disagree.
    if (read >= DETECTION_VALUES) break;
    const value = raw.trim();
    // Only a value with a "," or "." can tell; a plain "250000" reads the same under both.
    if (value === "" || (!value.includes(",") && !value.includes("."))) continue;
    read++;
    const point = readNumber(value, POINT);
    const comma = readNumber(value, COMMA);
    if (point && !comma) evidence["."]++;
    else if (comma && !point) evidence[","]++;
    else if (point && comma && point.number !== comma.number) undecided++;
    else continue;
    if (samples.length < 4 && !seen.has(value)) {
      seen.add(value);
      samples.push(value);
    }
  }
  const decimal = evidence[","] > evidence["."] ? "," : evidence["."] > evidence[","] ? "." : fallback.decimal;
  return { format: { decimal }, evidence, undecided, mixed: evidence["."] > 0 && evidence[","] > 0, samples };
}

/** Values with a separator read to detect a file's format (~50 ms of work at most). */
const DETECTION_VALUES = 20_000;
const POINT: NumberFormat = { decimal: "." };
const COMMA: NumberFormat = { decimal: "," };
