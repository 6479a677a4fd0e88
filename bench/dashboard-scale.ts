// npx tsx bench/dashboard-scale.ts - the campaign dashboard's server time at scale: one campaign with
// CUSTOMERS customers and CALLS call attempts (results over 90 days, some blocked, some waiting),
// plus a second campaign half that size so the indexes must discriminate, all written with
// INSERT … SELECT generate_series. Then the dashboard's query functions run together, as the page
// runs them (in parallel), RUNS times; prints p50/p95 and EXPLAIN ANALYZE of the slowest query.
// Goal: p50 <= 300 ms. Not part of the tests. The organization is deleted at the end (KEEP=1 keeps it).
//
//   DATABASE_URL  a migrated Postgres database
//   CUSTOMERS=1000000 CALLS=1000000 RUNS=20
import { randomBytes } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { campaignKpis } from "@/lib/dashboard/campaign-kpis";
import { defaultRange, dispositionBreakdown, outcomesPerDay } from "@/lib/dashboard/campaign-charts";
import { liveUploadJobs, recentResults } from "@/lib/dashboard/campaign-activity";
import { waitingSummary } from "@/lib/calls/campaign-waiting";

const customers = Number(process.env.CUSTOMERS ?? 1_000_000);
const calls = Number(process.env.CALLS ?? 1_000_000);
const runs = Number(process.env.RUNS ?? 20);
const suffix = randomBytes(4).toString("hex");
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

const org = await db.organization.create({ data: { name: `Bench dashboard ${suffix}`, slug: `bench-dash-${suffix}` } });
try {
  const agent = await db.agent.create({ data: { organizationId: org.id, name: "Bench agent", username: `bench-${suffix}` } });
  const fieldSchema = { fields: [{ key: "loan_id", label: "Loan", type: "string", required: true }], identifierKey: "loan_id" };
  const mk = (name: string) =>
    db.campaign.create({
      data: { organizationId: org.id, name, serviceType: "debt_collection", campaignType: "emi", status: "active", fieldSchema },
    });
  const [main, second] = [await mk(`Bench main ${suffix}`), await mk(`Bench second ${suffix}`)];

  const load = async (campaignId: string, nCustomers: number, nCalls: number, prefix: string) => {
    const t = process.hrtime.bigint();
    await db.$executeRawUnsafe(
      `
      INSERT INTO customers ("campaignId", identifier, "phoneRaw", "phoneE164", "firstName", "lastCallStatus", "lastCallAt", "updatedAt")
      SELECT $1, 'LN' || i, '9' || lpad(i::text, 9, '0'), '+91${prefix}' || lpad(i::text, 9, '0'), 'Customer ' || i,
             CASE WHEN i % 3 = 0 THEN 'Contacted' WHEN i % 3 = 1 THEN 'No Contact' ELSE NULL END,
             CASE WHEN i % 3 <> 2 THEN now() - (i % 90) * interval '1 day' END, now()
      FROM generate_series(1, $2::int) AS i`,
      campaignId,
      nCustomers,
    );
    // Attempt i goes to customer (i % nCustomers): results over 90 days, 1 % blocked (DNC / cap), 0.1 % waiting.
    await db.$executeRawUnsafe(
      `
      WITH c AS (SELECT id, "phoneE164", row_number() OVER (ORDER BY identifier) - 1 AS k FROM customers WHERE "campaignId" = $1)
      INSERT INTO calls ("organizationId", "campaignId", "customerId", "agentId", state, attempt, "toPhone", outcome, "outcomeDisposition", duration,
                         "extractedData", "blockedReason", "waitReason", "notBefore", "dialedAt", "finishedAt", "createdAt", "updatedAt")
      SELECT $2, $1, c.id, $3,
             (CASE WHEN i % 100 = 0 THEN 'blocked' WHEN i % 1000 = 1 THEN 'scheduled' WHEN i % 7 = 0 THEN 'failed' ELSE 'completed' END)::"CallState",
             1 + i / $4::int, c."phoneE164",
             CASE WHEN i % 100 = 0 OR i % 1000 = 1 THEN NULL WHEN i % 7 = 0 THEN 'Failed' WHEN i % 2 = 0 THEN 'Contacted' ELSE 'No Contact' END,
             CASE WHEN i % 100 = 0 OR i % 1000 = 1 OR i % 7 = 0 THEN NULL ELSE (ARRAY['PTP', 'Callback', 'Busy', 'Wrong number', 'Refused'])[1 + i % 5] END,
             CASE WHEN i % 2 = 0 THEN 30 + i % 300 END,
             CASE WHEN i % 2 = 0 AND i % 10 = 4 THEN '{"promise_to_pay_date": "2026-12-20"}'::jsonb END,
             CASE WHEN i % 200 = 0 THEN 'dnc' WHEN i % 100 = 0 THEN 'frequency_cap' END,
             CASE WHEN i % 1000 = 1 THEN 'window' END,
             now() + interval '10 hours',
             now() - (i % 90) * interval '1 day', CASE WHEN i % 1000 <> 1 THEN now() - (i % 90) * interval '1 day' END,
             now() - (i % 90) * interval '1 day', now()
      FROM generate_series(0, $5::int - 1) AS i JOIN c ON c.k = i % $4::int`,
      campaignId,
      org.id,
      agent.id,
      nCustomers,
      nCalls,
    );
    console.log(`loaded ${nCustomers} customers and ${nCalls} calls into ${campaignId} in ${(ms(t) / 1000).toFixed(1)} s`);
  };
  await load(main.id, customers, calls, "7");
  await load(second.id, Math.floor(customers / 2), Math.floor(calls / 2), "8");
  await db.dncEntry.createMany({
    data: Array.from({ length: 500 }, (_, i) => ({
      organizationId: org.id,
      scope: i % 2 ? "" : main.id,
      campaignId: i % 2 ? null : main.id,
      phoneRaw: "x",
      phoneE164: `+917${String(i * 997).padStart(9, "0")}`,
    })),
  });
  await db.$executeRawUnsafe("VACUUM ANALYZE customers");
  await db.$executeRawUnsafe("VACUUM ANALYZE calls");
  await db.$executeRawUnsafe("ANALYZE dnc_entries");

  const campaign = { id: main.id, organizationId: org.id, status: "active" };
  const range = defaultRange(new Date());
  const page = () =>
    Promise.all([
      campaignKpis(campaign),
      waitingSummary(campaign),
      outcomesPerDay(campaign.id, range),
      dispositionBreakdown(campaign.id, range),
      recentResults(campaign.id),
      liveUploadJobs(campaign, new Date()),
    ]);
  await page(); // warm the pool and the caches
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    await page();
    times.push(ms(t));
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
  console.log(`campaign dashboard (${runs} runs): p50 ${pct(50)} ms, p95 ${pct(95)} ms (goal p50 <= 300 ms)`);

  // Each query alone, to find the slowest, then its plan.
  const single: [string, () => Promise<unknown>][] = [
    ["campaignKpis", () => campaignKpis(campaign)],
    ["waitingSummary", () => waitingSummary(campaign)],
    ["outcomesPerDay", () => outcomesPerDay(campaign.id, range)],
    ["dispositionBreakdown", () => dispositionBreakdown(campaign.id, range)],
    ["recentResults", () => recentResults(campaign.id)],
  ];
  for (const [name, run] of single) {
    const t: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = process.hrtime.bigint();
      await run();
      t.push(ms(s));
    }
    console.log(`  ${name}: median ${t.sort((a, b) => a - b)[2].toFixed(1)} ms`);
  }
  const explain = async (label: string, sql: string, params: unknown[]) => {
    const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, ...params);
    console.log(`\nEXPLAIN ANALYZE ${label}:\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  };
  // The figures are sums of the rollups the triggers keep; what still reads the big tables is the
  // promise-to-pay contacts (a partial index) and the DNC count (from the active entries).
  await explain(
    "attempt figures (campaignKpis, rollup)",
    `SELECT sum(calls) FILTER (WHERE outcome = 'Contacted'), sum(calls) FILTER (WHERE outcome = 'No Contact'), sum("durationSum"), sum("durationN"), sum(promises), sum(calls) FILTER (WHERE blocked = 'dnc') FROM campaign_call_stats WHERE "campaignId" = $1`,
    [main.id],
  );
  await explain(
    "promise-to-pay contacts (campaignKpis)",
    `SELECT count(DISTINCT "customerId") FROM calls WHERE "campaignId" = $1 AND outcome = 'Contacted' AND "extractedData" ? 'promise_to_pay_date'`,
    [main.id],
  );
  await explain(
    "outcomes per day (rollup)",
    `SELECT day, outcome, sum(calls) FROM campaign_call_stats WHERE "campaignId" = $1 AND outcome <> '' AND day BETWEEN $2::date AND $3::date GROUP BY 1, 2`,
    [main.id, range.from, range.to],
  );
} finally {
  if (!process.env.KEEP) {
    await db.call.deleteMany({ where: { organizationId: org.id } });
    await db.organization.delete({ where: { id: org.id } });
  }
  await disconnectDb();
}
