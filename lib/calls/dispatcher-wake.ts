import type PgBoss from "pg-boss";
import { queuePreparer, QUEUES, send, sendInTransaction } from "@/lib/jobs/boss";
import type { Prisma } from "@/lib/generated/prisma/client";

// The calls queue, registered here and nowhere else, and its wake-ups: a message holds only an
// organization id (the worker that handles it: lib/calls/calls-queue.ts). Kept apart from the
// worker so that what writes attempts (scheduling, results) does not import the dispatcher.

const QUEUE = QUEUES.callsDispatch;

/** Creates the queue once per started queue; call before the first transactional send. */
export const prepareCallsQueue = queuePreparer(QUEUE, {
  policy: "stately",
  expireInSeconds: 10,
  retryLimit: 5,
  retryDelay: 1,
  retryBackoff: true,
});

function wakeOptions(organizationId: string, at: Date, now: Date): PgBoss.SendOptions {
  const later = at.getTime() > now.getTime() + 1_000;
  return later
    ? {
        singletonKey: `${organizationId}@${Math.ceil(at.getTime() / 1_000)}`,
        startAfter: new Date(Math.ceil(at.getTime() / 1_000) * 1_000),
      }
    : { singletonKey: organizationId };
}

/** Part of the caller's transaction: the dispatcher wakes for `organizationId` at `at`. */
export async function wakeDispatcherInTransaction(tx: Prisma.TransactionClient, organizationId: string, at: Date, now: Date) {
  await sendInTransaction(tx, QUEUE, { organizationId }, wakeOptions(organizationId, at, now));
}

/** Outside a transaction (a resumed campaign, the handler's own continuation, the sweep). */
export async function wakeDispatcher(organizationId: string, at: Date, now: Date) {
  await prepareCallsQueue();
  await send(QUEUE, { organizationId }, wakeOptions(organizationId, at, now));
}
