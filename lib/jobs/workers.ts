import type PgBoss from "pg-boss";
import { getBoss, stopBoss } from "@/lib/jobs/boss";

// Runs the queue consumers it is given. Features define their consumers (a QueueConsumer next to
// their worker, e.g. lib/flexydial/worker/consumer.ts); the entry points (`npm run worker`, the
// app launcher) list them in scripts/queue-consumers.ts. Infrastructure never imports a feature.

export type QueueConsumer = {
  /** For logs: the queue (or queues) it works on. */
  name: string;
  /** Starts working; returns how to stop. */
  start(boss: PgBoss): Promise<() => Promise<void>>;
};

export type Workers = { stop(): Promise<void> };

export async function startWorkers(consumers: readonly QueueConsumer[]): Promise<Workers> {
  const boss = await getBoss();
  const stops: (() => Promise<void>)[] = [];
  for (const consumer of consumers) stops.push(await consumer.start(boss));
  return {
    async stop() {
      for (const stop of stops) await stop();
      await stopBoss();
    },
  };
}
