import type { ColumnMapping } from "@/lib/spreadsheet/map-columns";
import type { SubmitProgress } from "./chunked-submit";
import type { UploadOutcome } from "./submit-ledger";
import type { ColumnInfo, FileSummary, ReviewState, SheetPreview } from "./worker-protocol";

// The upload wizard as a state machine (STYLE.md §9): one discriminated union of steps, each
// holding exactly what its screen needs, and a pure reducer that moves between them. The
// campaign is chosen before the wizard starts (the page's URL), so it is not a step here.

export const STEPS = ["upload", "sheet", "header", "map", "values", "review", "submit", "done"] as const;
export type StepName = (typeof STEPS)[number];

type Common = { busy: boolean; error: string | null };
type WithFile = Common & { file: FileSummary };
type WithHeader = WithFile & { preview: SheetPreview; headerRow: number };
type WithMapping = WithHeader & { columns: ColumnInfo[]; dataRows: number; mapping: ColumnMapping };
/** `viaValues`: the value step was shown on the way to the review (so back returns to it). */
type Reviewed = WithMapping & { review: ReviewState; viaValues?: boolean };

export type WizardState =
  | (Common & { step: "upload" })
  | (WithFile & { step: "sheet" })
  | (WithHeader & { step: "header" })
  | (WithMapping & { step: "map" })
  /** Values outside an enum field's values, mapped by the operator; only when the file has such values. */
  | (WithMapping & { step: "values" })
  | (Reviewed & { step: "review" })
  | (Reviewed & { step: "submit"; progress: SubmitProgress | null })
  | (Reviewed & { step: "done"; progress: SubmitProgress; outcome: UploadOutcome });

export type WizardEvent =
  | { type: "busy" }
  | { type: "failed"; error: string }
  | { type: "dismissError" }
  | { type: "fileOpened"; file: FileSummary; preview: SheetPreview | null }
  | { type: "sheetChosen"; preview: SheetPreview }
  | { type: "fileReread"; file: FileSummary; preview: SheetPreview }
  | { type: "headerPicked"; headerRow: number }
  | { type: "headerConfirmed"; columns: ColumnInfo[]; dataRows: number; mapping: ColumnMapping }
  | { type: "columnMapped"; column: number; field: string | null }
  | { type: "valuesOpened" }
  | { type: "reviewReady"; review: ReviewState }
  | { type: "reviewChanged"; review: ReviewState }
  | { type: "submitOpened" }
  | { type: "submitProgress"; progress: SubmitProgress }
  /** The server refused the first chunk (options, session): nothing was sent; fix and start again. */
  | { type: "submitRefused"; error: string }
  | { type: "finished"; outcome: UploadOutcome }
  /** A draft kept in the browser was replayed (upload-draft.ts): back at its review or submit step. */
  | {
      type: "resumed";
      step: "review" | "submit";
      file: FileSummary;
      preview: SheetPreview;
      headerRow: number;
      columns: ColumnInfo[];
      dataRows: number;
      mapping: ColumnMapping;
      review: ReviewState;
      /** The value step was shown before the review was kept: back returns to it. */
      viaValues: boolean;
    }
  | { type: "back" }
  | { type: "restart" };

export const initialWizardState: WizardState = { step: "upload", busy: false, error: null };

export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case "busy":
      return { ...state, busy: true, error: null };
    case "failed":
      return { ...state, busy: false, error: event.error };
    case "dismissError":
      return { ...state, error: null };
    case "restart":
      return initialWizardState;
    case "back":
      return back(state);
  }
  const next = advance(state, event);
  if (next === state) return state;
  return event.type === "submitRefused" ? { ...next, busy: false } : { ...next, busy: false, error: null };
}

/** The step an event leads to; events that do not belong to the current step change nothing. */
function advance(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case "resumed": {
      if (state.step !== "upload") return state;
      const { type: _type, step, ...work } = event;
      const common = { busy: false, error: null };
      return step === "submit" ? { ...common, ...work, step, progress: null } : { ...common, ...work, step };
    }
    case "fileOpened":
      if (state.step !== "upload") return state;
      // A workbook with one sheet (and every CSV) goes straight to its header row.
      if (event.preview === null) return { step: "sheet", busy: false, error: null, file: event.file };
      return {
        step: "header",
        busy: false,
        error: null,
        file: event.file,
        preview: event.preview,
        headerRow: event.preview.detectedHeader,
      };
    case "sheetChosen":
      if (state.step !== "sheet") return state;
      return { ...state, step: "header", preview: event.preview, headerRow: event.preview.detectedHeader };
    case "fileReread":
      if (state.step !== "header") return state;
      return { ...state, file: event.file, preview: event.preview, headerRow: event.preview.detectedHeader };
    case "headerPicked":
      if (state.step !== "header" || event.headerRow < 0 || event.headerRow >= state.preview.rows.length) return state;
      return { ...state, headerRow: event.headerRow };
    case "headerConfirmed":
      if (state.step !== "header") return state;
      return { ...state, step: "map", columns: event.columns, dataRows: event.dataRows, mapping: event.mapping };
    case "columnMapped":
      if (state.step !== "map") return state;
      return { ...state, mapping: remap(state.mapping, event.column, event.field) };
    case "valuesOpened":
      if (state.step !== "map") return state;
      return { ...state, step: "values" };
    case "reviewReady":
      if (state.step === "values") return { ...state, step: "review", review: event.review, viaValues: true };
      if (state.step !== "map") return state;
      return { ...state, step: "review", review: event.review };
    case "reviewChanged":
      if (state.step !== "review") return state;
      return { ...state, review: event.review };
    case "submitOpened":
      if (state.step !== "review" || state.review.counts.valid === 0) return state;
      return { ...state, step: "submit", progress: null };
    case "submitProgress":
      if (state.step !== "submit") return state;
      return { ...state, progress: event.progress };
    case "submitRefused":
      if (state.step !== "submit") return state;
      return { ...state, progress: null, error: event.error };
    case "finished":
      if (state.step !== "submit" || state.progress === null) return state;
      return { ...state, step: "done", progress: state.progress, outcome: event.outcome };
    default:
      return state;
  }
}

/**
 * One step back, keeping what the earlier step had chosen. Leaving the review discards edits
 * (the rows are mapped again); once rows were sent there is no way back, only a new upload.
 */
function back(state: WizardState): WizardState {
  const common = { busy: false, error: null };
  switch (state.step) {
    case "upload":
    case "done":
      return state;
    case "sheet":
      return { step: "upload", ...common };
    case "header":
      return state.file.sheets.length > 1 ? { step: "sheet", ...common, file: state.file } : { step: "upload", ...common };
    case "map": {
      const { columns: _columns, dataRows: _dataRows, mapping: _mapping, ...header } = state;
      return { ...header, ...common, step: "header" };
    }
    case "values":
      return { ...state, ...common, step: "map" };
    case "review": {
      const { review: _review, viaValues, ...map } = state;
      return { ...map, ...common, step: viaValues ? "values" : "map" };
    }
    case "submit": {
      if (state.progress !== null) return state;
      const { progress: _progress, ...review } = state;
      return { ...review, ...common, step: "review" };
    }
  }
}

/** A field belongs to one column: choosing it for a column takes it from any other. */
function remap(mapping: ColumnMapping, column: number, field: string | null): ColumnMapping {
  const next: ColumnMapping = {};
  for (const [key, value] of Object.entries(mapping)) next[Number(key)] = field !== null && value === field ? null : value;
  next[column] = field;
  return next;
}
