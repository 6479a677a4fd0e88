// Every sentence the validation core can say, in one place. The API responses, the
// upload wizard's review table and the Flexydial import report all show these verbatim,
// so a wording change here is a contract change (the tests pin the exact strings).

/** `Record 2: ` — the index is the record's position in the input array. */
export const recordPrefix = (index: number) => `Record ${index}: `;

export const recordMessages = {
  notObject: "must be an object",
  missingRequired: (key: string) => `Missing required field '${key}'`,
  unknownField: (key: string) => `Unknown field '${key}'`,
  forbiddenField: (key: string) => `Field '${key}' is not allowed`,
  greaterThan: (key: string, other: string) => `Field '${key}' must not be greater than '${other}'`,
  /** Flexydial's 2022 uploader's wording, which every door now says for an unknown agent. */
  unknownAgent: "This user is not present in our database",
};

export const fieldMessages = {
  text: (key: string) => `Field '${key}' must be text`,
  textOrScalar: (key: string) => `Field '${key}' must be text, a number or true/false`,
  nulByte: (key: string) => `Field '${key}' must not contain NUL characters`,
  maxLength: (key: string, max: number) => `Field '${key}' must be at most ${max} characters`,
  scientific: (key: string) =>
    `Field '${key}' was turned into scientific notation by a spreadsheet and its digits are lost; format the column as text`,
  number: (key: string) => `Field '${key}' must be a number`,
  integer: (key: string) => `Field '${key}' must be a whole number`,
  min: (key: string, min: number) => `Field '${key}' must be at least ${min}`,
  max: (key: string, max: number) => `Field '${key}' must be at most ${max}`,
  date: (key: string) => `Field '${key}' must be a real date in YYYY-MM-DD format`,
  datetime: (key: string) => `Field '${key}' must be a date and time in ISO 8601 format with a time zone (e.g. 2025-01-31T09:30:00+05:30)`,
  oneOf: (key: string, values: readonly string[]) => `Field '${key}' must be one of ${values.join(", ")}`,
  email: (key: string) => `Field '${key}' must be an email address`,
  boolean: (key: string) => `Field '${key}' must be true or false`,
  /** `reason` is a PhoneIssue message ("too short"); `shown` is the entered value. */
  phone: (key: string, shown: string | null, reason: string) =>
    shown === null ? `Invalid ${key}: ${reason}` : `Invalid ${key} '${shown}': ${reason}`,
  phoneWarning: (key: string, shown: string, reason: string) => `${key} '${shown}' ${reason}`,
  /** A number written the file's way (decimal comma, currency, other digits), and what it was read as. */
  numberRead: (key: string, shown: string, read: string) => `${key} '${shown}' read as ${read}`,
};

/** Reasons for `normalizePhone` failures, phrased to follow "Invalid phone_number '…': ". */
export const phoneReasons = {
  EMPTY: "empty",
  INVALID_TYPE: "must be text or a number",
  SCIENTIFIC_NOTATION: "was turned into scientific notation by a spreadsheet and its digits are lost; format the column as text",
  DECIMAL: "is a decimal number",
  EXTENSION: "has an extension, which cannot be dialled",
  LETTERS: "contains letters",
  INVALID_CHARACTERS: "contains characters that are not part of a phone number",
  TOO_SHORT: "too short",
  TOO_LONG: "too long",
  NOT_MOBILE: "not a mobile number",
  invalidFor: (country: string | null) => (country ? `not a valid ${country} number` : "not a valid phone number"),
  floatArtefact: (digits: string) => `had a trailing '.0' from a spreadsheet number; read as ${digits}`,
};

export const duplicateReason = (key: string, value: string, firstIndex: number) =>
  `Duplicate ${key} '${value}' in request (first seen at record ${firstIndex})`;

/** The same person under another identifier: the phones compare in E.164. */
export const duplicatePhoneReason = (key: string, e164: string, firstIndex: number) =>
  `Duplicate ${key} '${e164}' in request: the same phone number as record ${firstIndex}`;

/** Values are echoed inside messages; keep a 1 MB cell from becoming a 1 MB message. */
export function shownValue(value: string): string {
  return value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
}

const MAX_SHOWN = 40;
