import { postJson } from "./http";
import { required } from "./reading-phase";
import type { ReviewPhase } from "./review-phase";
import { SubmitLedger, type ChunkTally } from "./submit-ledger";
import { openUploadAnswerSchema, uploadChunkAnswerSchema, type SubmitOptions } from "./upload-api";
import type { SubmitStep, SubmitSteps } from "./chunked-submit";

// The last phase: the valid rows, sent from here where they are. POST /api/uploads opens the
// file's job; each chunk goes to POST /api/uploads/{jobId}/chunks with the Idempotency-Key the
// loop gives (kept across retries) and its answer is read into the ledger at once, so neither
// a chunk's body nor its answer ever crosses to the page. The loop (chunked-submit.ts) runs here
// too; the page only starts it, cancels it, and hears its progress.

export const UPLOADS_PATH = "/api/uploads";

export class SubmissionPhase implements SubmitSteps {
  private ledger: SubmitLedger | null = null;

  constructor(
    private readonly review: ReviewPhase,
    private readonly fetch: typeof globalThis.fetch,
  ) {}

  reset() {
    this.ledger = null;
  }

  start(plan: readonly number[] | null = null): { chunks: number; rows: number } {
    this.ledger = new SubmitLedger(this.review.reviewRows(), plan);
    return { chunks: this.ledger.chunks.length, rows: this.ledger.rowCount };
  }

  async open(input: {
    campaignId: string;
    fileName: string;
    options: SubmitOptions;
    key: string;
  }): Promise<SubmitStep<{ uploadJobId: string }>> {
    const { campaignId, fileName, options, key } = input;
    const body = JSON.stringify({ campaignId, fileName, total: this.current().rowCount, options });
    return step(
      await postJson(this.fetch, { path: UPLOADS_PATH, body, idempotencyKey: key, what: "opening the upload" }, openUploadAnswerSchema),
    );
  }

  /** Sends chunk `chunk` and records what became of each of its rows. */
  async send(input: { chunk: number; uploadJobId: string; key: string }): Promise<SubmitStep<ChunkTally>> {
    const ledger = this.current();
    const what = `sending chunk ${input.chunk + 1} of ${ledger.chunks.length}`;
    const path = `${UPLOADS_PATH}/${input.uploadJobId}/chunks`;
    const sent = await postJson(
      this.fetch,
      { path, body: ledger.body(input.chunk), idempotencyKey: input.key, what },
      uploadChunkAnswerSchema,
    );
    return sent.kind === "result" ? { kind: "done", value: ledger.record(input.chunk, sent.value) } : sent;
  }

  /** The rows this submission sends, in order: kept by the page so a resumed upload sends the same. */
  plan(): number[] {
    return this.current().chunks.flat();
  }

  /** A resumed upload: its job, cancelled when the page went away, takes chunks again. */
  async reopen(uploadJobId: string): Promise<SubmitStep<{ uploadJobId: string }>> {
    const path = `${UPLOADS_PATH}/${uploadJobId}/reopen`;
    return step(await postJson(this.fetch, { path, body: "", what: "resuming the upload" }, openUploadAnswerSchema));
  }

  /** Cancelled before the last chunk: the job is closed with what was sent. */
  async finish(input: { uploadJobId: string; key: string }): Promise<SubmitStep<{ uploadJobId: string }>> {
    const path = `${UPLOADS_PATH}/${input.uploadJobId}/finish`;
    return step(
      await postJson(this.fetch, { path, body: "", idempotencyKey: input.key, what: "closing the upload" }, openUploadAnswerSchema),
    );
  }

  current(): SubmitLedger {
    return required(this.ledger, "The upload has not started.");
  }
}

function step<T>(sent: { kind: "result"; value: T } | { kind: "retry" | "fatal"; message: string }): SubmitStep<T> {
  return sent.kind === "result" ? { kind: "done", value: sent.value } : sent;
}
