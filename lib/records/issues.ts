// What the validation core (and the write path after it) can find wrong with a record, as a
// closed set of codes. Callers decide by `code` — group, filter, count, map to a contract's
// error name — and show `message` as it is; nobody matches or strips message text. Contracts
// frame messages their own way (TimePay prefixes "Record N: ", Flexydial joins with "; ").

export const ISSUE_CODES = [
  /** A required field is blank or absent. */
  "missing_required",
  /** The record is not a JSON object. */
  "not_an_object",
  /** A key outside the campaign's fields, where those are refused (Flexydial). */
  "unknown_field",
  /** A key that can never be stored ("__proto__", "constructor"). */
  "forbidden_field",
  /** Not text where text is expected, or a value that is not a plain scalar. */
  "invalid_text",
  /** Contains U+0000. */
  "nul_character",
  /** Longer than the field allows. */
  "too_long",
  /** A number a spreadsheet turned into scientific notation, its digits lost. */
  "scientific_notation",
  "invalid_number",
  "below_min",
  "above_max",
  "invalid_date",
  "invalid_datetime",
  "not_in_enum",
  "invalid_email",
  "invalid_boolean",
  "invalid_phone",
  /** A phone number a spreadsheet turned into scientific notation. */
  "phone_scientific_notation",
  /** A dialable number that is not a mobile, where the campaign calls mobiles only. */
  "not_mobile",
  /** The agent a record is assigned to is not an agent of the organization. */
  "unknown_agent",
  /** A rule between two fields ("current_emi must not be greater than loan_period"). */
  "rule_violated",
  /** The identifier (or, without one, the phone) may not change through an update. */
  "identifier_changed",
  /** Repeats an earlier record's key in the same file or request. */
  "duplicate_in_file",
  /** The campaign already holds a customer with this key. */
  "duplicate_in_campaign",
  /** The same normalised phone as an earlier record of the file or request (another identifier). */
  "duplicate_phone_in_file",
  /** The campaign already holds a customer with this normalised phone (another identifier). */
  "duplicate_phone_in_campaign",
  /** The database refused the record's batch; nothing of it was written. */
  "write_failed",
  /** Warning: a phone with a spreadsheet's trailing ".0", read without it. */
  "phone_float_artefact",
  /** Warning: a number written with the file's separators, a currency or other digits, read as the number shown. */
  "number_normalised",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** One problem: `field` is null when it is the record itself. */
export type Issue = { code: IssueCode; field: string | null; message: string };

/** An issue of the record at `index` of a request or file. */
export type IndexedIssue = Issue & { index: number };
