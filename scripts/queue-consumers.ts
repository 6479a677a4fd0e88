import type { QueueConsumer } from "@/lib/jobs/workers";
import { flexydialUploadConsumer } from "@/lib/flexydial/worker/consumer";
import { startCallsWorker } from "@/lib/calls/calls-queue";
import { startWorkflowsWorker } from "@/lib/workflows/workflows-queue";

/** Every queue consumer of the app: what `npm run worker` and the launcher start. Add a feature's here. */
export const QUEUE_CONSUMERS: readonly QueueConsumer[] = [flexydialUploadConsumer, { name: "calls", start: startCallsWorker }, { name: "workflows", start: startWorkflowsWorker }];
