import type { ReviewRows } from "./review-rows";
import { categoryOf } from "./row-issues";
import { MAX_CHUNK_ROWS, type NotWrittenRow, type UploadChunkAnswer } from "./upload-api";

// Which rows were sent in which chunk, and what became of every row of the file, so the done
// step can reconcile exactly: received = added + duplicates + invalid + failed (+ rows the
// operator removed, + rows never sent because the upload was cancelled).

const MIN_CHUNK_ROWS = 1_000;

export type ChunkTally = { sent: number; added: number; rejected: number };
export type OutcomeGroup = { count: number; reasons: { label: string; count: number; example: string }[] };
export type UploadOutcome = {
  received: number;
  removed: number;
  added: number;
  duplicates: OutcomeGroup;
  invalid: OutcomeGroup;
  failed: OutcomeGroup;
  notSent: number;
  /** `notes`: the server's reasons for calls it did not place, each once. */
  calls: { requested: number; initiated: number; failed: number; notes: string[] } | null;
  workflowTriggered: boolean | null;
};

type Outcome = { kind: "added" } | { kind: "duplicate" | "failed" | "invalid"; label: string; reason: string };

export class SubmitLedger {
  readonly chunks: number[][];
  private readonly outcomes = new Map<number, Outcome>();
  private readonly calls = { requested: 0, initiated: 0, failed: 0, seen: false, notes: new Set<string>() };
  private workflowTriggered: boolean | null = null;
  /** A resumed upload's plan: a valid row outside it was held back by the campaign check before the reload. */
  private readonly planned: Set<number> | null;

  /** `plan`: the rows to send (a resumed upload's, kept from its start); else every valid row. */
  constructor(
    private readonly rows: ReviewRows,
    plan: readonly number[] | null = null,
  ) {
    const sendable: number[] = plan ? plan.filter((row) => row >= 0 && row < rows.size) : [];
    if (!plan) for (let row = 0; row < rows.size; row++) if (!rows.isRemoved(row) && rows.status(row) === "valid") sendable.push(row);
    const size = chunkSize(sendable.length);
    this.planned = plan ? new Set(sendable) : null;
    this.chunks = [];
    for (let start = 0; start < sendable.length; start += size) this.chunks.push(sendable.slice(start, start + size));
  }

  get rowCount(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  }

  /** The JSON body of one chunk: its rows as typed. */
  body(chunk: number): string {
    return JSON.stringify({ records: this.chunks[chunk].map((row) => this.rows.record(row)) });
  }

  /** Reads every row's outcome from a chunk's answer. */
  record(chunk: number, answer: UploadChunkAnswer): ChunkTally {
    const rows = this.chunks[chunk];
    const judged = new Set<number>();
    for (const invalid of answer.invalid) {
      const row = rows[invalid.index];
      if (row === undefined) continue;
      this.outcomes.set(row, { kind: "invalid", label: "Refused by the server", reason: invalid.issues.map((i) => i.message).join("; ") });
      judged.add(row);
    }
    for (const refused of answer.notWritten) {
      const row = rows[refused.index];
      if (row === undefined || judged.has(row)) continue;
      this.outcomes.set(row, notWritten(refused));
      judged.add(row);
    }
    const rest = rows.filter((row) => !judged.has(row));
    // Every row the answer does not name was added, which its count confirms.
    const restOutcome: Outcome =
      rest.length === answer.added
        ? { kind: "added" }
        : { kind: "failed", label: "Not confirmed by the server", reason: "The server did not say which rows it added" };
    for (const row of rest) this.outcomes.set(row, restOutcome);
    this.noteCalls(answer);
    return { sent: rows.length, added: answer.added, rejected: rows.length - answer.added };
  }

  outcome(): UploadOutcome {
    const groups = { duplicates: new Groups(), invalid: new Groups(), failed: new Groups() };
    let removed = 0;
    let added = 0;
    let notSent = 0;
    for (let row = 0; row < this.rows.size; row++) {
      if (this.rows.isRemoved(row)) {
        removed++;
        continue;
      }
      const sent = this.outcomes.get(row);
      if (sent?.kind === "added") added++;
      else if (sent)
        groups[sent.kind === "duplicate" ? "duplicates" : sent.kind === "invalid" ? "invalid" : "failed"].add(sent.label, sent.reason);
      else if (this.rows.status(row) === "valid" && this.heldBack(row)) groups.duplicates.add(HELD_BACK.label, HELD_BACK.reason);
      else if (this.rows.status(row) === "valid") notSent++;
      else this.addReviewIssue(row, groups);
    }
    return {
      received: this.rows.size,
      removed,
      added,
      duplicates: groups.duplicates.result(),
      invalid: groups.invalid.result(),
      failed: groups.failed.result(),
      notSent,
      calls: this.calls.seen
        ? { requested: this.calls.requested, initiated: this.calls.initiated, failed: this.calls.failed, notes: [...this.calls.notes] }
        : null,
      workflowTriggered: this.workflowTriggered,
    };
  }

  /** Why a row was not added, for the error report; null for added and removed rows. */
  reason(row: number): string[] | null {
    if (this.rows.isRemoved(row)) return null;
    const sent = this.outcomes.get(row);
    if (sent?.kind === "added") return null;
    if (sent) return [sent.reason];
    if (this.rows.status(row) === "valid" && this.heldBack(row)) return [HELD_BACK.reason];
    return this.rows.status(row) === "valid" ? ["Not sent: the upload was cancelled before this row's chunk"] : this.rows.errors(row);
  }

  /** Rows of the error report, in file order: every row that is in the file but not in the campaign. */
  unadded(): number[] {
    const rows: number[] = [];
    for (let row = 0; row < this.rows.size; row++) if (this.reason(row) !== null) rows.push(row);
    return rows;
  }

  private heldBack(row: number): boolean {
    return this.planned !== null && !this.planned.has(row);
  }

  private addReviewIssue(row: number, groups: Record<"duplicates" | "invalid" | "failed", Groups>) {
    const [field, issue] = Object.entries(this.rows.issues(row)).find(([, i]) => i.level === "error") ?? [];
    if (!issue || field === undefined) return;
    const { label } = categoryOf(field, issue);
    const group =
      issue.source === "file-duplicate" || issue.source === "campaign-duplicate"
        ? "duplicates"
        : issue.source === "server"
          ? "failed"
          : "invalid";
    groups[group].add(label, issue.message);
  }

  private noteCalls(answer: UploadChunkAnswer) {
    if (answer.calls) {
      this.calls.seen = true;
      this.calls.requested += answer.calls.requested;
      this.calls.initiated += answer.calls.initiated;
      this.calls.failed += answer.calls.failed;
      for (const note of answer.calls.notes) this.calls.notes.add(note);
    }
    if (answer.workflowTriggered !== null) this.workflowTriggered = (this.workflowTriggered ?? false) || answer.workflowTriggered;
  }
}

const HELD_BACK = {
  label: "Already in the campaign",
  reason: "Not sent: the campaign check found it already in the campaign before the page was reloaded",
};

/** About ten chunks, so the progress bar moves, but never more than the route takes. */
export function chunkSize(rows: number): number {
  return Math.min(MAX_CHUNK_ROWS, Math.max(MIN_CHUNK_ROWS, Math.ceil(rows / 10)));
}

const NOT_WRITTEN_LABELS: Record<NotWrittenRow["code"], string> = {
  duplicate_in_campaign: "Already in the campaign",
  duplicate_in_file: "Repeated in the chunk",
  duplicate_phone_in_campaign: "Phone already in the campaign",
  duplicate_phone_in_file: "Phone repeated in the chunk",
  write_failed: "Refused by the database",
};

function notWritten(row: NotWrittenRow): Outcome {
  const kind = row.code === "write_failed" ? "failed" : "duplicate";
  return { kind, label: NOT_WRITTEN_LABELS[row.code], reason: row.message };
}

class Groups {
  private readonly byLabel = new Map<string, { label: string; count: number; example: string }>();
  private total = 0;

  add(label: string, example: string) {
    this.total++;
    const group = this.byLabel.get(label) ?? { label, count: 0, example };
    group.count++;
    this.byLabel.set(label, group);
  }

  result(): OutcomeGroup {
    return { count: this.total, reasons: [...this.byLabel.values()].sort((a, b) => b.count - a.count) };
  }
}
