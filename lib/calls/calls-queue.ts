import type PgBoss from "pg-boss";
import { getBoss, listenForWork, POLLING_SECONDS, QUEUES, send, sendInTransaction } from "@/lib/jobs/boss";
import { systemClock, type Clock } from "@/lib/domain/clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logError } from "@/lib/log";
import { dispatchOrganization, nextDueAt, organizationsWithDueWork } from "@/lib/calls/dispatch";

// The calls queue, registered here and nowhere else. A message is a wake-up holding only an
// organization id: the attempt rows are the truth, and the handler dispatches whatever of that
// organization is due (lib/calls/dispatch.ts), then enqueues one wake-up for the next due instant.
// The queue is "stately": per singleton key at most one message queued and one running, so
// wake-ups never pile up; the key is the organization for "now" and organization+instant for
// later ones. A sweep every SWEEP_MS re-wakes organizations with due work (a lost message).

const QUEUE = QUEUES.callsDispatch;
const SWEEP_MS = 15_000;
/** A handler run dispatches for at most this long, well under the 10 s job expiry. */
const SLICE_MS = 4_000;
const CONCURRENCY = 2;

type Message = { organizationId: string };

const prepared = new WeakMap<PgBoss, Promise<void>>();

/** Creates the queue once per started queue; call before the first transactional send. */
export async function prepareCallsQueue(): Promise<void> {
  const boss = await getBoss();
  let ready = prepared.get(boss);
  if (!ready) {
    const queue = { name: QUEUE, policy: "stately" as const, expireInSeconds: 10, retryLimit: 5, retryDelay: 1, retryBackoff: true };
    ready = boss.createQueue(QUEUE, queue).then(() => boss.updateQueue(QUEUE, queue));
    ready.catch(() => prepared.delete(boss));
    prepared.set(boss, ready);
  }
  return ready;
}

function wakeOptions(organizationId: string, at: Date, now: Date): PgBoss.SendOptions {
  const later = at.getTime() > now.getTime() + 1_000;
  return later
    ? { singletonKey: `${organizationId}@${Math.ceil(at.getTime() / 1_000)}`, startAfter: new Date(Math.ceil(at.getTime() / 1_000) * 1_000) }
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

/** Handles one wake-up: dispatch for a time slice, then wake again when more is due. */
export async function handleWake(organizationId: string, clock: Clock = systemClock) {
  const started = Date.now();
  for (;;) {
    const report = await dispatchOrganization({ organizationId, clock });
    if (!report.progressed) break;
    if (Date.now() - started > SLICE_MS) {
      await wakeDispatcher(organizationId, clock.now(), clock.now());
      return;
    }
  }
  const next = await nextDueAt(organizationId, clock.now());
  if (next) await wakeDispatcher(organizationId, next, clock.now());
}

export async function startCallsWorker(boss: PgBoss): Promise<() => Promise<void>> {
  await prepareCallsQueue();
  const ids: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const id: string = await boss.work<Message>(QUEUE, { pollingIntervalSeconds: POLLING_SECONDS, batchSize: 1 }, async ([job]) => {
      await handleWake(job.data.organizationId);
      boss.notifyWorker(id);
    });
    ids.push(id);
  }
  const stopListening = await listenForWork((queue) => {
    if (queue === QUEUE) for (const id of ids) boss.notifyWorker(id);
  });
  const sweep = setInterval(() => {
    void (async () => {
      const now = new Date();
      for (const organizationId of await organizationsWithDueWork(now)) await wakeDispatcher(organizationId, now, now);
    })().catch((error) => logError("calls sweep failed", error));
  }, SWEEP_MS);
  sweep.unref();
  return async () => {
    clearInterval(sweep);
    await stopListening();
    await boss.offWork(QUEUE);
  };
}
