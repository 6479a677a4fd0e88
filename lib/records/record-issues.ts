import { recordPrefix } from "./messages";

// Collects one record's problems in the two forms the callers need: prefixed messages for the
// API ("Record 2: Missing required field 'phone_number'") and one entry per field, unprefixed,
// for the review table's cells (STYLE.md §9).

export type FieldIssue = { level: "error" | "warning"; message: string };
/** Per field, the message without the "Record N: " prefix. */
export type FieldErrors = Record<string, FieldIssue>;

export class RecordIssues {
  /** Prefixed error messages, in the order they were found. */
  errors: string[] = NO_ERRORS;
  /** A shared, frozen empty object until the first issue. */
  fieldErrors: Readonly<FieldErrors> = NO_FIELD_ERRORS;

  /** Warnings go straight into the caller's list (the whole request's warnings). */
  constructor(
    readonly index: number,
    private readonly warnings: string[],
  ) {}

  /** `key` null: the problem is the record itself (not an object). First error per field wins. */
  error(key: string | null, message: string) {
    if (this.errors === NO_ERRORS) this.errors = [];
    this.errors.push(recordPrefix(this.index) + message);
    if (key !== null && !this.hasError(key)) this.ownFieldErrors()[key] = { level: "error", message };
  }

  warning(key: string, message: string) {
    this.warnings.push(recordPrefix(this.index) + message);
    this.ownFieldErrors()[key] ??= { level: "warning", message };
  }

  hasError(key: string): boolean {
    return this.fieldErrors[key]?.level === "error";
  }

  private ownFieldErrors(): FieldErrors {
    // No prototype: a "__proto__" column gets its own entry instead of becoming a prototype.
    if (this.fieldErrors === NO_FIELD_ERRORS) this.fieldErrors = Object.create(null) as FieldErrors;
    return this.fieldErrors as FieldErrors;
  }
}

// Shared until the first issue: most records have none, and 10,000 empty containers per upload
// are only garbage to collect (measured: a third of validateRecords' time went to them).
const NO_ERRORS: string[] = Object.freeze([]) as unknown as string[];
const NO_FIELD_ERRORS: Readonly<FieldErrors> = Object.freeze(Object.create(null) as FieldErrors);
