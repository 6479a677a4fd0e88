// Undo and redo for the review table. An entry records what changed in both directions, so
// undoing a find-and-replace over 40,000 cells is one step, like it was one action.

export type CellEdit = { row: number; field: string; before: string; after: string };

export type HistoryEntry = { kind: "edit"; label: string; changes: CellEdit[] } | { kind: "remove"; label: string; rows: number[] };

export type HistoryState = { undo: string | null; redo: string | null };

/** Enough to walk back a session's work; each entry of a big replace holds its cells. */
const MAX_ENTRIES = 200;

export class EditHistory {
  private done: HistoryEntry[] = [];
  private undone: HistoryEntry[] = [];

  push(entry: HistoryEntry) {
    this.done.push(entry);
    if (this.done.length > MAX_ENTRIES) this.done.shift();
    this.undone = [];
  }

  /** The entry to revert, now redoable; null when there is nothing to undo. */
  undo(): HistoryEntry | null {
    const entry = this.done.pop() ?? null;
    if (entry) this.undone.push(entry);
    return entry;
  }

  /** The entry to apply again, now undoable; null when there is nothing to redo. */
  redo(): HistoryEntry | null {
    const entry = this.undone.pop() ?? null;
    if (entry) this.done.push(entry);
    return entry;
  }

  state(): HistoryState {
    return { undo: this.done.at(-1)?.label ?? null, redo: this.undone.at(-1)?.label ?? null };
  }
}
