import type { IndexedIssue, Issue, IssueCode } from "./issues";

// Collects one record's problems in the two forms the callers need: a list in the order they
// were found (what an API reports), and one entry per field (what the review table's cells
// show, STYLE.md §9). Messages carry no "Record N: ": a contract frames them its own way.

export type FieldIssue = { level: "error" | "warning"; code: IssueCode; message: string };
/** Per field, its first error (or, without one, its first warning). */
export type FieldErrors = Record<string, FieldIssue>;

export class RecordIssues {
  /** Errors, in the order they were found. */
  issues: Issue[] = NO_ISSUES;
  /** A shared, frozen empty object until the first issue. */
  fieldErrors: Readonly<FieldErrors> = NO_FIELD_ERRORS;

  /** Warnings go straight into the caller's list (the whole request's warnings). */
  constructor(
    readonly index: number,
    private readonly warnings: IndexedIssue[],
  ) {}

  /** `field` null: the problem is the record itself (not an object). First error per field wins. */
  error(field: string | null, code: IssueCode, message: string) {
    if (this.issues === NO_ISSUES) this.issues = [];
    this.issues.push({ code, field, message });
    if (field !== null && !this.hasError(field)) this.ownFieldErrors()[field] = { level: "error", code, message };
  }

  warning(field: string, code: IssueCode, message: string) {
    this.warnings.push({ index: this.index, code, field, message });
    this.ownFieldErrors()[field] ??= { level: "warning", code, message };
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
const NO_ISSUES: Issue[] = Object.freeze([]) as unknown as Issue[];
const NO_FIELD_ERRORS: Readonly<FieldErrors> = Object.freeze(Object.create(null) as FieldErrors);
