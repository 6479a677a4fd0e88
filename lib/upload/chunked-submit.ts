import type { z } from "zod";
import { readAnswer } from "./read-answer";
import { openUploadAnswerSchema, uploadChunkAnswerSchema, type SubmitOptions } from "./upload-api";
import type { UploadWorkerClient } from "./worker-client";

// Sends the valid rows: POST /api/uploads opens the file's upload job, then POST
// /api/uploads/{jobId}/chunks takes them one chunk (≤ 10,000 rows) at a time. Every request has
// its own Idempotency-Key, kept across retries: when a network error hides whether the server
// added a chunk, sending it again replays the stored answer instead of adding the rows twice.
// Cancelling stops before the next chunk and closes the job, so every count stays exact.

export const UPLOADS_PATH = "/api/uploads";

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
    if (this.progress.phase === "paused") {
      this.update({ phase: "cancelled" });
      void this.closeJob();
    }
    else if (this.progress.phase === "sending") this.update({ phase: "cancelling" });
    return this.progress;
  }

  private async run() {
    const { client, campaignId, options, fileName, key } = this.deps;
    if (this.progress.uploadJobId === null) {
      const body = JSON.stringify({ campaignId, fileName, total: this.progress.rows, options });
      const opened = await this.send(UPLOADS_PATH, body, `${key}-open`, openUploadAnswerSchema, "opening the upload");
      if (!opened) return;
      // Shown with the first chunk's progress: opening the job moves no row.
      this.progress = { ...this.progress, uploadJobId: opened.uploadJobId };
    }
    while (this.progress.chunk < this.progress.chunks) {
      if (this.cancelRequested) return this.stop();
      const chunk = this.progress.chunk;
      const { body } = await client.call("chunkBody", { chunk });
      const path = `${UPLOADS_PATH}/${this.progress.uploadJobId}/chunks`;
      const answer = await this.send(path, body, `${key}-${chunk}`, uploadChunkAnswerSchema, `sending ${this.chunkName()}`);
      if (!answer) return;
      const tally = await client.call("chunkResult", { chunk, answer });
      this.update({
        chunk: chunk + 1,
        sent: this.progress.sent + tally.sent,
        added: this.progress.added + tally.added,
        rejected: this.progress.rejected + tally.rejected,
      });
    }
    if (this.cancelRequested && this.progress.chunk < this.progress.chunks) return this.stop();
    this.update({ phase: "finished" });
  }

  private async stop() {
    await this.closeJob();
    this.update({ phase: "cancelled" });
  }

  /** Cancelled before the last chunk: the job is closed with what was sent. */
  private async closeJob() {
    const id = this.progress.uploadJobId;
    if (id !== null) await this.post(`${UPLOADS_PATH}/${id}/finish`, "", `${this.deps.key}-finish`, "closing the upload");
  }

  /** The answer, or null once the run has paused or failed with the reason. */
  private async send<S extends z.ZodType>(path: string, body: string, idempotencyKey: string, schema: S, what: string): Promise<z.output<S> | null> {
    const sent = await this.post(path, body, idempotencyKey, what);
    if ("network" in sent) {
      this.update({ phase: "paused", error: `${sent.network} ${RETRY_IS_SAFE}` });
      return null;
    }
    const answer = readAnswer(schema, sent.status, sent.body);
    if (answer.kind === "retry") this.update({ phase: "paused", error: `${sentence(answer.message)} ${RETRY_IS_SAFE}` });
    if (answer.kind === "fatal") this.update({ phase: "failed", error: answer.message });
    return answer.kind === "result" ? answer.value : null;
  }

  private async post(path: string, body: string, idempotencyKey: string, what: string): Promise<{ status: number; body: unknown } | { network: string }> {
    let response: Response;
    try {
      response = await this.deps.fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
        body: body || undefined,
        credentials: "same-origin",
      });
    } catch (error) {
      return { network: `The connection failed while ${what} (${error instanceof Error ? error.message : String(error)}).` };
    }
    const text = await response.text().catch(() => "");
    try {
      return { status: response.status, body: text ? JSON.parse(text) : null };
    } catch {
      return response.ok ? { network: `The server's answer to ${what} could not be read.` } : { status: response.status, body: null };
    }
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
