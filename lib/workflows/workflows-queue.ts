import type PgBoss from "pg-boss";
import { listenForWork, POLLING_SECONDS, queuePreparer, QUEUES, send } from "@/lib/jobs/boss";
import { systemClock, type Clock } from "@/lib/domain/clock";
import { logError } from "@/lib/log";
import { runDueWorkflowSteps } from "@/lib/workflows/runner";

// The workflow runner's queue, registered here and nowhere else. A message is a wake-up with no
// data of its own ("stately": at most one queued, one running): the run rows are the truth, and
// the handler runs passes of runDueWorkflowSteps until nothing is due. A sweep every SWEEP_MS
// wakes it too, which also notices call steps whose attempts ended (the runner polls them).

const QUEUE = QUEUES.workflowsRun;
const SWEEP_MS = 10_000;
const SLICE_MS = 4_000;

export const prepareWorkflowsQueue = queuePreparer(QUEUE, {
  policy: "stately",
  expireInSeconds: 10,
  retryLimit: 5,
  retryDelay: 1,
  retryBackoff: true,
});

/** Wakes the runner (after runs were committed: a lost wake-up only waits for the sweep). */
export async function wakeWorkflowRunner(): Promise<void> {
  await prepareWorkflowsQueue();
  await send(QUEUE, {}, { singletonKey: "runner" });
}

export async function handleWorkflowWake(clock: Clock = systemClock) {
  const started = Date.now();
  for (;;) {
    const report = await runDueWorkflowSteps({ clock });
    if (report.claimed === 0) return;
    if (Date.now() - started > SLICE_MS) return wakeWorkflowRunner();
  }
}

export async function startWorkflowsWorker(boss: PgBoss): Promise<() => Promise<void>> {
  await prepareWorkflowsQueue();
  const id: string = await boss.work(QUEUE, { pollingIntervalSeconds: POLLING_SECONDS, batchSize: 1 }, async () => {
    await handleWorkflowWake();
  });
  const stopListening = await listenForWork((queue) => {
    if (queue === QUEUE) boss.notifyWorker(id);
  });
  const sweep = setInterval(() => void wakeWorkflowRunner().catch((error) => logError("workflows sweep failed", error)), SWEEP_MS);
  sweep.unref();
  return async () => {
    clearInterval(sweep);
    await stopListening();
    await boss.offWork(QUEUE);
  };
}
