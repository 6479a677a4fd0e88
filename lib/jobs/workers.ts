import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { startFlexydialWorker } from "@/lib/imports/flexydial-worker";
import { startCallsWorker } from "@/lib/calls/calls-queue";

// Registers every queue consumer. `npm run worker` and the app launcher both call startWorkers();
// consumers are added by the features that enqueue work (Flexydial uploads, calls, workflows).

export type Workers = { stop(): Promise<void> };

export async function startWorkers(): Promise<Workers> {
  const boss = await getBoss();
  const stops = [await startFlexydialWorker(boss), await startCallsWorker(boss)];
  return {
    async stop() {
      for (const stop of stops) await stop();
      await stopBoss();
    },
  };
}
