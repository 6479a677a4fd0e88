import { readAnswer } from "./read-answer";
import { checkRowsAnswerSchema } from "./upload-api";
import type { UploadWorkerClient } from "./worker-client";
import type { ReviewState } from "./worker-protocol";

// Duplicates against the campaign, found before submitting: the valid rows go to POST
// /api/uploads/check (every check of the write path, nothing written) in batches, and the
// answers land next to the rows. Rows edited while a batch is out are checked again.

export const CHECK_PATH = "/api/uploads/check";

const CHECK_BATCH_ROWS = 5_000;

type Deps = {
  client: Pick<UploadWorkerClient, "call">;
  fetch: typeof fetch;
  campaignId: string;
  onState: (state: ReviewState) => void;
  /** Stops between batches (the operator left the review step). */
  isStopped: () => boolean;
};

/** Runs until every valid row is checked; rejects with the server's message if it refuses. */
export async function checkAgainstCampaign({ client, fetch, campaignId, onState, isStopped }: Deps): Promise<void> {
  while (!isStopped()) {
    const batch = await client.call("checkBatch", { campaignId, limit: CHECK_BATCH_ROWS });
    if (batch === null) return;
    let response: Response;
    try {
      response = await fetch(CHECK_PATH, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: batch.body,
        credentials: "same-origin",
      });
    } catch (error) {
      throw new Error(`The connection failed (${error instanceof Error ? error.message : String(error)}).`);
    }
    const body: unknown = await response.json().catch(() => null);
    const answer = readAnswer(checkRowsAnswerSchema, response.status, body);
    if (answer.kind !== "result") throw new Error(answer.message);
    if (isStopped()) return;
    onState(await client.call("checkResult", { sent: { rows: batch.rows, versions: batch.versions }, answer: answer.value }));
  }
}
