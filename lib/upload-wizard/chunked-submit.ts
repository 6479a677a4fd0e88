import type { SubmitStep } from "./worker-protocol";
import type { SubmitOptions } from "./upload-api";
import type { UploadWorkerClient } from "./worker-client";

// Drives the submission the worker performs (submission-phase.ts): opens the file's upload job,
// then asks for one chunk at a time, and keeps the phase and figures the page shows. Every
// request has its own Idempotency-Key, kept across retries: when a network error hides whether
// the server added a chunk, sending it again replays the stored answer instead of adding the
// rows twice. Cancelling stops before the next chunk and closes the job, so every count stays exact.

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
  campaignId: string;
  options: SubmitOptions;
  fileName: string;
  /** Unique per submission; chunk i is sent with Idempotency-Key `${key}-${i}`. */
  key: string;
  onProgress: (progress: SubmitProgress) => void;
};

export class ChunkedSubmission {
  private progress: SubmitProgress = {
    phase: "sending",
    chunk: 0,
    chunks: 0,
    rows: 0,
    sent: 0,
    added: 0,
    rejected: 0,
    error: null,
    uploadJobId: null,
  };
  private cancelRequested = false;

  constructor(private readonly deps: Deps) {}

  /** Resolves with the progress where the run stopped: finished, paused, cancelled or failed. */
  async start(): Promise<SubmitProgress> {
    const plan = await this.deps.client.call("submitStart", {});
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
    } else if (this.progress.phase === "sending") this.update({ phase: "cancelling" });
    return this.progress;
  }

  private async run() {
    const { client, campaignId, options, fileName, key } = this.deps;
    if (this.progress.uploadJobId === null) {
      const opened = this.settle(await client.call("submitOpen", { campaignId, fileName, options, key: `${key}-open` }));
      if (!opened) return;
      // Shown with the first chunk's progress: opening the job moves no row.
      this.progress = { ...this.progress, uploadJobId: opened.uploadJobId };
    }
    const uploadJobId = this.progress.uploadJobId!;
    while (this.progress.chunk < this.progress.chunks) {
      if (this.cancelRequested) return this.stop();
      const chunk = this.progress.chunk;
      const tally = this.settle(await client.call("submitChunk", { chunk, uploadJobId, key: `${key}-${chunk}` }));
      if (!tally) return;
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
    const uploadJobId = this.progress.uploadJobId;
    if (uploadJobId !== null)
      await this.deps.client.call("submitFinish", { uploadJobId, key: `${this.deps.key}-finish` }).catch(() => null);
  }

  /** The step's value, or null once the run has paused (retry is safe) or failed for good. */
  private settle<T>(step: SubmitStep<T>): T | null {
    if (step.kind === "retry") this.update({ phase: "paused", error: `${sentence(step.message)} ${RETRY_IS_SAFE}` });
    if (step.kind === "fatal") this.update({ phase: "failed", error: step.message });
    return step.kind === "done" ? step.value : null;
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
