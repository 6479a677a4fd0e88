import { z } from "zod";
import { isDuplicateError, type BulkAddResponse, type RecordError } from "./bulk-add-response";
import type { ReviewRows } from "./review-rows";
import { categoryOf, withoutRecordPrefix } from "./row-issues";

// Which rows were sent in which chunk, and what became of every row of the file, so the done
// step can reconcile exactly: received = added + duplicates + invalid + failed (+ rows the
// operator removed, + rows never sent because the upload was cancelled).

/** The bulk-add route takes at most 10,000 records per request. */
export const MAX_CHUNK_ROWS = 10_000;
const MIN_CHUNK_ROWS = 1_000;

export const submitOptionsSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("add") }),
  z.object({ mode: z.literal("call"), agentId: z.string().min(1), dispositionId: z.string().min(1) }),
  z.object({ mode: z.literal("workflow") }),
]);
export type SubmitOptions = z.infer<typeof submitOptionsSchema>;

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

  constructor(private readonly rows: ReviewRows) {
    const sendable: number[] = [];
    for (let row = 0; row < rows.size; row++) if (!rows.isRemoved(row) && rows.status(row) === "valid") sendable.push(row);
    const size = chunkSize(sendable.length);
    this.chunks = [];
    for (let start = 0; start < sendable.length; start += size) this.chunks.push(sendable.slice(start, start + size));
  }

  get rowCount(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  }

  /** The JSON body of one chunk: the TimePay request, plus `source`/`fileName` for the upload job. */
  body(chunk: number, campaignId: string, options: SubmitOptions, extra: { fileName: string; uploadJobId: string | null }): string {
    const records = this.chunks[chunk].map((row) => this.rows.record(row));
    return JSON.stringify({
      campaignId,
      records,
      ...(options.mode === "call" && { initiateCall: true, callConfig: { agentId: options.agentId, dispositionId: options.dispositionId } }),
      ...(options.mode === "workflow" && { useWorkflow: true }),
      source: "ui",
      fileName: extra.fileName,
      ...(extra.uploadJobId && { uploadJobId: extra.uploadJobId }),
    });
  }

  /** Reads every row's outcome from a judged answer. */
  record(chunk: number, response: BulkAddResponse): ChunkTally {
    const rows = this.chunks[chunk];
    const judged = new Set<number>();
    for (const invalid of response.results?.invalidRecords ?? response.invalidRecords ?? []) {
      const row = rows[invalid.index];
      if (row === undefined) continue;
      const reason = invalid.errors.map(withoutRecordPrefix).join("; ");
      this.outcomes.set(row, { kind: "invalid", label: "Refused by the server", reason });
      judged.add(row);
    }
    const byId = new Map<string, number>();
    for (const row of rows) {
      const id = this.rows.id(row);
      if (id !== null) byId.set(id, row);
    }
    const unplaced: RecordError[] = [];
    for (const error of response.results?.errors ?? []) {
      const row = error.index !== undefined ? rows[error.index] : error.id ? byId.get(error.id) : undefined;
      if (row === undefined || judged.has(row)) {
        unplaced.push(error);
        continue;
      }
      this.outcomes.set(row, failure(error));
      judged.add(row);
    }
    const added = response.results?.successful ?? 0;
    const rest = rows.filter((row) => !judged.has(row));
    // The server said how many it added; when that is everything not named, those rows are it.
    const restOutcome: Outcome =
      rest.length === added
        ? { kind: "added" }
        : { kind: "failed", label: "Not confirmed by the server", reason: unplaced.map((e) => e.reason ?? e.error).filter(Boolean).join("; ") || "The server did not say which rows it added" };
    for (const row of rest) this.outcomes.set(row, restOutcome);
    this.noteCalls(response);
    return { sent: rows.length, added, rejected: rows.length - added };
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
      else if (sent) groups[sent.kind === "duplicate" ? "duplicates" : sent.kind === "invalid" ? "invalid" : "failed"].add(sent.label, sent.reason);
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
      calls: this.calls.seen ? { requested: this.calls.requested, initiated: this.calls.initiated, failed: this.calls.failed, notes: [...this.calls.notes] } : null,
      workflowTriggered: this.workflowTriggered,
    };
  }

  /** Why a row was not added, for the error report; null for added and removed rows. */
  reason(row: number): string[] | null {
    if (this.rows.isRemoved(row)) return null;
    const sent = this.outcomes.get(row);
    if (sent?.kind === "added") return null;
    if (sent) return [sent.reason];
    return this.rows.status(row) === "valid" ? ["Not sent: the upload was cancelled before this row's chunk"] : this.rows.errors(row);
  }

  /** Rows of the error report, in file order: every row that is in the file but not in the campaign. */
  unadded(): number[] {
    const rows: number[] = [];
    for (let row = 0; row < this.rows.size; row++) if (this.reason(row) !== null) rows.push(row);
    return rows;
  }

  private addReviewIssue(row: number, groups: Record<"duplicates" | "invalid" | "failed", Groups>) {
    const [field, issue] = Object.entries(this.rows.issues(row)).find(([, i]) => i.level === "error") ?? [];
    if (!issue || field === undefined) return;
    const { label } = categoryOf(field, issue);
    const group = issue.source === "file-duplicate" || issue.source === "campaign-duplicate" ? "duplicates" : issue.source === "server" ? "failed" : "invalid";
    groups[group].add(label, issue.message);
  }

  private noteCalls(response: BulkAddResponse) {
    if (response.callResults) {
      this.calls.seen = true;
      this.calls.requested += response.callResults.totalRequested ?? 0;
      this.calls.initiated += response.callResults.initiated ?? 0;
      this.calls.failed += response.callResults.failed ?? 0;
      for (const e of response.callResults.errors ?? []) if (e.reason ?? e.error) this.calls.notes.add((e.reason ?? e.error)!);
    }
    if (response.workflowTriggered !== undefined) this.workflowTriggered = (this.workflowTriggered ?? false) || response.workflowTriggered;
  }
}

/** About ten chunks, so the progress bar moves, but never more than the route takes. */
export function chunkSize(rows: number): number {
  return Math.min(MAX_CHUNK_ROWS, Math.max(MIN_CHUNK_ROWS, Math.ceil(rows / 10)));
}

function failure(error: RecordError): Outcome {
  const reason = error.reason ?? error.error ?? "Failed";
  return isDuplicateError(error)
    ? { kind: "duplicate", label: "Already in the campaign", reason }
    : { kind: "failed", label: error.error ?? "Failed", reason };
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
