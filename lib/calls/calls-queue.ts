import type PgBoss from "pg-boss";
import { listenForWork, POLLING_SECONDS, QUEUES } from "@/lib/jobs/boss";
import { systemClock, type Clock } from "@/lib/domain/clock";
import { logError } from "@/lib/log";
import { dispatchOrganization, nextDueAt, organizationsWithDueWork } from "@/lib/calls/dispatch";
import { prepareCallsQueue, wakeDispatcher } from "@/lib/calls/dispatcher-wake";

// The calls queue's worker (the queue and its wake-ups: lib/calls/dispatcher-wake.ts). A message
// is a wake-up holding only an organization id: the attempt rows are the truth, and the handler dispatches whatever of that
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
