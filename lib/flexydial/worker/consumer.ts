import type { QueueConsumer } from "@/lib/jobs/workers";
import { QUEUES } from "@/lib/jobs/boss";
import { startFlexydialWorker } from "./worker";

/** Flexydial uploads' queue consumer, for the list in scripts/queue-consumers.ts. */
export const flexydialUploadConsumer: QueueConsumer = { name: QUEUES.flexydialUpload, start: startFlexydialWorker };
