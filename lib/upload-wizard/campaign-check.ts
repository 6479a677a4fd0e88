import type { UploadWorkerClient } from "./worker-client";
import type { ReviewState } from "./worker-protocol";

// Duplicates against the campaign, found before submitting: the worker sends the valid rows to
// POST /api/uploads/check (every check of the write path, nothing written) a batch at a time,
// and the answers land next to the rows. Rows edited while a batch is out are checked again.

const CHECK_BATCH_ROWS = 5_000;

type Deps = {
  client: Pick<UploadWorkerClient, "call">;
  campaignId: string;
  onState: (state: ReviewState) => void;
  /** Stops between batches (the operator left the review step). */
  isStopped: () => boolean;
};

/** Runs until every valid row is checked; rejects with the server's message if it refuses. */
export async function checkAgainstCampaign({ client, campaignId, onState, isStopped }: Deps): Promise<void> {
  while (!isStopped()) {
    const state = await client.call("checkNext", { campaignId, limit: CHECK_BATCH_ROWS });
    if (state === null || isStopped()) return;
    onState(state);
  }
}
