import type PgBoss from "pg-boss";
import { listenForWork, nextRunsOf, POLLING_SECONDS, queuePreparer, QUEUES, send, sendInTransaction } from "@/lib/jobs/boss";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { logError } from "@/lib/log";
import { expandBatch } from "@/lib/calls/expand-batch";

// The calls-expand queue, registered here and nowhere else: a message holds only a call batch id
// whose accepted customers still need their attempts (lib/calls/accept-new-customers.ts writes it
// in the batch's own transaction). The handler is idempotent (lib/calls/expand-batch.ts), so a
// redelivery or a second worker on the same batch adds nothing. A sweep re-sends the message of a
// batch still owed after EXPAND_GRACE_MS with no message waiting (retries exhausted, a lost one).

const QUEUE = QUEUES.callsExpand;
const SETTINGS = { expireInSeconds: 60, retryLimit: 10, retryDelay: 1, retryBackoff: true } as const;
const SWEEP_MS = 15_000;
const EXPAND_GRACE_MS = 60_000;
const CONCURRENCY = 2;

type Message = { batchId: string };

/** Creates the queue once per started queue; call before the first transactional send. */
export const prepareExpandQueue = queuePreparer(QUEUE, SETTINGS);

/** Part of the caller's transaction: the batch's attempts are written once it commits. */
export async function enqueueExpansion(tx: Prisma.TransactionClient, batchId: string) {
  await sendInTransaction(tx, QUEUE, { batchId } satisfies Message, SETTINGS);
}

export async function startExpandWorker(boss: PgBoss): Promise<() => Promise<void>> {
  await prepareExpandQueue();
  const ids: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const id: string = await boss.work<Message>(QUEUE, { pollingIntervalSeconds: POLLING_SECONDS, batchSize: 1 }, async ([job]) => {
      await expandBatch(job.data.batchId);
    });
    ids.push(id);
  }
  const stopListening = await listenForWork((queue) => {
    if (queue === QUEUE) for (const id of ids) boss.notifyWorker(id);
  });
  const sweep = setInterval(() => void resendOwed().catch((error) => logError("calls-expand sweep failed", error)), SWEEP_MS);
  sweep.unref();
  return async () => {
    clearInterval(sweep);
    await stopListening();
    await boss.offWork(QUEUE);
  };
}

/** Batches still owed their attempts a while after they were accepted, with no message waiting. */
export async function resendOwed(now = new Date()) {
  const owed = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM call_batches
    WHERE "expandedAt" IS NULL AND cardinality("plannedCustomerIds") > 0 AND "createdAt" < ${new Date(now.getTime() - EXPAND_GRACE_MS)}
    ORDER BY "createdAt" LIMIT 100`;
  if (owed.length === 0) return 0;
  const waiting = await nextRunsOf(
    db,
    QUEUE,
    "batchId",
    owed.map((b) => b.id),
  );
  const resend = owed.filter((b) => !waiting.has(b.id));
  for (const batch of resend) await send(QUEUE, { batchId: batch.id } satisfies Message, SETTINGS);
  return resend.length;
}
