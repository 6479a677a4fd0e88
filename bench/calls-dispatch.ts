// npx tsx bench/calls-dispatch.ts - dispatch of 10,000 calls with the simulated dialer at zero
// latency: attempts created (scheduleCalls, batches of 500 with their queue messages), checked at
// dial time (campaign, window, agent, DNC, frequency cap, one call per number, concurrency, caller
// number) and handed to the dialer, through the same dispatch passes the queue handler runs.
// Goal: >= 2,000 attempts/s. Not part of the tests.
//
//   DATABASE_URL  a migrated Postgres database (an organization is created and deleted)
//   ATTEMPTS=10000 RUNS=3
//
// Everything the dial depends on is set explicitly here, so a changed default elsewhere cannot
// turn the bench into a no-op: an active campaign whose window is open at the bench's clock
// (asserted before timing), an active agent, call settings with room for every attempt and a
// frequency cap no run reaches, fresh numbers per run, and each run's campaign (with its calls,
// still dialling) deleted after it. (Keeping them is how the bench once printed "dialed 0 of
// 10000": the third run found the organization's concurrency cap full of the first two.) Every
// attempt must reach the dialer exactly once (counted by the dialer and by the database);
// otherwise the bench stops and prints where the attempts ended (state, wait and block reasons).
import { randomBytes } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { checkWindow } from "@/lib/calls/calling-window";
import { scheduleCalls } from "@/lib/calls/schedule-calls";
import { drainDueAttempts } from "@/lib/calls/dispatch";
import type { Dialer } from "@/lib/calls/dialer";
import { createSimulatedDialer } from "@/lib/calls/simulated-dialer";

const attempts = Number(process.env.ATTEMPTS ?? 10_000);
const runs = Number(process.env.RUNS ?? 3);
/** 10:00 IST on a Monday: inside the campaign's hours and the legal window for debt collection. */
const CLOCK = "2099-12-07T04:30:00Z";

await getBoss();
const suffix = randomBytes(4).toString("hex");
const org = await db.organization.create({ data: { name: `Bench calls ${suffix}`, slug: `bench-calls-${suffix}` } });
try {
  const agent = await db.agent.create({
    data: { organizationId: org.id, name: "Bench agent", username: `bench-${suffix}`, active: true },
  });
  // Caps above the batch: the bench measures the checks, not waiting for slots.
  await db.callSettings.create({
    data: { organizationId: org.id, maxConcurrentCalls: attempts * 2, frequencyCap: 100, dialerKind: "simulated" },
  });
  // Two caller numbers: each dial takes one in turn (from_phone), as for a configured organization.
  await db.callerNumber.createMany({
    data: ["+918035450801", "+918035450802"].map((phoneE164) => ({ organizationId: org.id, phoneE164 })),
  });
  const ctx: Ctx = { organizationId: org.id, actor: { userId: null, apiKeyId: null, role: "admin" }, source: "system" };
  // One untimed run of 200 first: connections, prepared statements and the JIT warm up.
  await oneRun(ctx, agent.id, 9, Math.min(200, attempts), false);
  const figures: number[] = [];
  for (let run = 0; run < runs; run++) figures.push(await oneRun(ctx, agent.id, run, attempts, true));
  const median = [...figures].sort((a, b) => a - b)[Math.floor(figures.length / 2)];
  console.log(`median of ${runs}: ${Math.round(median)} attempts/s created + checked + dialled (goal >= 2000)`);
} finally {
  await db.organization.delete({ where: { id: org.id } });
  await stopBoss();
  await disconnectDb();
}

type Ctx = { organizationId: string; actor: { userId: null; apiKeyId: null; role: "admin" }; source: "system" };

/** One campaign of `attempts` fresh numbers (+919<run>...), scheduled and drained; returns attempts/s. */
async function oneRun(ctx: Ctx, agentId: string, run: number, attempts: number, print: boolean): Promise<number> {
  {
    const campaign = await db.campaign.create({
      data: {
        id: `camp_bench_${suffix}_${run}`,
        organizationId: ctx.organizationId,
        name: `Bench ${run}`,
        serviceType: "debt_collection",
        campaignType: "emi",
        status: "active",
        startDate: "2099-11-01",
        startTime: "09:00",
        endDate: "2100-03-31",
        endTime: "19:00",
        timezone: "Asia/Kolkata",
        languages: ["hindi"],
        fieldSchema: [],
        maxConcurrentCalls: attempts * 2,
      },
    });
    const clock = manualClock(CLOCK);
    const window = checkWindow(clock.now(), campaign);
    if (!window.open) throw new Error(`bench setup: the campaign's window is not open at ${CLOCK}: ${JSON.stringify(window)}`);
    // Some DNC entries, so the dial-time DNC check has rows to match.
    await db.dncEntry.createMany({
      data: Array.from({ length: 200 }, (_, i) => ({
        organizationId: ctx.organizationId,
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

    // Zero dialing latency; the results are not part of this figure (due a day later, never delivered here).
    const handed = new Map<string, number>();
    const simulated = createSimulatedDialer({ delayMs: 86_400_000 });
    const dialer: Dialer = {
      kind: "simulated",
      place(attempt) {
        handed.set(attempt.callId, (handed.get(attempt.callId) ?? 0) + 1);
        return simulated.place(attempt);
      },
    };

    const started = performance.now();
    const scheduled = await scheduleCalls(ctx, { campaignId: campaign.id, customerIds, agentId, dispositionId: null, clock });
    const scheduledMs = performance.now() - started;
    const passes = await drainDueAttempts({ clock, organizationId: ctx.organizationId, limit: 1_000, dialerFor: () => dialer });
    const totalMs = performance.now() - started;

    const dialed = passes.reduce((sum, p) => sum + p.placed, 0);
    const twice = [...handed.values()].filter((n) => n > 1).length;
    const [db_] = await db.$queryRaw<{ dialed: number; customers: number; placed: number }[]>`
      SELECT count(*)::int AS dialed, count(DISTINCT "customerId")::int AS customers,
             count(*) FILTER (WHERE "providerCallId" IS NOT NULL)::int AS placed
      FROM calls WHERE "campaignId" = ${campaign.id} AND state = 'dialing'`;
    if (
      scheduled.initiated !== attempts ||
      dialed !== attempts ||
      handed.size !== attempts ||
      twice > 0 ||
      db_.placed !== attempts ||
      db_.customers !== attempts
    ) {
      const states = await db.$queryRaw<unknown[]>`
        SELECT state::text, "waitReason", "blockedReason", count(*)::int AS n, min("notBefore") AS "firstNotBefore"
        FROM calls WHERE "campaignId" = ${campaign.id} GROUP BY 1, 2, 3 ORDER BY 4 DESC`;
      console.error("where the attempts ended:", states);
      console.error("scheduling errors (first 5):", scheduled.errors.slice(0, 5));
      throw new Error(
        `initiated ${scheduled.initiated}, dialed ${dialed} of ${attempts}; dialer saw ${handed.size} attempts, ${twice} twice; ` +
          `database: ${db_.placed} placed, ${db_.customers} customers`,
      );
    }
    // The run's calls stay `dialing` (their results are due a day later): without this they would
    // hold the organization's concurrency slots and the next run would wait for a free one.
    await db.campaign.delete({ where: { id: campaign.id } });
    const rate = attempts / (totalMs / 1000);
    if (print)
      console.log(
        `run ${run + 1}: ${attempts} attempts scheduled in ${scheduledMs.toFixed(0)} ms, checked and dialled in ${(totalMs - scheduledMs).toFixed(0)} ms (${passes.length} passes), each dialled exactly once: ${Math.round(rate)} attempts/s end to end`,
      );
    return rate;
  }
}
