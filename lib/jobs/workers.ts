import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { startFlexydialWorker } from "@/lib/imports/flexydial-worker";
import { startCallsWorker } from "@/lib/calls/calls-queue";
import { ensureCallResultWebhooks } from "@/lib/webhooks/call-result-hook";
import { startWebhookWorker } from "@/lib/webhooks/webhook-worker";
import { timepayCallWebhook } from "@/lib/timepay/call-webhook-payload";

// Registers every queue consumer. `npm run worker` and the app launcher both call startWorkers();
// consumers are added by the features that enqueue work (Flexydial uploads, calls, workflows).

export type Workers = { stop(): Promise<void> };

export async function startWorkers(): Promise<Workers> {
  const boss = await getBoss();
  // Before the calls worker: results it records get their webhook delivery in the same transaction.
  await ensureCallResultWebhooks();
  const stops = [await startFlexydialWorker(boss), await startCallsWorker(boss), await startWebhookWorker(boss, timepayCallWebhook)];
  return {
    async stop() {
      for (const stop of stops) await stop();
      await stopBoss();
    },
  };
}
