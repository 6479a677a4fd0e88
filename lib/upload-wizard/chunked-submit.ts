import type { ChunkTally } from "./submit-ledger";
import type { SubmitOptions } from "./upload-api";

// The submission loop, run inside the Web Worker next to the rows (submission-phase.ts does each
// request): opens the file's upload job, sends one chunk at a time, and posts the phase and
// figures the page shows; the page sends one "submit" and, if it must, one "submitCancel". Every
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

/** A step of the submission: its value, or why it paused (retry is safe) or failed. */
export type SubmitStep<T> = { kind: "done"; value: T } | { kind: "retry" | "fatal"; message: string };

/** What the loop needs of the submission phase. */
export type SubmitSteps = {
  /** `plan`: the rows to send, in order (a resumed upload sends the plan it started with). */
  start(plan: readonly number[] | null): { chunks: number; rows: number };
  open(input: { campaignId: string; fileName: string; options: SubmitOptions; key: string }): Promise<SubmitStep<{ uploadJobId: string }>>;
  reopen(uploadJobId: string): Promise<SubmitStep<{ uploadJobId: string }>>;
  send(input: { chunk: number; uploadJobId: string; key: string }): Promise<SubmitStep<ChunkTally>>;
  finish(input: { uploadJobId: string; key: string }): Promise<SubmitStep<{ uploadJobId: string }>>;
};

type Deps = {
  steps: SubmitSteps;
  campaignId: string;
  options: SubmitOptions;
  fileName: string;
  /** Unique per submission; chunk i is sent with Idempotency-Key `${key}-${i}`. */
  key: string;
  /**
   * A resumed upload (after a reload or a crash): the same key and plan again, so the job's
   * opening and every chunk already added replay their stored answers and add nothing; the job,
   * cancelled when the page went away, is opened again for the rest.
   */
  resume?: { plan: readonly number[] };
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
  async start(onPlanned: () => void = () => {}): Promise<SubmitProgress> {
    const plan = this.deps.steps.start(this.deps.resume?.plan ?? null);
    onPlanned();
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
    const { steps, campaignId, options, fileName, key } = this.deps;
    if (this.progress.uploadJobId === null) {
      const opened = this.settle(await steps.open({ campaignId, fileName, options, key: `${key}-open` }));
      if (!opened) return;
      if (this.deps.resume && !this.settle(await steps.reopen(opened.uploadJobId))) return;
      // The page hears the job's id at once: leaving mid-chunk closes the job by that id.
      this.update({ uploadJobId: opened.uploadJobId });
    }
    const uploadJobId = this.progress.uploadJobId!;
    while (this.progress.chunk < this.progress.chunks) {
      if (this.cancelRequested) return this.stop();
      const chunk = this.progress.chunk;
      const tally = this.settle(await steps.send({ chunk, uploadJobId, key: `${key}-${chunk}` }));
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
    if (uploadJobId !== null) await this.deps.steps.finish({ uploadJobId, key: `${this.deps.key}-finish` }).catch(() => null);
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
