import type PgBoss from "pg-boss";
import { listenForWork, POLLING_SECONDS, QUEUES } from "@/lib/jobs/boss";
import { logError } from "@/lib/log";
import { deliverWebhook, type PayloadBuilder } from "./deliver";
import { ensureCallResultWebhooks, requeueMissedCallResults } from "./call-result-hook";

// The queue consumer of webhook deliveries. A message holds only the delivery id; a non-200
// answer throws so pg-boss retries it with backoff (WEBHOOK_JOB_SETTINGS); after
// WEBHOOK_MAX_ATTEMPTS the row says "failed" and the message completes. Worker crashes are
// covered by pg-boss's expiry: the message comes back and the row is re-read. A sweep adds the
// deliveries of results recorded where the outbox hook was not registered.

type Message = { deliveryId: string };
const CONCURRENCY = 2;
const SWEEP_MS = 30_000;

export async function startWebhookWorker(boss: PgBoss, buildPayload: PayloadBuilder): Promise<() => Promise<void>> {
  // Results this process records (the calls worker's simulated results) get their delivery.
  await ensureCallResultWebhooks();
  const ids: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    ids.push(
      await boss.work<Message>(QUEUES.webhookDelivery, { pollingIntervalSeconds: POLLING_SECONDS, batchSize: 1 }, async ([job]) => {
        const outcome = await deliverWebhook(job.data.deliveryId, { buildPayload });
        if (outcome.result === "retry") throw new Error(`webhook delivery ${job.data.deliveryId} will be retried: ${outcome.error}`);
      }),
    );
  }
  const stopListening = await listenForWork((queue) => {
    if (queue === QUEUES.webhookDelivery) for (const id of ids) boss.notifyWorker(id);
  }).catch((error) => {
    logError("webhook worker could not listen for wake-ups; polling only", error);
    return async () => {};
  });
  const sweep = setInterval(() => {
    requeueMissedCallResults().catch((error) => logError("webhook outbox sweep failed", error));
  }, SWEEP_MS);
  sweep.unref();
  return async () => {
    clearInterval(sweep);
    await stopListening();
    await boss.offWork(QUEUES.webhookDelivery);
  };
}
