import type { QueueConsumer } from "@/lib/jobs/workers";
import { QUEUES } from "@/lib/jobs/boss";
import { flexydialUploadConsumer } from "@/lib/flexydial/worker/consumer";
import { interruptedUploadsSweep } from "@/lib/jobs/interrupted-uploads-consumer";
import { callsDispatchConsumer, callsExpandConsumer } from "@/lib/calls/calls-consumer";
import { startWebhookWorker } from "@/lib/webhooks/webhook-worker";
import { timepayCallWebhook } from "@/lib/timepay/call-webhook-payload";
import { workflowsRunConsumer } from "@/lib/workflows/workflows-consumer";
import { dashboardStatsCompaction } from "@/lib/dashboard/stats-compaction";

// Call-result webhooks: before the calls consumers, because starting it registers the outbox hook,
// so the results the calls worker records get their delivery in the same transaction. The
// deliveries are TimePay's call webhook.
const webhookDeliveryConsumer: QueueConsumer = {
  name: QUEUES.webhookDelivery,
  start: (boss) => startWebhookWorker(boss, timepayCallWebhook),
};

/** Every queue consumer of the app: what `npm run worker` and the launcher start. Add a feature's here. */
export const QUEUE_CONSUMERS: readonly QueueConsumer[] = [
  flexydialUploadConsumer,
  interruptedUploadsSweep,
  webhookDeliveryConsumer,
  callsDispatchConsumer,
  callsExpandConsumer,
  workflowsRunConsumer,
  dashboardStatsCompaction,
];
