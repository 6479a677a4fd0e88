import type { QueueConsumer } from "@/lib/jobs/workers";
import { flexydialUploadConsumer } from "@/lib/flexydial/worker/consumer";
import { interruptedUploadsSweep } from "@/lib/jobs/interrupted-uploads-consumer";
import { callsDispatchConsumer } from "@/lib/calls/calls-consumer";
import { workflowsRunConsumer } from "@/lib/workflows/workflows-consumer";

/** Every queue consumer of the app: what `npm run worker` and the launcher start. Add a feature's here. */
export const QUEUE_CONSUMERS: readonly QueueConsumer[] = [flexydialUploadConsumer, interruptedUploadsSweep, callsDispatchConsumer, workflowsRunConsumer];
