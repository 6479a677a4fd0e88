// A workflow worker process of the correctness test: `node --import tsx lib/workflows/simulation/wf-worker.ts <organizationId> <iso instant>`
// with DATABASE_URL. At that simulated instant it runs runner and dispatch passes forever (the
// parent kills it with SIGKILL mid-run), in small batches so it is killed between and inside them.
import { manualClock } from "@/lib/domain/clock";
import { runDueAttempts } from "@/lib/calls/dispatch";
import { runDueWorkflowSteps } from "@/lib/workflows/runner";

const [organizationId, at] = process.argv.slice(2);
const clock = manualClock(at);
for (;;) {
  await runDueWorkflowSteps({ clock, organizationId, limit: 25 });
  await runDueAttempts({ clock, organizationId, limit: 25 });
}
