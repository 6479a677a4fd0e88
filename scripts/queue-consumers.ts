import type { QueueConsumer } from "@/lib/jobs/workers";
import { QUEUES } from "@/lib/jobs/boss";
import { flexydialUploadConsumer } from "@/lib/flexydial/worker/consumer";
import { startCallsWorker } from "@/lib/calls/calls-queue";
import { startWebhookWorker } from "@/lib/webhooks/webhook-worker";
import { timepayCallWebhook } from "@/lib/timepay/call-webhook-payload";

/** Every queue consumer of the app: what `npm run worker` and the launcher start. Add a feature's here. */
export const QUEUE_CONSUMERS: readonly QueueConsumer[] = [
  flexydialUploadConsumer,
  // Before the calls consumer: it registers the outbox hook, so the results the calls worker
  // records get their webhook delivery in the same transaction. Deliveries are TimePay's call webhook.
  { name: QUEUES.webhookDelivery, start: (boss) => startWebhookWorker(boss, timepayCallWebhook) },
  { name: QUEUES.callsDispatch, start: startCallsWorker },
];
