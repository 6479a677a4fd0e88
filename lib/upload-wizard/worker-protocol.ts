import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import type { DuplicatesBy } from "@/lib/records/duplicates-by";
import type { NumberFormat, NumberFormatGuess } from "@/lib/records/number-text";
import type { DateChoices, DateColumn } from "./date-formats";
import type { ColumnMapping } from "@/lib/spreadsheet/map-columns";
import type { SheetSummary } from "@/lib/spreadsheet/read-workbook";
import type { HistoryState } from "./edit-history";
import type { ReplaceSpec } from "./find-replace";
import type { OpenedFile, ReadOverrides } from "./read-upload";
import type { CellChange, RowCounts, RowFilter, RowView } from "./review-rows";
import type { SubmitProgress } from "./chunked-submit";
import type { UploadOutcome } from "./submit-ledger";
import type { EnumColumn, ValueMappings } from "./value-mapping";
import type { DetectedChoices } from "./cell-choices";
import type { SubmitOptions } from "./upload-api";

// The messages between the upload wizard and its Web Worker. Every request carries an id and
// gets exactly one answer with that id: its output, or the error message to show. Row lists
// travel as Int32Arrays whose buffers are transferred, never copied.

export type FileSummary = Omit<OpenedFile, "sheets"> & { sheets: SheetSummary[] };
export type SheetPreview = { sheet: number; rows: string[][]; rowNumbers: number[]; rowCount: number; detectedHeader: number };
export type ColumnInfo = { index: number; header: string; label: string; samples: string[] };
export type ReviewState = { counts: RowCounts; history: HistoryState; structural: boolean; changed: number[] | null };

export type WorkerCalls = {
  open: { input: { name: string; data: Blob | ArrayBuffer }; output: FileSummary };
  reopen: { input: ReadOverrides; output: FileSummary };
  selectSheet: { input: { sheet: number }; output: SheetPreview };
  setHeader: { input: { headerRow: number }; output: { columns: ColumnInfo[]; dataRows: number } };
  prepare: {
    input: {
      headerRow: number;
      mapping: ColumnMapping;
      schema: FieldSchema;
      policy: PhonePolicy;
      duplicatesBy: DuplicatesBy;
      dates: DateChoices;
      /** Enum values mapped in the value step; absent: none. */
      values?: ValueMappings;
      /** How the file writes numbers; absent or null: strictly, as the API. */
      numbers?: NumberFormat | null;
      /** Instead of dates, values and numbers: the choices the columns step will offer, found in the file. */
      detect?: DetectedChoices;
    };
    output: null;
  };
  review: {
    input: {
      mapping: ColumnMapping;
      schema: FieldSchema;
      policy: PhonePolicy;
      duplicatesBy: DuplicatesBy;
      dates: DateChoices;
      values?: ValueMappings;
      numbers?: NumberFormat | null;
    };
    output: ReviewState;
  };
  /** Values outside the mapped enum fields, and how the mapped number fields are written (value-mapping.ts, number-text.ts). */
  valueColumns: {
    input: { headerRow: number; mapping: ColumnMapping; schema: FieldSchema; fallback: NumberFormat };
    output: { enums: EnumColumn[]; numbers: (NumberFormatGuess & { fields: string[] }) | null };
  };
  /** How each mapped date column is written (date-formats.ts). */
  dateColumns: {
    input: { headerRow: number; mapping: ColumnMapping; schema: FieldSchema; dayFirst: boolean };
    output: { columns: DateColumn[] };
  };
  /** `first`: also the views of the first rows selected, so a new table opens with rows to show. */
  select: { input: { filter: RowFilter; first?: number }; output: { rows: Int32Array; first: RowView[] } };
  rows: { input: { rows: number[] }; output: { rows: RowView[] } };
  edit: { input: CellChange; output: ReviewState };
  replace: { input: { spec: ReplaceSpec; dryRun: boolean }; output: { matched: number; state: ReviewState } };
  remove: { input: { rows: number[] }; output: ReviewState };
  undo: { input: Record<string, never>; output: ReviewState };
  redo: { input: Record<string, never>; output: ReviewState };
  /** Checks the next rows against the campaign; null once every valid row is checked. */
  checkNext: { input: { campaignId: string; limit: number }; output: ReviewState | null };
  /**
   * The whole submission, run by the worker: resolves where it stopped (finished, paused,
   * cancelled, failed); meanwhile "submitPlan" once and "submitProgress" events arrive. `resume`:
   * the plan of a submission started before a reload, sent again with the same key.
   */
  submit: {
    input: { campaignId: string; fileName: string; options: SubmitOptions; key: string; resume: { plan: number[] } | null };
    output: SubmitProgress;
  };
  /** Sends the chunk that paused again (same Idempotency-Key) and carries on. */
  submitRetry: { input: Record<string, never>; output: SubmitProgress };
  /** A paused upload stops at once, a sending one after the chunk in flight. */
  submitCancel: { input: Record<string, never>; output: SubmitProgress };
  outcome: { input: Record<string, never>; output: UploadOutcome };
  report: { input: { kind: "review" | "outcome" }; output: { csv: string; rows: number } };
};

export type CallType = keyof WorkerCalls;
export type WorkerRequest = { [K in CallType]: { id: number; type: K; input: WorkerCalls[K]["input"] } }[CallType];
export type WorkerResponse = { id: number; ok: true; output: unknown } | { id: number; ok: false; error: string };
/** What the worker says unasked, while a submission runs. */
export type WorkerEvent = { event: "submitPlan"; rows: number[]; key: string } | { event: "submitProgress"; progress: SubmitProgress };
export type WorkerMessage = WorkerResponse | WorkerEvent;
