import parsePhoneNumberFromString, {
  isSupportedCountry,
  validatePhoneNumberLength,
  getCountryCallingCode,
  type CountryCode,
  type PhoneNumber,
} from "libphonenumber-js/max";
import type { PhonePolicy } from "@/lib/campaigns/field-schema";
import { phoneReasons } from "./messages";
import { fastMobileE164, mobileLengthRange } from "./phone-fast-path";

// `/max` metadata, not the default `/min`: only max knows number types, and min calls Indian
// landlines like 8041234567 "valid" (reference/reliability.md §4.1). Spreadsheet damage
// (scientific notation, extensions, letters) is recognised before parsing, because the library
// would otherwise extract a number out of it or fail with a reason nobody can act on.

export const PHONE_ERROR_CODES = [
  "EMPTY",
  "INVALID_TYPE",
  "SCIENTIFIC_NOTATION",
  "DECIMAL",
  "EXTENSION",
  "LETTERS",
  "INVALID_CHARACTERS",
  "TOO_SHORT",
  "TOO_LONG",
  "INVALID_NUMBER",
  "NOT_MOBILE",
] as const;
export type PhoneErrorCode = (typeof PHONE_ERROR_CODES)[number];

export type PhoneWarning = { code: "FLOAT_ARTEFACT"; message: string };

export type PhoneResult =
  | { ok: true; e164: string; raw: string; warning?: PhoneWarning }
  /** `raw` is what was entered, as text; null when it was not text or a number. */
  | { ok: false; code: PhoneErrorCode; message: string; raw: string | null };

/**
 * Normalises one entered phone number to E.164 with the campaign's default country.
 * `message` is a reason phrase ("too short") meant to follow "Invalid phone_number '…': ".
 * Throws only for an unsupported `policy.defaultCountry` (a campaign configuration bug).
 */
export function normalizePhone(raw: unknown, policy: PhonePolicy): PhoneResult {
  const country = supportedCountry(policy.defaultCountry);
  if (raw === null || raw === undefined) return fail("EMPTY", null);
  if (typeof raw === "number") return fromNumber(raw, country, policy);
  if (typeof raw === "bigint") return fromText(String(raw), country, policy);
  if (typeof raw !== "string") return fail("INVALID_TYPE", null);
  return fromText(raw.trim(), country, policy);
}

/** Throws for a country libphonenumber-js does not know; returns it as a CountryCode. */
export function supportedCountry(code: string): CountryCode {
  const upper = code.toUpperCase();
  if (upper === lastCountry) return upper;
  if (!isSupportedCountry(upper)) throw new Error(`Unsupported default country '${code}' in the phone policy`);
  lastCountry = upper;
  return upper;
}

// normalizePhone runs once per record with the same policy; remember the last country checked.
let lastCountry: CountryCode | undefined;

// The longest sensible entry ("+91 (0) 98765-43210" with spaces) is ~25 characters; anything
// past this is not a phone number and must not reach a regex or the parser.
const MAX_PHONE_INPUT = 64;

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
const FLOAT_ARTEFACT = /^(\+?\d+)\.0+$/;
const EXTENSION = /\d[\s\-.)]*(?:#|;\s*ext\s*=|ext(?:ension|n)?\.?\s*:?|x\.?)\s*\d{1,7}$/i;
const LETTER = /\p{L}/u;
const SEPARATORS = /[\s\-.()/]/g;
const PLUS_AND_DIGITS = /^\+?\d+$/;
const NON_ASCII = /[^\p{ASCII}]/u;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const MOBILE_TYPES = new Set(["MOBILE", "FIXED_LINE_OR_MOBILE"]);

// Zero code points of the decimal digits used in Indian spreadsheets (Arabic-Indic, Devanagari,
// Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam). We transliterate them
// rather than reject: "९८७६५४३२१०" is a perfectly dialable number typed on a Hindi keyboard.
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66];
const INDIC_DIGIT =
  /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF\u0A66-\u0A6F\u0AE6-\u0AEF\u0B66-\u0B6F\u0BE6-\u0BEF\u0C66-\u0C6F\u0CE6-\u0CEF\u0D66-\u0D6F]/g;

function fromNumber(value: number, country: CountryCode, policy: PhonePolicy): PhoneResult {
  const text = String(value);
  if (!Number.isFinite(value)) return fail("INVALID_TYPE", text);
  // 1e21 and up print as "1e+21": the digits were already lost before they reached us.
  if (/e/i.test(text)) return fail("SCIENTIFIC_NOTATION", text);
  if (!Number.isInteger(value)) return fail("DECIMAL", text);
  if (value < 0) return fail("INVALID_CHARACTERS", text);
  if (!Number.isSafeInteger(value)) return fail("TOO_LONG", text);
  return fromText(text, country, policy);
}

function fromText(raw: string, country: CountryCode, policy: PhonePolicy): PhoneResult {
  if (raw === "") return fail("EMPTY", raw);
  if (raw.length > MAX_PHONE_INPUT) return fail("TOO_LONG", raw);
  // Most cells are bare digits: skip the damage checks, which cannot match them anyway.
  if (PLUS_AND_DIGITS.test(raw)) return finish(raw, raw, undefined, country, policy);
  let text = canonicalText(raw);
  if (SCIENTIFIC.test(text)) return fail("SCIENTIFIC_NOTATION", raw);

  // "9876543210.0" is what a numeric cell becomes when exported as text. The digits are intact,
  // so we accept it and say so with a warning rather than make someone re-export the file.
  let warning: PhoneWarning | undefined;
  const float = FLOAT_ARTEFACT.exec(text);
  if (float) {
    text = float[1];
    warning = { code: "FLOAT_ARTEFACT", message: phoneReasons.floatArtefact(text) };
  }

  if (EXTENSION.test(text)) return fail("EXTENSION", raw);
  if (LETTER.test(text)) return fail("LETTERS", raw);
  const compact = text.replace(SEPARATORS, "");
  if (!PLUS_AND_DIGITS.test(compact)) return fail("INVALID_CHARACTERS", raw);
  return finish(compact, raw, warning, country, policy);
}

/** `compact` is "+digits" or "digits". */
function finish(compact: string, raw: string, warning: PhoneWarning | undefined, country: CountryCode, policy: PhonePolicy): PhoneResult {
  const plus = compact.startsWith("+");
  const dialled = dialable(plus ? compact.slice(1) : compact, plus, country, policy);
  if ("code" in dialled) return fail(dialled.code, raw, dialled.country);
  return warning ? { ok: true, e164: dialled.e164, raw, warning } : { ok: true, e164: dialled.e164, raw };
}

type Dialled = { e164: string } | { code: PhoneErrorCode; country?: string };

/** E.164, or why the digits are not a dialable number under the policy. */
function dialable(digits: string, plus: boolean, country: CountryCode, policy: PhonePolicy): Dialled {
  const fast = fastMobileE164(digits, plus, country);
  if (fast) return { e164: fast };

  const input = (plus ? "+" : "") + digits;
  let parsed = parsePhoneNumberFromString(input, country);
  if (!parsed?.isValid()) {
    // "091-98765-43210": a trunk zero written before the country code. The library reads it
    // as national number 919876543210 (invalid); retry as +91… only after that failed, so a
    // real national number starting with 91 keeps its meaning.
    const rescued = rescueTrunkZero(digits, plus, country);
    if (rescued?.isValid()) parsed = rescued;
  }
  if (!parsed?.isValid()) {
    // Name the country we judged by: the default one, unless the entry carried its own "+cc".
    return { code: invalidReason(input, parsed, country, policy), country: plus ? parsed?.country : country };
  }
  if (parsed.ext) return { code: "EXTENSION" };
  if (policy.mobileOnly && !MOBILE_TYPES.has(parsed.getType() ?? "")) return { code: "NOT_MOBILE" };
  return { e164: parsed.number };
}

function rescueTrunkZero(digits: string, plus: boolean, country: CountryCode): PhoneNumber | undefined {
  const callingCode = getCountryCallingCode(country);
  if (plus || !digits.startsWith(`0${callingCode}`)) return undefined;
  return parsePhoneNumberFromString(`+${digits.slice(1)}`, country);
}

function invalidReason(input: string, parsed: PhoneNumber | undefined, country: CountryCode, policy: PhonePolicy): PhoneErrorCode {
  const length = validatePhoneNumberLength(input, country);
  if (length === "TOO_SHORT") return "TOO_SHORT";
  if (length === "TOO_LONG") return "TOO_LONG";
  // A 9-digit Indian number is a "possible" length (landlines), but for a mobile-only campaign
  // "too short" is the useful answer.
  const range = policy.mobileOnly ? mobileLengthRange(country) : undefined;
  if (parsed && range && parsed.countryCallingCode === range.callingCode) {
    if (parsed.nationalNumber.length < range.min) return "TOO_SHORT";
    if (parsed.nationalNumber.length > range.max) return "TOO_LONG";
  }
  return "INVALID_NUMBER";
}

function canonicalText(raw: string): string {
  if (!NON_ASCII.test(raw)) return raw;
  // NFKC folds full-width digits and "＋"; NBSP becomes a space, which is a separator.
  return raw
    .normalize("NFKC")
    .replace(ZERO_WIDTH, "")
    .replace(INDIC_DIGIT, (digit) => String(digitValue(digit.charCodeAt(0))))
    .trim();
}

function digitValue(codePoint: number): number {
  const zero = DIGIT_ZEROS.find((z) => codePoint >= z && codePoint <= z + 9) ?? codePoint;
  return codePoint - zero;
}

function fail(code: PhoneErrorCode, raw: string | null, country?: string): PhoneResult {
  const message = code === "INVALID_NUMBER" ? phoneReasons.invalidFor(country ?? null) : phoneReasons[code];
  return { ok: false, code, message, raw };
}
