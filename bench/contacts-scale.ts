// npm run bench:contacts - the contacts page's and the upload-job page's server time at scale (never
// part of the tests). Loads (or reuses, see bench/scale-data.ts) the data set bench:dashboard uses:
// one campaign with CUSTOMERS customers from 10 upload jobs (one with PROBLEMS per-row problems) and
// CALLS calls in the jobs' call batches, and a second campaign on the same phone numbers. Then times
// the functions the pages call:
//   contacts page: searchCustomers with a phone typed as "98765 43210" / "+91 98765-43210"
//                  (goal p50 <= 150 ms), and for reference a prefix, an identifier, a name, a job and no search;
//   upload-job page: uploadJobDetail + jobProblems (first page) + uploadJobCalls, in parallel as the page
//                  runs them (goal <= 150 ms), and the Calls page filtered by the job.
// Prints p50/p95 and EXPLAIN (ANALYZE, BUFFERS) of the slowest contacts statement and of the job page's
// slowest read.
//
//   DATABASE_URL=postgresql://… npm run bench:contacts            (1,000,000 customers and calls)
//   DATABASE_URL=… CUSTOMERS=20000 npm run bench:contacts          (a small run that proves it works)
//   RUNS (15), WARMUP (3); DROP=1 deletes the data set at the end (otherwise it is kept for the next run
//   and for bench:dashboard).
import { db, disconnectDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { contactFiltersSchema } from "@/lib/customers/contact-filters";
import { contactsQueries, searchCustomers } from "@/lib/customers/search-customers";
import { uploadJobDetail } from "@/lib/upload-jobs/job-detail";
import { jobProblems, problemFiltersSchema } from "@/lib/upload-jobs/job-problems";
import { uploadJobCalls } from "@/lib/calls/upload-calls";
import { listCalls } from "@/lib/calls/call-list";
import { captureStatements, dropScaleData, explainStatements, installLoggingClient, measure, scaleData, scalePhone } from "./scale-data";

if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to a migrated database (npm run migrate).");
  process.exit(1);
}

installLoggingClient();
const data = await scaleData();
const ctx: DomainContext = { organizationId: data.organizationId, actor: { userId: null, apiKeyId: null, role: "admin" }, source: "ui" };

try {
  const big = data.main;
  // A phone in the middle of the big campaign, typed the way people type it.
  const n = Math.floor(data.sizes.customers / 2);
  const national = scalePhone(n).slice(3);
  const spaced = `${national.slice(0, 5)} ${national.slice(5)}`;
  const filters = (q: Record<string, unknown>) => contactFiltersSchema.parse(q);
  const problemJob = data.jobIds[0];
  const jobPage = () =>
    Promise.all([
      uploadJobDetail(ctx, problemJob),
      jobProblems(ctx, problemJob, problemFiltersSchema.parse({})),
      uploadJobCalls(ctx, problemJob),
    ]);
  const scenarios: Scenario[] = [
    {
      label: `contacts: phone "${spaced}"`,
      run: () => searchCustomers(ctx, big.id, filters({ q: spaced })),
      explain: filters({ q: spaced }),
    },
    {
      label: `contacts: phone "+91 ${national.slice(0, 5)}-${national.slice(5)}"`,
      run: () => searchCustomers(ctx, big.id, filters({ q: `+91 ${national.slice(0, 5)}-${national.slice(5)}` })),
    },
    {
      label: `contacts: phone prefix "${national.slice(0, 7)}"`,
      run: () => searchCustomers(ctx, big.id, filters({ q: national.slice(0, 7) })),
      explain: filters({ q: national.slice(0, 7) }),
    },
    { label: `contacts: identifier "LN${n}"`, run: () => searchCustomers(ctx, big.id, filters({ q: `LN${n}` })) },
    { label: "contacts: no search, first page", run: () => searchCustomers(ctx, big.id, filters({})), explain: filters({}) },
    {
      label: 'contacts: name "Meera" (not indexed: a scan)',
      run: () => searchCustomers(ctx, big.id, filters({ q: "Meera" })),
      explain: filters({ q: "Meera" }),
    },
    { label: "contacts: filtered by upload job", run: () => searchCustomers(ctx, big.id, filters({ job: data.jobIds[3] })) },
    { label: `upload-job page: detail + problems + calls (${data.sizes.problems.toLocaleString()} problems)`, run: jobPage },
    {
      label: "upload-job page: problems filtered by kind",
      run: () => jobProblems(ctx, problemJob, problemFiltersSchema.parse({ problem: "duplicate" })),
    },
    { label: "upload-job page: the calls it started", run: () => uploadJobCalls(ctx, problemJob) },
    { label: "Calls page filtered by the job", run: () => listCalls(ctx, { uploadJobId: problemJob }, { page: 1, perPage: 25 }) },
  ];

  const results = [];
  for (const scenario of scenarios) {
    const times = await measure(scenario.run);
    results.push({ scenario, ...times });
    console.log(`${scenario.label.padEnd(66)} p50 ${times.p50.toFixed(1).padStart(7)} ms   p95 ${times.p95.toFixed(1).padStart(7)} ms`);
  }
  const phone = results[0];
  const job = results.find((r) => r.scenario.run === jobPage)!;
  console.log("");
  console.log(
    `goal: contacts page with a phone search p50 <= 150 ms: ${phone.p50.toFixed(1)} ms ${phone.p50 <= 150 ? "(met)" : "(NOT met)"}`,
  );
  console.log(
    `goal: upload-job detail <= 150 ms: p50 ${job.p50.toFixed(1)} ms, p95 ${job.p95.toFixed(1)} ms ${job.p95 <= 150 ? "(met)" : "(NOT met)"}`,
  );

  // The phone search (the goal) and the slowest contacts query, each statement explained.
  const slowest = results.filter((r) => r.scenario.explain).sort((a, b) => b.p50 - a.p50)[0];
  for (const [what, r] of [
    ["the phone search", phone],
    ["slowest contacts query", slowest],
  ] as const) {
    if (what === "slowest contacts query" && r === phone) continue;
    const queries = contactsQueries(ctx, big.id, r.scenario.explain!, "IN");
    for (const [name, sql] of [
      ["rows", queries.rows],
      ["count", queries.count],
    ] as const) {
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — ${what}: ${r.scenario.label}, ${name} statement`);
      const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
      for (const line of plan) console.log(`  ${line["QUERY PLAN"]}`);
    }
  }
  // The job page's reads, each alone; the slowest one explained.
  const jobReads: [string, () => Promise<unknown>][] = [
    ["uploadJobDetail", () => uploadJobDetail(ctx, problemJob)],
    ["jobProblems", () => jobProblems(ctx, problemJob, problemFiltersSchema.parse({}))],
    ["uploadJobCalls", () => uploadJobCalls(ctx, problemJob)],
  ];
  const timed = [];
  for (const [name, run] of jobReads) timed.push({ name, run, ...(await measure(run, 7, 1)) });
  const slowJob = timed.sort((a, b) => b.p50 - a.p50)[0];
  console.log(`\nupload-job page reads: ${timed.map((t) => `${t.name} ${t.p50.toFixed(1)} ms`).join(", ")}`);
  await explainStatements(`the job page's slowest read, ${slowJob.name}`, await captureStatements(slowJob.run));
} finally {
  if (process.env.DROP === "1") await dropScaleData(data.organizationId);
  await disconnectDb();
}

type Scenario = { label: string; run: () => Promise<unknown>; explain?: ReturnType<typeof contactFiltersSchema.parse> };
