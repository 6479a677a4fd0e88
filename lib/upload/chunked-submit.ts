import { classifyAnswer } from "./bulk-add-response";
import type { SubmitOptions } from "./submit-ledger";
import type { UploadWorkerClient } from "./worker-client";

// Sends the valid rows through POST /api/v1/customers/add/bulk, one chunk (≤ 10,000 rows) at a
// time. Every chunk has its own Idempotency-Key, kept across retries: when a network error hides
// whether the server added a chunk, sending it again replays the stored answer instead of adding
// the rows twice. Cancelling stops before the next chunk, so every count stays exact.

export const BULK_ADD_PATH = "/api/v1/customers/add/bulk";

export type SubmitPhase = "sending" | "paused" | "cancelling" | "cancelled" | "failed" | "finished";

export type SubmitProgress = {
  phase: SubmitPhase;
  /** The chunk being sent, or the one to retry. */
  chunk: number;
  chunks: number;
  rows: number;
  sent: number;
  added: number;
  rejected: number;
  /** Why the upload paused or failed: the server's own message when it gave one. */
  error: string | null;
  uploadJobId: string | null;
};

type Deps = {
  client: Pick<UploadWorkerClient, "call">;
  fetch: typeof fetch;
  campaignId: string;
  options: SubmitOptions;
  fileName: string;
  /** Unique per submission; chunk i is sent with Idempotency-Key `${key}-${i}`. */
  key: string;
  onProgress: (progress: SubmitProgress) => void;
};

export class ChunkedSubmission {
  private progress: SubmitProgress = { phase: "sending", chunk: 0, chunks: 0, rows: 0, sent: 0, added: 0, rejected: 0, error: null, uploadJobId: null };
  private cancelRequested = false;

  constructor(private readonly deps: Deps) {}

  /** Resolves with the progress where the run stopped: finished, paused, cancelled or failed. */
  async start(): Promise<SubmitProgress> {
    const plan = await this.deps.client.call("startSubmit", {});
    this.update({ chunks: plan.chunks, rows: plan.rows });
    await this.run();
    return this.progress;
  }

  /** Sends the chunk that failed again, with the same Idempotency-Key, and carries on. */
  async retry(): Promise<SubmitProgress> {
    if (this.progress.phase !== "paused") return this.progress;
    this.update({ phase: "sending", error: null });
    await this.run();
    return this.progress;
  }

  /** A paused upload stops at once; a sending one after the chunk in flight. */
  cancel(): SubmitProgress {
    this.cancelRequested = true;
    if (this.progress.phase === "paused") this.update({ phase: "cancelled" });
    else if (this.progress.phase === "sending") this.update({ phase: "cancelling" });
    return this.progress;
  }

  private async run() {
    const { client, campaignId, options, fileName, key } = this.deps;
    while (this.progress.chunk < this.progress.chunks) {
      if (this.cancelRequested) return this.update({ phase: "cancelled" });
      const chunk = this.progress.chunk;
      const { body } = await client.call("chunkBody", { chunk, campaignId, options, fileName, uploadJobId: this.progress.uploadJobId });
      const sent = await this.post(body, `${key}-${chunk}`);
      if ("network" in sent) return this.update({ phase: "paused", error: `${sentence(sent.network)} ${RETRY_IS_SAFE}` });
      const answer = classifyAnswer(sent.status, sent.body);
      if (answer.kind === "retry") return this.update({ phase: "paused", error: `${sentence(answer.message)} ${RETRY_IS_SAFE}` });
      if (answer.kind === "fatal") return this.update({ phase: "failed", error: answer.message });
      const tally = await client.call("chunkResult", { chunk, response: answer.response });
      this.update({
        chunk: chunk + 1,
        sent: this.progress.sent + tally.sent,
        added: this.progress.added + tally.added,
        rejected: this.progress.rejected + tally.rejected,
        uploadJobId: this.progress.uploadJobId ?? sent.uploadJobId,
      });
    }
    this.update({ phase: this.cancelRequested && this.progress.chunk < this.progress.chunks ? "cancelled" : "finished" });
  }

  private async post(body: string, idempotencyKey: string): Promise<{ status: number; body: unknown; uploadJobId: string | null } | { network: string }> {
    let response: Response;
    try {
      response = await this.deps.fetch(BULK_ADD_PATH, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
        body,
        credentials: "same-origin",
      });
    } catch (error) {
      return { network: `The connection failed while sending ${this.chunkName()} (${error instanceof Error ? error.message : String(error)}).` };
    }
    const text = await response.text().catch(() => "");
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      if (response.ok) return { network: `The server's answer to ${this.chunkName()} could not be read.` };
    }
    return { status: response.status, body: parsed, uploadJobId: uploadJobIdOf(response, parsed) };
  }

  private chunkName(): string {
    return `chunk ${this.progress.chunk + 1} of ${this.progress.chunks}`;
  }

  private update(change: Partial<SubmitProgress>) {
    this.progress = { ...this.progress, ...change };
    this.deps.onProgress(this.progress);
  }
}

const RETRY_IS_SAFE = "Retrying is safe: the chunk is sent with the same Idempotency-Key, so rows already added are not added twice.";

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The upload job the route recorded for this file (header, or a field beside the contract's). */
function uploadJobIdOf(response: Response, body: unknown): string | null {
  const header = response.headers.get("X-Upload-Job-Id");
  if (header) return header;
  const field = typeof body === "object" && body !== null ? (body as Record<string, unknown>).uploadJobId : undefined;
  return typeof field === "string" ? field : null;
}
