import { createStore, del, get, set, type UseStore } from "idb-keyval";
import type { ColumnMapping } from "@/lib/spreadsheet/map-columns";
import type { NumberFormat } from "@/lib/records/number-text";
import type { DateChoices } from "./date-formats";
import type { ReadOverrides } from "./read-upload";
import type { SubmitOptions } from "./upload-api";
import type { ValueMappings } from "./value-mapping";
import type { WorkerCalls } from "./worker-protocol";

// The wizard's work, kept in the browser (IndexedDB) so a reload or a crash loses nothing: the
// file itself, how it was read, the operator's choices and every edit in order. Replaying them
// through the worker rebuilds the same rows, so a resumed submission sends byte-identical chunks
// under the same Idempotency-Keys: chunks the server already added replay their stored answers
// and add nothing. One draft per campaign (the upload page is per campaign).
//
// One versioned object. A new choice of the wizard goes into `choices` (optional, so drafts
// saved before it still load); a change that older drafts cannot satisfy bumps DRAFT_VERSION,
// and `readDraft` drops drafts of another version.

export const DRAFT_VERSION = 1;

/** The calls that change the reviewed rows, as the worker received them. */
export type DraftEdit =
  | { type: "edit"; input: WorkerCalls["edit"]["input"] }
  | { type: "replace"; input: WorkerCalls["replace"]["input"] }
  | { type: "remove"; input: WorkerCalls["remove"]["input"] }
  | { type: "undo"; input: Record<string, never> }
  | { type: "redo"; input: Record<string, never> };

export type UploadDraft = {
  version: typeof DRAFT_VERSION;
  campaignId: string;
  savedAt: string;
  file: { name: string; data: Blob };
  /** How the file was read: encoding/delimiter overrides, the sheet, the header row. */
  read: { overrides: ReadOverrides | null; sheet: number; headerRow: number };
  /**
   * What the rows are validated with: the `review` call's inputs. `values` (mapped enum values),
   * `numbers` (how the file writes numbers) and `viaValues` (the value step was shown, so back
   * returns to it) are optional: drafts kept before them load as a review without them.
   */
  choices: { mapping: ColumnMapping; dates: DateChoices; values?: ValueMappings; numbers?: NumberFormat | null; viaValues?: boolean };
  /** Data rows under the header, for the resume banner. */
  rows: number;
  edits: DraftEdit[];
  step: "review" | "submit";
  /** Once submitting: the key and the rows it sends, in order, so a resume sends exactly those. */
  submission: { key: string; options: SubmitOptions; plan: number[] } | null;
};

let store: UseStore | null = null;
const drafts = () => {
  store ??= createStore("dialsheet-upload", "drafts");
  return store;
};
// The file is stored once under its own key; the draft, saved after every edit, stays small.
const keyOf = (campaignId: string) => `draft:${campaignId}`;
const fileKeyOf = (campaignId: string) => `file:${campaignId}`;
type StoredDraft = Omit<UploadDraft, "file"> & { file: { name: string } };

export async function readDraft(campaignId: string): Promise<UploadDraft | null> {
  try {
    const [draft, data] = await Promise.all([
      get<Partial<StoredDraft>>(keyOf(campaignId), drafts()),
      get<unknown>(fileKeyOf(campaignId), drafts()),
    ]);
    if (!draft || draft.version !== DRAFT_VERSION || draft.campaignId !== campaignId || !(data instanceof Blob)) return null;
    return { ...(draft as StoredDraft), file: { name: draft.file?.name ?? "file", data } };
  } catch {
    // No IndexedDB (private mode, blocked): the wizard works, it just cannot resume.
    return null;
  }
}

/** `withFile`: store the file too (once per upload; the draft alone after each edit). */
export async function saveDraft(draft: UploadDraft, withFile: boolean): Promise<void> {
  const { file, ...rest } = draft;
  const stored: StoredDraft = { ...rest, file: { name: file.name }, savedAt: new Date().toISOString() };
  try {
    if (withFile) await set(fileKeyOf(draft.campaignId), file.data, drafts());
    await set(keyOf(draft.campaignId), stored, drafts());
  } catch {
    // Storage full or blocked: nothing to resume from, the upload itself goes on.
  }
}

export async function clearDraft(campaignId: string): Promise<void> {
  await Promise.all([del(keyOf(campaignId), drafts()), del(fileKeyOf(campaignId), drafts())]).catch(() => {});
}

/** The edits still in effect: undone ones do not count, redone ones do again. */
export function editCount(edits: readonly DraftEdit[]): number {
  let done = 0;
  let undone = 0;
  for (const edit of edits) {
    if (edit.type === "undo" && done > 0) {
      done--;
      undone++;
    } else if (edit.type === "redo" && undone > 0) {
      undone--;
      done++;
    } else if (edit.type !== "undo" && edit.type !== "redo") {
      done++;
      undone = 0;
    }
  }
  return done;
}

/** A call the journal keeps: the edits of the review (a replace's dry run changes nothing). */
export function draftEditOf(call: { type: string; input: unknown }): DraftEdit | null {
  switch (call.type) {
    case "edit":
    case "remove":
    case "undo":
    case "redo":
      return call as DraftEdit;
    case "replace":
      return (call.input as WorkerCalls["replace"]["input"]).dryRun ? null : (call as DraftEdit);
    default:
      return null;
  }
}
