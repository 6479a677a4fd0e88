import type { QueueConsumer } from "@/lib/jobs/workers";
import { QUEUES } from "@/lib/jobs/boss";
import { startWorkflowsWorker } from "@/lib/workflows/workflows-queue";

/** The workflow runner's queue consumer, for the list in scripts/queue-consumers.ts. */
export const workflowsRunConsumer: QueueConsumer = { name: QUEUES.workflowsRun, start: startWorkflowsWorker };
