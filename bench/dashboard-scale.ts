// npm run bench:dashboard - the campaign dashboard's server time at scale (never part of the tests).
// Loads (or reuses, see bench/scale-data.ts) one campaign with CUSTOMERS customers and CALLS call
// attempts plus a second campaign half that size, then runs the dashboard's reads as the page runs
// them (the campaign first, then every widget in parallel) RUNS times; prints p50/p95, each read
// alone, and EXPLAIN (ANALYZE, BUFFERS) of the slowest read's statements. Goal: p50 <= 300 ms.
//
//   DATABASE_URL=postgresql://… npm run bench:dashboard            (1,000,000 customers and calls)
//   DATABASE_URL=… CUSTOMERS=20000 npm run bench:dashboard          (a small run that proves it works)
//   RUNS (15), WARMUP (3); DROP=1 deletes the data set at the end (otherwise it is kept for the next run
//   and for bench:contacts, which uses the same data set).
import { disconnectDb } from "@/lib/db/client";
import { campaignKpis } from "@/lib/dashboard/campaign-kpis";
import { defaultRange, dispositionBreakdown, outcomesPerDay } from "@/lib/dashboard/campaign-charts";
import { liveUploadJobs, recentResults } from "@/lib/dashboard/campaign-activity";
import { dashboardCampaign } from "@/lib/dashboard/dashboard-campaign";
import { waitingSummary } from "@/lib/calls/campaign-waiting";
import { campaignRunsSummary } from "@/lib/workflows/campaign-runs-summary";
import { captureStatements, dropScaleData, explainStatements, installLoggingClient, measure, scaleData } from "./scale-data";

if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to a migrated database (npm run migrate).");
  process.exit(1);
}

installLoggingClient();
const data = await scaleData();
try {
  const { main, organizationId } = data;
  const now = new Date();
  const range = defaultRange(now);
  const reads: [string, () => Promise<unknown>][] = [
    ["campaignKpis", () => campaignKpis(main)],
    ["waitingSummary", () => waitingSummary(main)],
    ["outcomesPerDay", () => outcomesPerDay(main.id, range)],
    ["dispositionBreakdown", () => dispositionBreakdown(main.id, range)],
    ["recentResults", () => recentResults(main.id)],
    ["recentResults (Contacted)", () => recentResults(main.id, "Contacted")],
    ["liveUploadJobs", () => liveUploadJobs(main, now)],
    ["campaignRunsSummary", () => campaignRunsSummary(organizationId, main.id)],
  ];
  const page = async () => {
    await dashboardCampaign(organizationId, main.id);
    await Promise.all(reads.filter(([name]) => name !== "recentResults (Contacted)").map(([, run]) => run()));
  };
  const whole = await measure(page);
  console.log(
    `\ncampaign dashboard (${data.sizes.customers.toLocaleString()} customers, ${data.sizes.calls.toLocaleString()} calls): ` +
      `p50 ${whole.p50.toFixed(1)} ms, p95 ${whole.p95.toFixed(1)} ms — goal p50 <= 300 ms ${whole.p50 <= 300 ? "(met)" : "(NOT met)"}`,
  );

  const single: { name: string; p50: number }[] = [];
  for (const [name, run] of reads) {
    const t = await measure(run, 7, 1);
    single.push({ name, p50: t.p50 });
    console.log(`  ${name.padEnd(28)} p50 ${t.p50.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms`);
  }
  const slowest = [...single].sort((a, b) => b.p50 - a.p50)[0];
  console.log(`\nslowest read: ${slowest.name}`);

  // The statements of the slowest read, captured from Prisma's query log, explained with their parameters.
  await explainStatements(
    `slowest dashboard read, ${slowest.name}`,
    await captureStatements(reads.find(([name]) => name === slowest.name)![1]),
  );
} finally {
  if (process.env.DROP === "1") await dropScaleData(data.organizationId);
  await disconnectDb();
}
