import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import type { DuplicatesBy } from "@/lib/records/duplicates-by";
import { detectNumberFormat, type NumberFormat, type NumberFormatGuess } from "@/lib/records/number-text";
import { dateChoicesOf, NUMBER_FALLBACK, valueChoicesOf, type DetectedChoices } from "./cell-choices";
import { convertDate, detectDateFormat, type DateChoices, type DateColumn } from "./date-formats";
import { applyMapping, type ColumnMapping } from "@/lib/spreadsheet/map-columns";
import { EditHistory, type HistoryEntry } from "./edit-history";
import { cellReplacer, type ReplaceSpec } from "./find-replace";
import { postJson } from "./http";
import { required, type ReadingPhase } from "./reading-phase";
import { UploadError } from "./read-upload";
import { ReviewRows, type CellChange, type RemoteIssue, type RowFilter } from "./review-rows";
import { ROW_KEY } from "./row-issues";
import { checkRowsAnswerSchema, type CheckRowsAnswer } from "./upload-api";
import { applyValueMappings, collectUnmapped, enumOf, type EnumColumn, type ValueMappings } from "./value-mapping";
import type { ReviewState } from "./worker-protocol";

// The second phase: the mapped rows under review, their edit history, and the campaign check
// (POST /api/uploads/check, sent from here, where the rows are). Validation of a header and
// mapping the operator is about to confirm starts early (prepare) and is adopted by review().

export const CHECK_PATH = "/api/uploads/check";

type Prepared = { key: string; cancelled: boolean; rows: Promise<ReviewRows | null> };
/** What the operator chose about the cells' values: enum values mapped, and how numbers are written. */
export type ValueChoices = { values: ValueMappings; numbers: NumberFormat | null };
const NO_VALUE_CHOICES: ValueChoices = { values: {}, numbers: null };
type NumberColumns = (NumberFormatGuess & { fields: string[] }) | null;

export class ReviewPhase {
  mapping: ColumnMapping = {};
  private schema: FieldSchema | null = null;
  private rows: ReviewRows | null = null;
  private history = new EditHistory();
  private prepared: Prepared | null = null;
  /** The rows under review while no edit has touched them, with what they were validated for. */
  private untouched: { key: string; rows: ReviewRows } | null = null;
  /** What was found in the current sheet's columns (date formats, enum values), by column and header row. */
  private found = new Map<string, unknown>();

  constructor(
    private readonly reading: ReadingPhase,
    private readonly fetch: typeof globalThis.fetch,
  ) {}

  /** The file, sheet or header changed: nothing under review is valid any more. */
  reset() {
    this.cancelPrepared();
    this.rows = null;
    this.untouched = null;
    this.found.clear();
  }

  prepare(
    headerRow: number,
    mapping: ColumnMapping,
    schema: FieldSchema,
    policy: PhonePolicy,
    duplicatesBy: DuplicatesBy,
    dates: DateChoices,
    choices: ValueChoices = NO_VALUE_CHOICES,
    detect: DetectedChoices | null = null,
  ): null {
    if (detect) ({ dates, choices } = this.detectedChoices(headerRow, mapping, schema, detect));
    const key = reviewKey(this.reading.sheet, headerRow, mapping, schema, policy, duplicatesBy, dates, choices);
    if (this.prepared?.key === key) return null;
    this.cancelPrepared();
    // Back from the review and nothing changed: the rows under review are already the answer.
    if (this.untouched?.key === key) return null;
    const job: Prepared = { key, cancelled: false, rows: Promise.resolve(null) };
    job.rows = this.buildRows(headerRow, mapping, schema, policy, duplicatesBy, dates, choices, () => job.cancelled);
    // A failure surfaces when review() adopts the job; until then nobody is waiting for it.
    job.rows.catch(() => {});
    this.prepared = job;
    return null;
  }

  async review(
    mapping: ColumnMapping,
    schema: FieldSchema,
    policy: PhonePolicy,
    duplicatesBy: DuplicatesBy,
    dates: DateChoices,
    choices: ValueChoices = NO_VALUE_CHOICES,
  ): Promise<ReviewState> {
    const key = reviewKey(this.reading.sheet, this.reading.headerRow, mapping, schema, policy, duplicatesBy, dates, choices);
    const ready = this.untouched?.key === key ? this.untouched.rows : this.prepared?.key === key ? await this.prepared.rows : null;
    this.cancelPrepared();
    this.rows =
      ready ?? (await this.buildRows(this.reading.headerRow, mapping, schema, policy, duplicatesBy, dates, choices, () => false))!;
    this.untouched = { key, rows: this.rows };
    this.mapping = mapping;
    this.schema = schema;
    this.history = new EditHistory();
    return this.state(true);
  }

  select(filter: RowFilter): Int32Array {
    return this.reviewRows().select(filter);
  }

  rowViews(indexes: readonly number[]) {
    const rows = this.reviewRows();
    return indexes.filter((i) => i >= 0 && i < rows.size).map((i) => rows.view(i));
  }

  edit(change: CellChange): ReviewState {
    const before = this.reviewRows().cell(change.row, change.field);
    if (before === change.value) return this.state(false);
    return this.applyEntry({
      kind: "edit",
      label: `Edit ${change.field} in row ${this.reviewRows().rowNumber(change.row)}`,
      changes: [{ ...change, before, after: change.value }],
    });
  }

  /** `dryRun`: count the matching cells only. */
  replace(spec: ReplaceSpec, dryRun: boolean): { matched: number; state: ReviewState } {
    const rows = this.reviewRows();
    const replacer = cellReplacer(spec);
    const changes = [];
    for (let row = 0; row < rows.size; row++) {
      if (rows.isRemoved(row)) continue;
      if (spec.onlyErrors && rows.issues(row)[spec.field]?.level !== "error") continue;
      const before = rows.cell(row, spec.field);
      const after = replacer(before);
      if (after !== null) changes.push({ row, field: spec.field, before, after });
    }
    if (dryRun || changes.length === 0) return { matched: changes.length, state: this.state(false) };
    const label = `Replace in ${spec.field} (${changes.length.toLocaleString("en-IN")} cells)`;
    return { matched: changes.length, state: this.applyEntry({ kind: "edit", label, changes }) };
  }

  remove(indexes: readonly number[]): ReviewState {
    const rows = this.reviewRows();
    const live = indexes.filter((i) => i >= 0 && i < rows.size && !rows.isRemoved(i));
    if (live.length === 0) return this.state(false);
    return this.applyEntry({
      kind: "remove",
      label: `Remove ${live.length === 1 ? "1 row" : `${live.length.toLocaleString("en-IN")} rows`}`,
      rows: live,
    });
  }

  undo(): ReviewState {
    const entry = this.history.undo();
    return entry ? this.apply(entry, "backward") : this.state(false);
  }

  redo(): ReviewState {
    const entry = this.history.redo();
    return entry ? this.apply(entry, "forward") : this.state(false);
  }

  /** The next `limit` unchecked valid rows for the campaign check; null when every row is checked. */
  checkBatch(campaignId: string, limit: number): { rows: number[]; versions: number[]; body: string } | null {
    const rows = this.reviewRows();
    const batch = rows.uncheckedRows(limit);
    if (batch.rows.length === 0) return null;
    return { ...batch, body: JSON.stringify({ campaignId, records: batch.rows.map((row) => rows.record(row)) }) };
  }

  /** Asks the server about a batch; touches no state, so edits go on while it is out. Refusals throw its message. */
  async sendCheck(body: string): Promise<CheckRowsAnswer> {
    const sent = await postJson(
      this.fetch,
      { path: CHECK_PATH, body, what: "checking the rows against the campaign" },
      checkRowsAnswerSchema,
    );
    if (sent.kind !== "result") throw new UploadError(sent.message);
    return sent.value;
  }

  /** Places the answers on the rows; rows edited since the batch was taken stay unchecked. */
  checkResult(sent: { rows: number[]; versions: number[] }, answer: CheckRowsAnswer): ReviewState {
    const rows = this.reviewRows();
    const schema = required(this.schema, "The rows have not been validated yet.");
    const issues = new Map<number, RemoteIssue>();
    for (const invalid of answer.invalid) {
      // Shown on the cell it is about when there is one (an unknown assignee on the user column).
      const first = invalid.issues[0];
      const field =
        invalid.issues.length === 1 && first.field !== null && schema.fields.some((f) => f.key === first.field) ? first.field : ROW_KEY;
      issues.set(invalid.index, {
        field,
        code: first?.code ?? "invalid_text",
        message: invalid.issues.map((issue) => issue.message).join("; "),
      });
    }
    const idField = schema.identifierKey ?? schema.phoneKey;
    for (const refused of answer.notWritten) {
      const field = refused.code === "duplicate_phone_in_campaign" ? schema.phoneKey : idField;
      if (!issues.has(refused.index)) issues.set(refused.index, { field, code: refused.code, message: refused.message });
    }
    const changed = rows.applyCheck(sent.rows, sent.versions, issues);
    return this.state(false, changed);
  }

  /** How each mapped date column of the current sheet is written (read once per column and header row). */
  dateColumns(headerRow: number, mapping: ColumnMapping, schema: FieldSchema, dayFirst: boolean): DateColumn[] {
    const columns: DateColumn[] = [];
    for (const [column, field] of Object.entries(mapping)) {
      if (field === null || schema.fields.find((f) => f.key === field)?.type !== "date") continue;
      columns.push(
        this.remember(`date:${headerRow}:${column}:${field}:${dayFirst}`, () =>
          detectDateFormat(field, this.columnValues(headerRow, Number(column)), dayFirst),
        ),
      );
    }
    return columns;
  }

  /**
   * The values of the mapped enum fields that their enums do not accept (for the value step), and
   * how the mapped number fields write their numbers. `fallback`: the reading when nothing tells.
   */
  valueColumns(
    headerRow: number,
    mapping: ColumnMapping,
    schema: FieldSchema,
    fallback: NumberFormat,
  ): { enums: EnumColumn[]; numbers: NumberColumns } {
    const enums: EnumColumn[] = [];
    const numberColumns: number[] = [];
    const numberFields: string[] = [];
    for (const [column, field] of Object.entries(mapping)) {
      const def = field === null ? undefined : schema.fields.find((f) => f.key === field);
      if (!def) continue;
      if (enumOf(def) !== null) {
        const found = this.remember(`enum:${headerRow}:${column}:${field}`, () =>
          collectUnmapped(def, this.columnValues(headerRow, Number(column))),
        );
        if (found.values.length > 0) enums.push(found);
      } else if (def.type === "number" || def.type === "integer") {
        numberFields.push(def.key);
        numberColumns.push(Number(column));
      }
    }
    const numbers =
      numberFields.length === 0
        ? null
        : this.remember(`numbers:${headerRow}:${numberColumns.join(",")}:${numberFields.join(",")}:${fallback.decimal}`, () => ({
            ...detectNumberFormat(this.columnsValues(headerRow, numberColumns), fallback),
            fields: numberFields,
          }));
    return { enums, numbers };
  }

  /** The choices the columns step offers for this mapping before the operator changes any (cell-choices.ts). */
  private detectedChoices(
    headerRow: number,
    mapping: ColumnMapping,
    schema: FieldSchema,
    detect: DetectedChoices,
  ): { dates: DateChoices; choices: ValueChoices } {
    const { choices: dates } = dateChoicesOf(this.dateColumns(headerRow, mapping, schema, detect.dayFirst), {});
    const { enums, numbers } = this.valueColumns(headerRow, mapping, schema, NUMBER_FALLBACK);
    return { dates, choices: { values: valueChoicesOf(enums, detect.rememberedValues ?? undefined), numbers: numbers?.format ?? null } };
  }

  private remember<T>(key: string, find: () => T): T {
    const sheetKey = `${this.reading.sheet}:${key}`;
    if (!this.found.has(sheetKey)) this.found.set(sheetKey, find());
    return this.found.get(sheetKey) as T;
  }

  /** One column's cells under the header row, as typed. */
  private columnValues(headerRow: number, column: number): string[] {
    const { rows } = this.reading.currentSheet();
    const values = new Array<string>(Math.max(0, rows.length - headerRow - 1));
    for (let r = headerRow + 1; r < rows.length; r++) values[r - headerRow - 1] = rows[r][column] ?? "";
    return values;
  }

  /** Several columns' cells, row by row, read lazily: the number format is told by the first informative ones. */
  private *columnsValues(headerRow: number, columns: readonly number[]): Generator<string> {
    const { rows } = this.reading.currentSheet();
    for (let r = headerRow + 1; r < rows.length; r++) for (const column of columns) yield rows[r][column] ?? "";
  }

  reviewRows(): ReviewRows {
    return required(this.rows, "The rows have not been validated yet.");
  }

  /** Null when cancelled. */
  private buildRows(
    headerRow: number,
    mapping: ColumnMapping,
    schema: FieldSchema,
    policy: PhonePolicy,
    duplicatesBy: DuplicatesBy,
    dates: DateChoices,
    choices: ValueChoices,
    cancelled: () => boolean,
  ) {
    const sheet = this.reading.currentSheet();
    const mapped = applyMapping(sheet.rows, headerRow, mapping, sheet.rowNumbers);
    // Dates as the operator confirmed they are written, converted to ISO before the core judges them.
    // A column repeats its dates: each distinct value is converted once.
    for (const [field, format] of Object.entries(dates)) {
      const converted = new Map<string, string | null>();
      for (const { values } of mapped) {
        const value = values[field];
        if (!value) continue;
        let iso = converted.get(value);
        if (iso === undefined) {
          iso = convertDate(value, format);
          converted.set(value, iso);
        }
        if (iso !== null) values[field] = iso;
      }
    }
    const records = mapped.map((r) => r.values);
    // Values outside an enum as the operator mapped them ("Overdue" → pending), before the core judges them.
    applyValueMappings(records, choices.values, schema);
    return ReviewRows.build(
      records,
      mapped.map((r) => r.rowNumber),
      { schema, policy, duplicatesBy, numberFormat: choices.numbers },
      { pause, cancelled },
    );
  }

  private cancelPrepared() {
    if (this.prepared) this.prepared.cancelled = true;
    this.prepared = null;
  }

  private applyEntry(entry: HistoryEntry): ReviewState {
    // Edited rows are not what a fresh validation gives: going back and forth validates again.
    this.untouched = null;
    this.history.push(entry);
    return this.apply(entry, "forward");
  }

  private apply(entry: HistoryEntry, direction: "forward" | "backward"): ReviewState {
    const rows = this.reviewRows();
    if (entry.kind === "remove") {
      rows.setRemoved(entry.rows, direction === "forward");
      return this.state(true);
    }
    rows.setCells(entry.changes.map(({ row, field, before, after }) => ({ row, field, value: direction === "forward" ? after : before })));
    return this.state(false);
  }

  /**
   * `structural`: rows came or went, so the table's row list must be selected again.
   * `changed`: the only rows whose view changed; null when any row may have (an edit can
   * change duplicates anywhere in the file).
   */
  private state(structural: boolean, changed: number[] | null = null): ReviewState {
    return { counts: this.reviewRows().counts(), history: this.history.state(), structural, changed };
  }
}

/** What a validation depends on; a prepared one is used only for exactly the same inputs. */
function reviewKey(
  sheet: number,
  headerRow: number,
  mapping: ColumnMapping,
  schema: FieldSchema,
  policy: PhonePolicy,
  duplicatesBy: DuplicatesBy,
  dates: DateChoices,
  choices: ValueChoices,
): string {
  const pairs = Object.entries(mapping)
    .filter(([, field]) => field !== null)
    .map(([column, field]) => `${column}=${field}`)
    .sort();
  // Sorted keys: the same choices are the same key, however the page or the worker built them.
  return JSON.stringify([sheet, headerRow, pairs, schema, policy, duplicatesBy, dates, choices], (_key, value) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * Lets the worker's message queue run between chunks of validation. A message on a channel of its
 * own, not setTimeout(0): nested timers are clamped to 4 ms, and a file is 20 chunks.
 */
function pause(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
