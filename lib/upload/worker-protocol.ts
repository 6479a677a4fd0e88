import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import type { ColumnMapping } from "@/lib/spreadsheet/map-columns";
import type { SheetSummary } from "@/lib/spreadsheet/read-workbook";
import type { HistoryState } from "./edit-history";
import type { ReplaceSpec } from "./find-replace";
import type { OpenedFile, ReadOverrides } from "./read-upload";
import type { CellChange, RowCounts, RowFilter, RowView } from "./review-rows";
import type { ChunkTally, UploadOutcome } from "./submit-ledger";
import type { CheckRowsAnswer, UploadChunkAnswer } from "./upload-api";

// The messages between the upload wizard and its Web Worker. Every request carries an id and
// gets exactly one answer with that id: its output, or the error message to show. Row lists
// travel as Int32Arrays whose buffers are transferred, never copied.

export type FileSummary = Omit<OpenedFile, "sheets"> & { sheets: SheetSummary[] };
export type SheetPreview = { sheet: number; rows: string[][]; rowNumbers: number[]; rowCount: number; detectedHeader: number };
export type ColumnInfo = { index: number; header: string; label: string; samples: string[] };
export type ReviewState = { counts: RowCounts; history: HistoryState; structural: boolean; changed: number[] | null };
export type CheckBatch = { rows: number[]; versions: number[]; body: string };

export type WorkerCalls = {
  open: { input: { name: string; data: Blob | ArrayBuffer }; output: FileSummary };
  reopen: { input: ReadOverrides; output: FileSummary };
  selectSheet: { input: { sheet: number }; output: SheetPreview };
  setHeader: { input: { headerRow: number }; output: { columns: ColumnInfo[]; dataRows: number } };
  prepare: { input: { headerRow: number; mapping: ColumnMapping; schema: FieldSchema; policy: PhonePolicy }; output: null };
  review: { input: { mapping: ColumnMapping; schema: FieldSchema; policy: PhonePolicy }; output: ReviewState };
  select: { input: { filter: RowFilter }; output: { rows: Int32Array } };
  rows: { input: { rows: number[] }; output: { rows: RowView[] } };
  edit: { input: CellChange; output: ReviewState };
  replace: { input: { spec: ReplaceSpec; dryRun: boolean }; output: { matched: number; state: ReviewState } };
  remove: { input: { rows: number[] }; output: ReviewState };
  undo: { input: Record<string, never>; output: ReviewState };
  redo: { input: Record<string, never>; output: ReviewState };
  checkBatch: { input: { campaignId: string; limit: number }; output: CheckBatch | null };
  checkResult: { input: { sent: { rows: number[]; versions: number[] }; answer: CheckRowsAnswer }; output: ReviewState };
  startSubmit: { input: Record<string, never>; output: { chunks: number; rows: number } };
  chunkBody: { input: { chunk: number }; output: { body: string; rows: number } };
  chunkResult: { input: { chunk: number; answer: UploadChunkAnswer }; output: ChunkTally };
  outcome: { input: Record<string, never>; output: UploadOutcome };
  report: { input: { kind: "review" | "outcome" }; output: { csv: string; rows: number } };
};

export type CallType = keyof WorkerCalls;
export type WorkerRequest = { [K in CallType]: { id: number; type: K; input: WorkerCalls[K]["input"] } }[CallType];
export type WorkerResponse = { id: number; ok: true; output: unknown } | { id: number; ok: false; error: string };
