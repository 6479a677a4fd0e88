import type { QueueConsumer } from "@/lib/jobs/workers";
import { QUEUES } from "@/lib/jobs/boss";
import { startCallsWorker } from "@/lib/calls/calls-queue";
import { startExpandWorker } from "@/lib/calls/expand-queue";

/** The call dispatcher's queue consumer, for the list in scripts/queue-consumers.ts. */
export const callsDispatchConsumer: QueueConsumer = { name: QUEUES.callsDispatch, start: startCallsWorker };

/** Writes the attempts of accepted call batches (bulk add with initiateCall), for the same list. */
export const callsExpandConsumer: QueueConsumer = { name: QUEUES.callsExpand, start: startExpandWorker };
