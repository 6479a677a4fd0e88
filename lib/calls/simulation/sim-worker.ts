// A dispatch worker process of the calls simulation: `node --import tsx lib/calls/simulation/sim-worker.ts <id> <dialDelayMs> <logDir>`
// with DATABASE_URL of the simulation's database. At each tick the parent publishes, it runs
// dispatch passes at that simulated instant until one makes no progress, then reports the tick
// done. Every call goes through the simulated dialer, logged first (see sim-tables.ts).
import { manualClock } from "@/lib/domain/clock";
import { disconnectDb } from "@/lib/db/client";
import { runDueAttempts } from "@/lib/calls/dispatch";
import { createSimulatedDialer } from "@/lib/calls/simulated-dialer";
import type { Dialer } from "@/lib/calls/dialer";
import { listener, logDial, markDone, readControl } from "./sim-tables";

const [worker, delayArg, logDir] = process.argv.slice(2);
const dialDelayMs = Number(delayArg ?? 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A slow worker dials one call at a time (dialDelayMs each), so a batch lasts long enough for the
// parent to SIGKILL it in the middle.
let queue: Promise<unknown> = Promise.resolve();
const logged = (inner: Dialer): Dialer => ({
  kind: inner.kind,
  async place(attempt) {
    if (dialDelayMs > 0) await (queue = queue.then(() => sleep(dialDelayMs)));
    logDial(logDir, { call_id: attempt.callId, phone: attempt.toPhone, campaign_id: attempt.campaignId, at: attempt.at, worker });
    return inner.place(attempt);
  },
});

const ticks = await listener("sim_tick");
let done = -1;
for (;;) {
  const control = await readControl();
  if (control?.stop) break;
  if (!control || control.tick === done) {
    await ticks.next(250);
    continue;
  }
  const clock = manualClock(control.now);
  for (;;) {
    const pass = await runDueAttempts({ clock, limit: 250, dialerFor: (s) => logged(createSimulatedDialer({ delayMs: s.simulatedDelayMs })) });
    if (!pass.progressed) break;
  }
  await markDone(worker, control.tick);
  done = control.tick;
}
await ticks.close();
await disconnectDb();
process.exit(0);
