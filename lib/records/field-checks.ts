import { z } from "zod";
import { LANGUAGES, type FieldDefinition, type PhonePolicy } from "@/lib/campaigns/field-schema";
import type { IssueCode } from "./issues";
import { fieldMessages as m, shownValue } from "./messages";
import { readNumber, type NumberFormat } from "./number-text";
import { normalizePhone, type PhoneErrorCode } from "./phone";

// One check per field type. Each check first coerces what spreadsheets and JSON clients really
// send ("50,000", 12345 for an ID, "PAID", "TRUE"), then applies the constraint. Formats (date,
// datetime, email) are zod schemas built once per field, never per record; length and range are
// plain comparisons, because a zod safeParse per cell costs ~0.5 µs and a 10,000-row file has
// 100,000 cells. A check is only called for a present value: blank (absent/null/whitespace) is
// decided by the caller, which owns "Missing required field".

export type FieldCheckResult =
  | { ok: true; value: unknown; raw?: string; warning?: string; warningCode?: IssueCode; code?: undefined }
  | { ok: false; code: IssueCode; message: string; raw?: undefined; warning?: undefined; warningCode?: undefined };
export type FieldCheck = (value: unknown) => FieldCheckResult;

/** Hard cap for any text cell, whatever the field says: a row is a contact, not a document. */
export const MAX_TEXT_LENGTH = 10_000;

/** Absent, null, undefined or whitespace-only: what "missing" means for a required field. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * `numbers`: how the caller's file writes numbers (the upload wizard's per-file choice). With it,
 * number fields also read "1.234,56", "₹ 500", Devanagari digits…, with a warning wherever the
 * strict reading would differ; without it (the APIs) numbers are read strictly.
 */
export function fieldCheck(def: FieldDefinition, policy: PhonePolicy, numbers?: NumberFormat): FieldCheck {
  switch (def.type) {
    case "string":
      return textCheck(def.key, Math.min(def.maxLength ?? MAX_TEXT_LENGTH, MAX_TEXT_LENGTH));
    case "number":
    case "integer":
      return numberCheck(def, numbers);
    case "date":
      return dateCheck(def.key);
    case "datetime":
      return datetimeCheck(def.key);
    case "enum":
      return oneOfCheck(def.key, def.enumValues ?? []);
    case "language":
      return oneOfCheck(def.key, LANGUAGES);
    case "email":
      return emailCheck(def.key);
    case "boolean":
      return booleanCheck(def.key);
    case "phone":
      return phoneCheck(def.key, policy);
  }
}

/**
 * For a present value under a key outside the schema that is kept (TimePay): plain scalars
 * only, so nothing nested, huge or NUL-bearing reaches the jsonb column.
 */
export function checkExtraValue(key: string, value: unknown): FieldCheckResult {
  if (typeof value === "boolean") return ok(value);
  if (typeof value === "number") return Number.isFinite(value) ? ok(value) : fail("invalid_number", m.number(key));
  if (typeof value !== "string") return fail("invalid_text", m.textOrScalar(key));
  const text = value.trim();
  if (text.length > MAX_TEXT_LENGTH) return fail("too_long", m.maxLength(key, MAX_TEXT_LENGTH));
  return text.includes("\u0000") ? fail("nul_character", m.nulByte(key)) : ok(text);
}

// Comma grouping, Western ("1,250,000") or Indian ("12,50,000"), with an optional fraction.
const NUMERIC_TEXT = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3})(?:\.\d+)?$/;
const BOOLEANS = new Map<string, boolean>([
  ["true", true],
  ["yes", true],
  ["y", true],
  ["1", true],
  ["false", false],
  ["no", false],
  ["n", false],
  ["0", false],
]);

function textCheck(key: string, max: number): FieldCheck {
  const tooLong = m.maxLength(key, max);
  return (value) => {
    // IDs and CRM codes arrive as numbers from spreadsheets and JSON alike (loan_id: 12345).
    if (typeof value === "number" || typeof value === "bigint") return numberAsText(key, value);
    if (typeof value !== "string") return fail("invalid_text", m.text(key));
    const text = value.trim();
    // UTF-16 units, as zod's .max() counts: "राहुल" is 5, an emoji is 2.
    if (text.length > max) return fail("too_long", tooLong);
    // Postgres text and jsonb reject U+0000; refusing it here names the cell instead of
    // failing the whole batch insert later.
    return text.includes("\u0000") ? fail("nul_character", m.nulByte(key)) : ok(text);
  };
}

function numberCheck(def: FieldDefinition, numbers: NumberFormat | undefined): FieldCheck {
  const { key } = def;
  const integer = def.type === "integer";
  const notNumber = integer ? m.integer(key) : m.number(key);
  // FIELD_TYPES: "number: >= 0 unless min says otherwise" (amounts and counts are never negative).
  const min = def.min ?? 0;
  const max = def.max ?? Number.POSITIVE_INFINITY;
  return (value) => {
    let number: number | undefined;
    let read: string | undefined;
    if (numbers && typeof value === "string") {
      const lenient = readNumber(value, numbers);
      number = lenient?.number;
      // Written as the API writes it ("250000", "99.5"): nothing was changed, no warning (and no second reading).
      const changed = lenient !== null && lenient.text !== value.trim() && lenient.number !== toNumber(value);
      // Shown as the plain number ("1.234,56" read as 1234.56), in the canonical text when that is long.
      if (changed) read = /e/.test(String(lenient.number)) ? lenient.text : String(lenient.number);
    } else number = toNumber(value);
    if (number === undefined || (integer && !Number.isSafeInteger(number))) return fail("invalid_number", notNumber);
    if (number < min) return fail("below_min", m.min(key, min));
    if (number > max) return fail("above_max", m.max(key, max));
    if (read === undefined) return ok(number);
    return {
      ok: true,
      value: number,
      raw: undefined,
      warning: m.numberRead(key, shownValue((value as string).trim()), read),
      warningCode: "number_normalised",
      code: undefined,
    };
  };
}

function dateCheck(key: string): FieldCheck {
  // z.iso.date() checks the calendar too: 2025-02-29, 2025-04-31 and 2025-13-01 fail.
  const schema = z.iso.date({ error: m.date(key) });
  return (value) => {
    if (value instanceof Date) return validDate(value) ? ok(value.toISOString().slice(0, 10)) : fail("invalid_date", m.date(key));
    return typeof value === "string" ? parse(schema, value.trim(), "invalid_date") : fail("invalid_date", m.date(key));
  };
}

function datetimeCheck(key: string): FieldCheck {
  // An offset is required: "09:30" without a zone means a different instant for the dialler.
  const schema = z.iso.datetime({ offset: true, error: m.datetime(key) });
  return (value) => {
    if (value instanceof Date) return validDate(value) ? ok(value.toISOString()) : fail("invalid_datetime", m.datetime(key));
    if (typeof value !== "string") return fail("invalid_datetime", m.datetime(key));
    const result = parse(schema, value.trim(), "invalid_datetime");
    // Stored in one canonical form (UTC) so comparisons and sorting work on the text.
    return result.ok ? ok(new Date(result.value as string).toISOString()) : result;
  };
}

function oneOfCheck(key: string, allowed: readonly string[]): FieldCheck {
  const canonical = new Map(allowed.map((value) => [value.toLowerCase(), value]));
  const message = m.oneOf(key, allowed);
  return (value) => {
    const match = typeof value === "string" ? canonical.get(value.trim().toLowerCase()) : undefined;
    return match === undefined ? fail("not_in_enum", message) : ok(match);
  };
}

function emailCheck(key: string): FieldCheck {
  const schema = z.email({ error: m.email(key) }).max(254, { error: m.email(key) });
  return (value) => (typeof value === "string" ? parse(schema, value.trim(), "invalid_email") : fail("invalid_email", m.email(key)));
}

function booleanCheck(key: string): FieldCheck {
  return (value) => {
    if (typeof value === "boolean") return ok(value);
    const match = typeof value === "string" || typeof value === "number" ? BOOLEANS.get(String(value).trim().toLowerCase()) : undefined;
    return match === undefined ? fail("invalid_boolean", m.boolean(key)) : ok(match);
  };
}

function phoneCheck(key: string, policy: PhonePolicy): FieldCheck {
  return (value) => {
    const phone = normalizePhone(value, policy);
    if (!phone.ok) return fail(phoneIssue(phone.code), m.phone(key, phone.raw === null ? null : shownValue(phone.raw), phone.message));
    const warning = phone.warning && m.phoneWarning(key, shownValue(phone.raw), phone.warning.message);
    return {
      ok: true,
      value: phone.e164,
      raw: phone.raw,
      warning,
      warningCode: warning ? "phone_float_artefact" : undefined,
      code: undefined,
    };
  };
}

function numberAsText(key: string, value: number | bigint): FieldCheckResult {
  if (typeof value === "number" && !Number.isFinite(value)) return fail("invalid_text", m.text(key));
  const text = String(value);
  // 1e21 and up print as "1e+21": a spreadsheet already dropped the digits of this ID.
  return text.includes("e") ? fail("scientific_notation", m.scientific(key)) : ok(text);
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text.length > 40 || !NUMERIC_TEXT.test(text)) return undefined;
  const number = Number(text.replaceAll(",", ""));
  return Number.isFinite(number) ? number : undefined;
}

function validDate(date: Date): boolean {
  return !Number.isNaN(date.getTime());
}

function parse(schema: z.ZodType, input: unknown, code: IssueCode): FieldCheckResult {
  const result = schema.safeParse(input);
  return result.success ? ok(result.data) : fail(code, result.error.issues[0]?.message ?? "is invalid");
}

function phoneIssue(code: PhoneErrorCode): IssueCode {
  if (code === "SCIENTIFIC_NOTATION") return "phone_scientific_notation";
  return code === "NOT_MOBILE" ? "not_mobile" : "invalid_phone";
}

// Results always carry the same properties in the same order, so the per-record loop reads
// them through two object shapes instead of a handful.
function ok(value: unknown): FieldCheckResult {
  return { ok: true, value, raw: undefined, warning: undefined, warningCode: undefined, code: undefined };
}

function fail(code: IssueCode, message: string): FieldCheckResult {
  return { ok: false, code, message, raw: undefined, warning: undefined, warningCode: undefined };
}
