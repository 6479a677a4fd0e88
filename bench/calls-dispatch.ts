// npx tsx bench/calls-dispatch.ts - dispatch of 10,000 calls with the simulated dialer at zero
// latency: attempts created (scheduleCalls, batches of 500 with their queue messages), checked at
// dial time (campaign, window, agent, DNC, frequency cap, one call per number, concurrency) and
// handed to the dialer, through the same runDueAttempts loop the queue handler uses. Goal:
// >= 2,000 attempts/s. Not part of the tests.
//
//   DATABASE_URL  a migrated Postgres database (an organization is created and deleted)
//   ATTEMPTS=10000 RUNS=3
import { randomBytes } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { createCampaign } from "@/lib/campaigns/campaigns";
import { campaignSchema } from "@/lib/campaigns/campaign-input";
import { scheduleCalls } from "@/lib/calls/schedule-calls";
import { drainDueAttempts } from "@/lib/calls/dispatch";
import { createSimulatedDialer } from "@/lib/calls/simulated-dialer";

const attempts = Number(process.env.ATTEMPTS ?? 10_000);
const runs = Number(process.env.RUNS ?? 3);
await getBoss();
const suffix = randomBytes(4).toString("hex");
const org = await db.organization.create({ data: { name: `Bench calls ${suffix}`, slug: `bench-calls-${suffix}` } });
try {
  const agent = await db.agent.create({ data: { organizationId: org.id, name: "Bench agent", username: `bench-${suffix}` } });
  // Caps above the batch: the bench measures the checks, not waiting for slots.
  await db.callSettings.create({ data: { organizationId: org.id, maxConcurrentCalls: attempts * 2 } });
  const ctx = { organizationId: org.id, actor: { userId: null, apiKeyId: null, role: "admin" as const }, source: "system" as const };
  // Zero dialing latency; the results are not part of this figure (due a day later, never delivered here).
  const dialerFor = () => createSimulatedDialer({ delayMs: 86_400_000 });
  const figures: number[] = [];
  for (let run = 0; run < runs; run++) {
    const campaign = await createCampaign(
      ctx,
      campaignSchema.parse({
        name: `Bench ${run}`,
        description: "bench",
        campaignType: "emi",
        startDate: "2099-11-01",
        startTime: "09:00",
        endDate: "2100-03-31",
        endTime: "19:00",
        languages: ["hindi"],
        region: "south",
      }),
    );
    await db.campaign.update({ where: { id: campaign.id }, data: { maxConcurrentCalls: attempts * 2 } });
    // Some DNC entries, so the dial-time DNC check has rows to match.
    await db.dncEntry.createMany({
      data: Array.from({ length: 200 }, (_, i) => ({
        organizationId: org.id,
        scope: "",
        phoneRaw: "x",
        phoneE164: `+9180${run}${String(i).padStart(7, "0")}`,
      })),
    });
    const rows = Array.from({ length: attempts }, (_, i) => ({
      campaignId: campaign.id,
      identifier: `LN${i}`,
      phoneRaw: "x",
      phoneE164: `+919${run}${String(i).padStart(8, "0")}`,
    }));
    for (let i = 0; i < rows.length; i += 5_000) await db.customer.createMany({ data: rows.slice(i, i + 5_000) });
    const customerIds = (await db.customer.findMany({ where: { campaignId: campaign.id }, select: { id: true } })).map((c) => c.id);
    const clock = manualClock("2099-12-07T04:30:00Z"); // 10:00 IST, window open

    const started = performance.now();
    const scheduled = await scheduleCalls(ctx, { campaignId: campaign.id, customerIds, agentId: agent.id, dispositionId: null, clock });
    const scheduledMs = performance.now() - started;
    const passes = await drainDueAttempts({ clock, organizationId: org.id, limit: 1_000, dialerFor });
    const totalMs = performance.now() - started;
    const dialed = passes.reduce((sum, p) => sum + p.placed, 0);
    if (scheduled.initiated !== attempts || dialed !== attempts)
      throw new Error(`initiated ${scheduled.initiated}, dialed ${dialed} of ${attempts}`);
    const rate = attempts / (totalMs / 1000);
    figures.push(rate);
    console.log(
      `run ${run + 1}: ${attempts} attempts scheduled in ${scheduledMs.toFixed(0)} ms, checked and dialled in ${(totalMs - scheduledMs).toFixed(0)} ms (${passes.length} passes): ${Math.round(rate)} attempts/s end to end`,
    );
  }
  const median = [...figures].sort((a, b) => a - b)[Math.floor(figures.length / 2)];
  console.log(`median: ${Math.round(median)} attempts/s created + checked + dialled (goal >= 2000)`);
} finally {
  await db.organization.delete({ where: { id: org.id } });
  await stopBoss();
  await disconnectDb();
}
