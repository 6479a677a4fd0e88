import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import { detectHeaderRow } from "@/lib/spreadsheet/detect-header-row";
import { buildErrorReport } from "@/lib/spreadsheet/error-report";
import { MAX_DATA_ROWS } from "@/lib/spreadsheet/limits";
import { applyMapping, type ColumnMapping } from "@/lib/spreadsheet/map-columns";
import { columnLetter } from "./column-letter";
import { EditHistory, type HistoryEntry } from "./edit-history";
import { cellReplacer, type ReplaceSpec } from "./find-replace";
import { readUpload, UploadError, type OpenedFile, type ReadOverrides } from "./read-upload";
import { ReviewRows, type CellChange, type RemoteIssue, type RowFilter } from "./review-rows";
import { ROW_KEY } from "./row-issues";
import { SubmitLedger } from "./submit-ledger";
import type { CheckRowsAnswer, UploadChunkAnswer } from "./upload-api";
import type { ColumnInfo, FileSummary, ReviewState, SheetPreview } from "./worker-protocol";

// Everything the Web Worker knows about one upload, step by step: the file as read, the sheet
// and header row chosen, the mapped rows under review with their edit history, and the ledger
// of what was submitted. The main thread only ever holds summaries and the rows on screen.

const PREVIEW_ROWS = 30;
const SAMPLE_SCAN_ROWS = 500;
const SAMPLES = 3;

export class UploadSession {
  private source: { name: string; bytes: ArrayBuffer } | null = null;
  private file: OpenedFile | null = null;
  private sheet = 0;
  private headerRow = 0;
  private mapping: ColumnMapping = {};
  private schema: FieldSchema | null = null;
  private rows: ReviewRows | null = null;
  private history = new EditHistory();
  private ledger: SubmitLedger | null = null;
  private prepared: Prepared | null = null;

  async open(name: string, data: Blob | ArrayBuffer, overrides: ReadOverrides = {}): Promise<FileSummary> {
    this.cancelPrepared();
    const bytes = data instanceof ArrayBuffer ? data : await data.arrayBuffer();
    this.file = await readUpload({ name, bytes }, overrides);
    this.source = { name, bytes };
    this.rows = null;
    return this.summary();
  }

  /** Reads the same file again with another encoding or delimiter. */
  async reopen(overrides: ReadOverrides): Promise<FileSummary> {
    const source = this.required(this.source, "No file is open.");
    return this.open(source.name, source.bytes, overrides);
  }

  selectSheet(sheet: number): SheetPreview {
    const file = this.required(this.file, "No file is open.");
    const chosen = file.sheets[sheet];
    if (!chosen) throw new UploadError(`This workbook has no sheet ${sheet + 1}.`);
    if (chosen.rowCount === 0) throw new UploadError(`The sheet "${chosen.name}" is empty. Pick another sheet.`);
    if (sheet !== this.sheet) this.cancelPrepared();
    this.sheet = sheet;
    return {
      sheet,
      rows: chosen.rows.slice(0, PREVIEW_ROWS),
      rowNumbers: chosen.rowNumbers.slice(0, PREVIEW_ROWS),
      rowCount: chosen.rowCount,
      detectedHeader: detectHeaderRow(chosen.rows),
    };
  }

  setHeader(headerRow: number): { columns: ColumnInfo[]; dataRows: number } {
    const { rows } = this.currentSheet();
    if (headerRow < 0 || headerRow >= rows.length) throw new UploadError("Pick a header row from the preview.");
    const dataRows = rows.length - headerRow - 1;
    if (dataRows === 0) throw new UploadError("There are no rows below this header row.");
    if (dataRows > MAX_DATA_ROWS) {
      throw new UploadError(`This sheet has ${dataRows.toLocaleString("en-IN")} rows; one upload takes at most ${MAX_DATA_ROWS.toLocaleString("en-IN")}. Split the file and upload each part.`);
    }
    this.headerRow = headerRow;
    return { columns: describeColumns(rows, headerRow), dataRows };
  }

  /**
   * Starts validating in the background what the operator is about to confirm (the detected
   * header, the proposed mapping), so the review is ready, or nearly, when they get there.
   */
  prepare(headerRow: number, mapping: ColumnMapping, schema: FieldSchema, policy: PhonePolicy): null {
    const key = reviewKey(this.sheet, headerRow, mapping, schema, policy);
    if (this.prepared?.key === key) return null;
    this.cancelPrepared();
    const job: Prepared = { key, cancelled: false, rows: Promise.resolve(null) };
    job.rows = this.buildRows(headerRow, mapping, schema, policy, () => job.cancelled);
    // A failure surfaces when review() adopts the job; until then nobody is waiting for it.
    job.rows.catch(() => {});
    this.prepared = job;
    return null;
  }

  async review(mapping: ColumnMapping, schema: FieldSchema, policy: PhonePolicy): Promise<ReviewState> {
    const key = reviewKey(this.sheet, this.headerRow, mapping, schema, policy);
    const ready = this.prepared?.key === key ? await this.prepared.rows : null;
    this.cancelPrepared();
    this.rows = ready ?? (await this.buildRows(this.headerRow, mapping, schema, policy, () => false))!;
    this.mapping = mapping;
    this.schema = schema;
    this.history = new EditHistory();
    this.ledger = null;
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
    return this.applyEntry({ kind: "edit", label: `Edit ${change.field} in row ${this.reviewRows().rowNumber(change.row)}`, changes: [{ ...change, before, after: change.value }] });
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
    return this.applyEntry({ kind: "remove", label: `Remove ${live.length === 1 ? "1 row" : `${live.length.toLocaleString("en-IN")} rows`}`, rows: live });
  }

  undo(): ReviewState {
    const entry = this.history.undo();
    if (!entry) return this.state(false);
    return this.apply(entry, "backward");
  }

  redo(): ReviewState {
    const entry = this.history.redo();
    if (!entry) return this.state(false);
    return this.apply(entry, "forward");
  }

  /** The next rows for the validate-only check, as a bulk-add body; null when all are checked. */
  checkBatch(campaignId: string, limit: number): { rows: number[]; versions: number[]; body: string } | null {
    const rows = this.reviewRows();
    const batch = rows.uncheckedRows(limit);
    if (batch.rows.length === 0) return null;
    return { ...batch, body: JSON.stringify({ campaignId, records: batch.rows.map((row) => rows.record(row)) }) };
  }

  checkResult(sent: { rows: number[]; versions: number[] }, answer: CheckRowsAnswer): ReviewState {
    const rows = this.reviewRows();
    const schema = this.required(this.schema, "The rows have not been validated yet.");
    const issues = new Map<number, RemoteIssue>();
    for (const invalid of answer.invalid) {
      const code = invalid.issues[0]?.code ?? "invalid_text";
      issues.set(invalid.index, { field: ROW_KEY, code, message: invalid.issues.map((issue) => issue.message).join("; ") });
    }
    const idField = schema.identifierKey ?? schema.phoneKey;
    for (const refused of answer.notWritten) {
      if (!issues.has(refused.index)) issues.set(refused.index, { field: idField, code: refused.code, message: refused.message });
    }
    const changed = rows.applyCheck(sent.rows, sent.versions, issues);
    return this.state(false, changed);
  }

  startSubmit(): { chunks: number; rows: number } {
    this.ledger = new SubmitLedger(this.reviewRows());
    return { chunks: this.ledger.chunks.length, rows: this.ledger.rowCount };
  }

  chunkBody(chunk: number) {
    const ledger = this.required(this.ledger, "The upload has not started.");
    return { body: ledger.body(chunk), rows: ledger.chunks[chunk].length };
  }

  chunkResult(chunk: number, answer: UploadChunkAnswer) {
    return this.required(this.ledger, "The upload has not started.").record(chunk, answer);
  }

  outcome() {
    return this.required(this.ledger, "The upload has not started.").outcome();
  }

  /** "review": rows with errors now; "outcome": every row that did not end up in the campaign. */
  report(kind: "review" | "outcome"): { csv: string; rows: number } {
    const rows = this.reviewRows();
    const sheet = this.currentSheet();
    const picked: { row: number; errors: string[] }[] = [];
    if (kind === "outcome") {
      const ledger = this.required(this.ledger, "The upload has not started.");
      for (const row of ledger.unadded()) picked.push({ row, errors: ledger.reason(row) ?? [] });
    } else {
      for (let row = 0; row < rows.size; row++) if (!rows.isRemoved(row) && rows.status(row) !== "valid") picked.push({ row, errors: rows.errors(row) });
    }
    const columnOf = new Map(Object.entries(this.mapping).flatMap(([column, field]) => (field === null ? [] : [[field, Number(column)] as const])));
    const report = picked.map(({ row, errors }) => {
      const cells = [...(sheet.rows[this.headerRow + 1 + row] ?? [])];
      // The operator's fixes go back into their own columns, so the file can be uploaded again.
      for (const field of rows.editedFields(row)) cells[columnOf.get(field)!] = rows.cell(row, field);
      return { rowNumber: rows.rowNumber(row), cells, errors };
    });
    return { csv: buildErrorReport(sheet.rows[this.headerRow] ?? [], report), rows: report.length };
  }

  /** Null when cancelled. */
  private buildRows(headerRow: number, mapping: ColumnMapping, schema: FieldSchema, policy: PhonePolicy, cancelled: () => boolean) {
    const sheet = this.currentSheet();
    const mapped = applyMapping(sheet.rows, headerRow, mapping, sheet.rowNumbers);
    return ReviewRows.build(mapped.map((r) => r.values), mapped.map((r) => r.rowNumber), { schema, policy }, { pause, cancelled });
  }

  private cancelPrepared() {
    if (this.prepared) this.prepared.cancelled = true;
    this.prepared = null;
  }

  private summary(): FileSummary {
    const file = this.required(this.file, "No file is open.");
    const { sheets, ...facts } = file;
    return { ...facts, sheets: sheets.map(({ name, rowCount }) => ({ name, rowCount })) };
  }

  private applyEntry(entry: HistoryEntry): ReviewState {
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

  private currentSheet() {
    const file = this.required(this.file, "No file is open.");
    return file.sheets[this.sheet];
  }

  private reviewRows(): ReviewRows {
    return this.required(this.rows, "The rows have not been validated yet.");
  }

  private required<T>(value: T | null, message: string): T {
    if (value === null) throw new UploadError(message);
    return value;
  }
}

type Prepared = { key: string; cancelled: boolean; rows: Promise<ReviewRows | null> };

/** What a validation depends on; a prepared one is used only for exactly the same inputs. */
function reviewKey(sheet: number, headerRow: number, mapping: ColumnMapping, schema: FieldSchema, policy: PhonePolicy): string {
  const pairs = Object.entries(mapping)
    .filter(([, field]) => field !== null)
    .map(([column, field]) => `${column}=${field}`)
    .sort();
  return JSON.stringify([sheet, headerRow, pairs, schema, policy]);
}

/** Lets the worker's message queue run between chunks of validation. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Header text (or "Column C" when blank) and a few sample values of each column. */
function describeColumns(rows: string[][], headerRow: number): ColumnInfo[] {
  const header = rows[headerRow];
  let width = header.length;
  const end = Math.min(rows.length, headerRow + 1 + SAMPLE_SCAN_ROWS);
  for (let r = headerRow + 1; r < end; r++) width = Math.max(width, rows[r].length);
  return Array.from({ length: width }, (_, index) => {
    const samples: string[] = [];
    for (let r = headerRow + 1; r < end && samples.length < SAMPLES; r++) {
      const value = rows[r][index]?.trim();
      if (value) samples.push(value);
    }
    const name = header[index]?.trim() ?? "";
    return { index, header: name, label: name || `Column ${columnLetter(index)}`, samples };
  });
}
