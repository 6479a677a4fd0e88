import type { QueueConsumer } from "@/lib/jobs/workers";
import { QUEUES } from "@/lib/jobs/boss";
import { startCallsWorker } from "@/lib/calls/calls-queue";

/** The call dispatcher's queue consumer, for the list in scripts/queue-consumers.ts. */
export const callsDispatchConsumer: QueueConsumer = { name: QUEUES.callsDispatch, start: startCallsWorker };
