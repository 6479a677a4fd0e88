import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import { personPhoneKey, phoneIsKey, type DuplicatesBy } from "@/lib/records/duplicates-by";
import { isBlank } from "@/lib/records/field-checks";
import { readNumber, type NumberFormat } from "@/lib/records/number-text";
import { keyText } from "@/lib/records/request-duplicates";
import { duplicateKeys, validateRecords, type FieldErrors, type IssueCode } from "@/lib/records/validate-records";
import { categoryOf, duplicateInFile, duplicatePhoneInFile, type IssueCategory, type RowIssues } from "./row-issues";

// The rows of one upload as the review table sees them, held in the Web Worker: the mapped
// cell text (which the operator edits), what the validation core says about each row, the
// duplicates across the whole file, and what the server's validate-only check answered.
// Rows keep their index for life; deleting only flags them, so undo can bring them back.
// Over 300 lines on purpose: one class owns the rows, their duplicate index and the server check,
// which must change together on every edit; split, each part would reach into the others' state.

export type RowStatus = "valid" | "invalid" | "duplicate" | "refused";
export type RowFilter = { status: "all" | "errors" | "valid"; category: string | null };
export type RowView = {
  index: number;
  rowNumber: number;
  cells: Record<string, string>;
  issues: RowIssues;
  status: RowStatus;
  edited: string[];
};
export type CellChange = { row: number; field: string; value: string };
/** An answer of the validate-only check about one row. `field` is where the table shows it. */
export type RemoteIssue = { field: string; code: IssueCode; message: string };

export type RowCounts = {
  /** Rows still in the upload (not removed). */
  rows: number;
  removed: number;
  valid: number;
  invalid: number;
  duplicates: number;
  refused: number;
  /** Rows with a warning only (they are also counted as valid). */
  warnings: number;
  /** Valid rows the campaign check has not seen since they last changed. */
  unchecked: number;
  categories: IssueCategory[];
};

/** Rows validated between two pauses: ~50 ms of work, so the worker stays responsive. */
const BUILD_CHUNK_ROWS = 5_000;

export class ReviewRows {
  readonly size: number;
  private readonly removed: Uint8Array;
  private readonly failed: Uint8Array;
  private readonly checkIssues: (Readonly<FieldErrors> | null)[];
  /** Per duplicate key (uniqueKeys), each valid row's normalised value as text; the rest of the values are not kept. */
  private readonly keyTexts: (string | undefined)[][];
  private readonly ids: (string | null)[];
  private readonly duplicates: ({ field: string; code: "duplicate_in_file" | "duplicate_phone_in_file"; message: string } | null)[];
  private readonly remote = new Map<number, RemoteIssue>();
  private readonly checked: Uint8Array;
  private readonly versions: Uint32Array;
  private readonly edited = new Map<number, Set<string>>();
  private readonly uniqueKeys: string[];
  private readonly phoneKey: string | null;
  private countsCache: RowCounts | null = null;

  /**
   * Validates every row, a chunk at a time: between chunks `pause` lets the worker answer other
   * requests, and `cancelled` abandons the work (the operator chose another file or header).
   */
  static async build(
    records: Record<string, string>[],
    rowNumbers: number[],
    rules: { schema: FieldSchema; policy: PhonePolicy; duplicatesBy: DuplicatesBy; numberFormat?: NumberFormat | null },
    control: { pause?: () => Promise<void>; cancelled?: () => boolean } = {},
  ): Promise<ReviewRows | null> {
    const rows = new ReviewRows(records, rowNumbers, rules.schema, rules.policy, rules.duplicatesBy, rules.numberFormat ?? null);
    // A pause before each chunk too: what came in while the rows were mapped is answered first.
    for (let start = 0; start < rows.size; start += BUILD_CHUNK_ROWS) {
      await control.pause?.();
      if (control.cancelled?.()) return null;
      rows.check({ start, end: Math.min(rows.size, start + BUILD_CHUNK_ROWS) });
    }
    await control.pause?.();
    if (control.cancelled?.()) return null;
    rows.findDuplicates();
    return rows;
  }

  private constructor(
    private readonly records: Record<string, string>[],
    private readonly rowNumbers: number[],
    private readonly schema: FieldSchema,
    private readonly policy: PhonePolicy,
    duplicatesBy: DuplicatesBy,
    /** How the file writes numbers ("1.234,56"): read so by the core, with a warning, and sent in canonical form. */
    private readonly numberFormat: NumberFormat | null = null,
  ) {
    this.size = records.length;
    this.removed = new Uint8Array(this.size);
    this.failed = new Uint8Array(this.size);
    this.checked = new Uint8Array(this.size);
    this.versions = new Uint32Array(this.size);
    this.checkIssues = new Array(this.size).fill(null);
    this.ids = new Array(this.size).fill(null);
    this.duplicates = new Array(this.size).fill(null);
    // As the bulk-add route judges: the identifier and unique fields may not repeat, and the
    // phone may not either when the campaign's duplicatesBy keys on it (or it is the only key).
    this.uniqueKeys = duplicateKeys(schema, phoneIsKey(schema, duplicatesBy));
    this.keyTexts = this.uniqueKeys.map(() => new Array<string | undefined>(this.size).fill(undefined));
    this.phoneKey = personPhoneKey(schema, duplicatesBy);
    this.numberFields = numberFormat ? schema.fields.filter((f) => f.type === "number" || f.type === "integer").map((f) => f.key) : [];
  }

  private readonly numberFields: string[];

  status(row: number): RowStatus {
    if (this.failed[row]) return "invalid";
    if (this.duplicates[row]) return "duplicate";
    return this.remote.has(row) ? "refused" : "valid";
  }

  isRemoved(row: number): boolean {
    return this.removed[row] === 1;
  }

  issues(row: number): RowIssues {
    const issues: RowIssues = Object.create(null);
    const own = this.checkIssues[row];
    if (own) for (const field in own) issues[field] = { ...own[field], source: "check" };
    const duplicate = this.duplicates[row];
    if (duplicate && issues[duplicate.field]?.level !== "error") {
      issues[duplicate.field] = { level: "error", code: duplicate.code, message: duplicate.message, source: "file-duplicate" };
    }
    const remote = this.remote.get(row);
    if (remote && issues[remote.field]?.level !== "error") {
      issues[remote.field] = {
        level: "error",
        code: remote.code,
        message: remote.message,
        source: CAMPAIGN_DUPLICATES.has(remote.code) ? "campaign-duplicate" : "server",
      };
    }
    return issues;
  }

  view(row: number): RowView {
    return {
      index: row,
      rowNumber: this.rowNumbers[row],
      cells: this.records[row],
      issues: this.issues(row),
      status: this.status(row),
      edited: this.editedFields(row),
    };
  }

  editedFields(row: number): string[] {
    return [...(this.edited.get(row) ?? [])];
  }

  /** Row indexes shown for a filter, in file order. */
  select(filter: RowFilter): Int32Array {
    const out = new Int32Array(this.size);
    let n = 0;
    for (let row = 0; row < this.size; row++) {
      if (this.removed[row]) continue;
      const valid = this.status(row) === "valid";
      if (filter.status === "errors" && valid) continue;
      if (filter.status === "valid" && !valid) continue;
      if (filter.category !== null && !this.hasCategory(row, filter.category)) continue;
      out[n++] = row;
    }
    return out.slice(0, n);
  }

  counts(): RowCounts {
    if (this.countsCache) return this.countsCache;
    const counts: RowCounts = {
      rows: 0,
      removed: 0,
      valid: 0,
      invalid: 0,
      duplicates: 0,
      refused: 0,
      warnings: 0,
      unchecked: 0,
      categories: [],
    };
    const categories = new Map<string, IssueCategory>();
    for (let row = 0; row < this.size; row++) {
      if (this.removed[row]) {
        counts.removed++;
        continue;
      }
      counts.rows++;
      const status = this.status(row);
      if (status === "valid") counts.valid++;
      else if (status === "invalid") counts.invalid++;
      else if (status === "duplicate") counts.duplicates++;
      else counts.refused++;
      if (status === "valid" && !this.checked[row]) counts.unchecked++;
      // Each row once, under its first problem, as the done step counts it: the figures add up.
      const first = this.firstIssue(row);
      if (!first) continue;
      const { key, label } = categoryOf(first[0], first[1]);
      const category = categories.get(key) ?? { key, label, level: first[1].level, count: 0 };
      category.count++;
      categories.set(key, category);
      if (first[1].level === "warning" && status === "valid") counts.warnings++;
    }
    counts.categories = [...categories.values()].sort((a, b) => (a.level === b.level ? b.count - a.count : a.level === "error" ? -1 : 1));
    this.countsCache = counts;
    return counts;
  }

  cell(row: number, field: string): string {
    return this.records[row][field] ?? "";
  }

  /** Applies edits, then re-validates the edited rows and the duplicates of the whole file. */
  setCells(changes: readonly CellChange[]) {
    const rows = new Set<number>();
    for (const { row, field, value } of changes) {
      this.records[row][field] = value;
      if (!this.edited.has(row)) this.edited.set(row, new Set());
      this.edited.get(row)!.add(field);
      this.versions[row]++;
      this.checked[row] = 0;
      this.remote.delete(row);
      rows.add(row);
    }
    this.check([...rows]);
    this.findDuplicates();
  }

  setRemoved(rows: readonly number[], removed: boolean) {
    for (const row of rows) this.removed[row] = removed ? 1 : 0;
    this.findDuplicates();
  }

  /** Valid rows the campaign check has not seen, with their versions to detect later edits. */
  uncheckedRows(limit: number): { rows: number[]; versions: number[] } {
    const rows: number[] = [];
    for (let row = 0; row < this.size && rows.length < limit; row++) {
      if (!this.removed[row] && !this.checked[row] && this.status(row) === "valid") rows.push(row);
    }
    return { rows, versions: rows.map((row) => this.versions[row]) };
  }

  /**
   * `issues` by position in `rows`; rows edited since they were sent stay unchecked. Returns the
   * rows whose answer changed what the table shows.
   */
  applyCheck(rows: readonly number[], versions: readonly number[], issues: ReadonlyMap<number, RemoteIssue>): number[] {
    const changed: number[] = [];
    rows.forEach((row, position) => {
      if (this.versions[row] !== versions[position]) return;
      this.checked[row] = 1;
      const issue = issues.get(position);
      if (issue || this.remote.has(row)) changed.push(row);
      if (issue) this.remote.set(row, issue);
      else this.remote.delete(row);
    });
    this.countsCache = null;
    return changed;
  }

  /**
   * The record sent to the server: the mapped, non-blank cells as typed, except numbers written the
   * file's way ("1.234,56"), which go in the canonical form the API reads strictly ("1234.56").
   */
  record(row: number): Record<string, string> {
    const record: Record<string, string> = {};
    for (const [field, value] of Object.entries(this.records[row])) if (!isBlank(value)) record[field] = value;
    for (const field of this.numberFields) {
      const value = record[field];
      const read = value === undefined ? null : readNumber(value, this.numberFormat!);
      if (read) record[field] = read.text;
    }
    return record;
  }

  /** The id the server will name this row by in `results.errors`, or null when it makes one up. */
  id(row: number): string | null {
    return this.ids[row];
  }

  rowNumber(row: number): number {
    return this.rowNumbers[row];
  }

  /** Error messages of a row, for reports and summaries (warnings excluded). */
  errors(row: number): string[] {
    return Object.values(this.issues(row))
      .filter((issue) => issue.level === "error")
      .map((issue) => issue.message);
  }

  private hasIssues(row: number): boolean {
    return this.checkIssues[row] !== null || this.duplicates[row] !== null || this.remote.has(row);
  }

  /** The problem a row is counted and filtered by: its first error, else its first warning. */
  private firstIssue(row: number): [string, RowIssues[string]] | undefined {
    if (!this.hasIssues(row)) return undefined;
    const entries = Object.entries(this.issues(row));
    return entries.find(([, issue]) => issue.level === "error") ?? entries.find(([, issue]) => issue.level === "warning");
  }

  private hasCategory(row: number, category: string): boolean {
    const first = this.firstIssue(row);
    return first !== undefined && categoryOf(first[0], first[1]).key === category;
  }

  /** Runs the core's checks on some rows; duplicates are the file-wide pass's job. */
  private check(rows: readonly number[] | { start: number; end: number }) {
    const list = Array.isArray(rows) ? (rows as readonly number[]) : null;
    const start = list ? 0 : (rows as { start: number }).start;
    const input = list ? list.map((row) => this.records[row]) : this.records.slice(start, (rows as { end: number }).end);
    const result = validateRecords(input, this.schema, this.policy, {
      findDuplicates: false,
      numberFormat: this.numberFormat ?? undefined,
    });
    const at = (index: number) => (list ? list[index] : start + index);
    for (const record of result.valid) {
      const row = at(record.index);
      this.failed[row] = 0;
      this.checkIssues[row] = hasKeys(record.fieldErrors) ? record.fieldErrors : null;
      for (let k = 0; k < this.uniqueKeys.length; k++) this.keyTexts[k][row] = keyText(record.values[this.uniqueKeys[k]]);
      // A generated lead_id is new on every run and never comes back from the server.
      const generated = this.schema.identifierKey !== null && isBlank(this.records[row][this.schema.identifierKey]);
      this.ids[row] = generated ? null : record.id;
    }
    for (const record of result.invalid) {
      const row = at(record.index);
      this.failed[row] = 1;
      this.checkIssues[row] = record.fieldErrors;
      for (const texts of this.keyTexts) texts[row] = undefined;
      this.ids[row] = record.id;
    }
  }

  /**
   * The core's first-wins rule over the whole file: removed and invalid rows never win. An invalid
   * row whose identifier repeats an earlier row's is flagged too, so a repeat shows the moment
   * its key repeats, not only once both copies are otherwise valid.
   */
  private findDuplicates() {
    // RequestDuplicates' rule, in one pass with one lookup per key and row (this runs after every
    // edit, over 100,000 rows): per key, each value's entry holds the first valid row that kept it
    // (-1: none yet; what a valid row repeats) and the last row of any kind that had it (what an
    // invalid row's identifier repeats).
    const keys = this.uniqueKeys;
    const entryOf = keys.map(() => new Map<string, number>());
    const kept = keys.map(() => new Int32Array(this.size));
    const last = keys.map(() => new Int32Array(this.size));
    const used = new Int32Array(keys.length);
    const entries = new Int32Array(keys.length);
    const idKey = this.schema.identifierKey;
    for (let row = 0; row < this.size; row++) {
      this.duplicates[row] = null;
      if (this.removed[row]) continue;
      const invalid = this.failed[row] === 1;
      const id = this.ids[row];
      // An invalid row is known only by its identifier, when it has a valid one.
      if (invalid && (idKey === null || id === null)) continue;
      let repeated = -1;
      let firstIndex = -1;
      let repeatedValue = "";
      for (let k = 0; k < keys.length; k++) {
        const value = invalid ? (keys[k] === idKey ? (id ?? undefined) : undefined) : this.keyTexts[k][row];
        if (value === undefined) {
          entries[k] = -1;
          continue;
        }
        let entry = entryOf[k].get(value);
        if (entry === undefined) {
          entry = used[k]++;
          entryOf[k].set(value, entry);
          kept[k][entry] = -1;
        } else if (repeated < 0) {
          const first = invalid ? last[k][entry] : kept[k][entry];
          if (first >= 0) {
            repeated = k;
            firstIndex = first;
            repeatedValue = value;
          }
        }
        last[k][entry] = row;
        entries[k] = entry;
      }
      if (repeated >= 0) this.duplicates[row] = this.duplicateOf(keys[repeated], repeatedValue, firstIndex);
      else if (!invalid) for (let k = 0; k < keys.length; k++) if (entries[k] >= 0) kept[k][entries[k]] = row;
    }
    this.countsCache = null;
  }

  private duplicateOf(field: string, value: string, firstIndex: number) {
    const firstRow = this.rowNumbers[firstIndex];
    if (field === this.phoneKey) {
      return { field, code: "duplicate_phone_in_file" as const, message: duplicatePhoneInFile(field, value, firstRow) };
    }
    return { field, code: "duplicate_in_file" as const, message: duplicateInFile(field, value, firstRow) };
  }
}

const CAMPAIGN_DUPLICATES = new Set<IssueCode>(["duplicate_in_campaign", "duplicate_phone_in_campaign"]);

function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}
