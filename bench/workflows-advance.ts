// npx tsx bench/workflows-advance.ts - 10,000 workflow runs advanced by one step: a wait expiring
// into a call (the wait step recorded, the call step recorded and scheduled through the dial
// engine's scheduleCalls, every run left waiting for its call), through the same
// runDueWorkflowSteps loop the queue handler uses. Goal: <= 10 s. Not part of the tests.
//
//   DATABASE_URL  a migrated Postgres database (an organization is created and deleted)
//   RUNS=10000
import { randomBytes } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { createCampaign } from "@/lib/campaigns/campaigns";
import { campaignSchema } from "@/lib/campaigns/campaign-input";
import { createWorkflow } from "@/lib/workflows/workflows";
import { startRuns } from "@/lib/workflows/start-runs";
import { runDueWorkflowSteps } from "@/lib/workflows/runner";

const n = Number(process.env.RUNS ?? 10_000);
await getBoss();
const suffix = randomBytes(4).toString("hex");
const org = await db.organization.create({ data: { name: `Bench workflows ${suffix}`, slug: `bench-wf-${suffix}` } });
try {
  const agent = await db.agent.create({ data: { organizationId: org.id, name: "Bench agent", username: `bench-${suffix}` } });
  await db.callSettings.create({ data: { organizationId: org.id, maxConcurrentCalls: n * 2 } });
  const ctx = { organizationId: org.id, actor: { userId: null, apiKeyId: null, role: "admin" as const }, source: "system" as const };
  const workflow = await createWorkflow(ctx, {
    name: "Bench",
    definition: {
      steps: [
        { id: "wait", type: "wait", minutes: 60 },
        { id: "call", type: "call", agentId: agent.id },
      ],
    },
  });
  const campaign = await createCampaign(
    ctx,
    campaignSchema.parse({
      name: "Bench",
      description: "bench",
      campaignType: "emi",
      startDate: "2099-11-01",
      startTime: "09:00",
      endDate: "2100-03-31",
      endTime: "19:00",
      languages: ["hindi"],
      region: "south",
      workflowId: workflow.id,
    }),
  );
  await db.campaign.update({ where: { id: campaign.id }, data: { status: "active", maxConcurrentCalls: n * 2 } });
  const rows = Array.from({ length: n }, (_, i) => ({
    campaignId: campaign.id,
    identifier: `LN${i}`,
    phoneRaw: "x",
    phoneE164: `+9190${String(i).padStart(8, "0")}`,
  }));
  for (let i = 0; i < rows.length; i += 5_000) await db.customer.createMany({ data: rows.slice(i, i + 5_000) });
  const ids = (await db.customer.findMany({ where: { campaignId: campaign.id }, select: { id: true } })).map((c) => c.id);
  await startRuns(ctx, campaign, ids);
  const clock = manualClock("2099-12-07T04:30:00Z"); // Monday 10:00 IST
  while ((await runDueWorkflowSteps({ clock, organizationId: org.id })).claimed > 0); // arms every wait
  clock.advance(60 * 60_000);

  const started = performance.now();
  let steps = 0;
  for (;;) {
    const pass = await runDueWorkflowSteps({ clock, organizationId: org.id });
    steps += pass.steps;
    if (pass.claimed === 0) break;
  }
  const seconds = (performance.now() - started) / 1_000;
  const waiting = await db.workflowRun.count({ where: { campaignId: campaign.id, state: "waiting_call", callBatchId: { not: null } } });
  const calls = await db.call.count({ where: { campaignId: campaign.id } });
  console.log(
    JSON.stringify({
      runs: n,
      seconds: Number(seconds.toFixed(2)),
      waitStepsRecorded: steps,
      runsWaitingForCall: waiting,
      callsScheduled: calls,
      goalSeconds: 10,
    }),
  );
} finally {
  await db.organization.delete({ where: { id: org.id } }).catch(() => {});
  await stopBoss();
  await disconnectDb();
}
