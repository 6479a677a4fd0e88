// Benchmark of the contacts and upload-job screens' server-side queries at scale (never part of
// the tests). Loads one campaign with SIZE (default 1,000,000) customers and a second campaign of
// the same organization with SIZE/4 customers sharing the same phone numbers (so an index on the
// phone alone cannot answer: it must discriminate by campaign), 10 upload jobs over the big
// campaign (one of them holding 10,000 per-row problems) and 10,000 DNC entries — all with
// INSERT … SELECT generate_series. Then times the functions the pages call:
//   contacts page: searchCustomers with a phone typed as "98765 43210" / "+91 98765-43210"
//                  (goal p50 <= 150 ms), and for reference an identifier, a name and no search;
//   upload-job page: uploadJobDetail + jobProblems (first page), as the page runs them (goal <= 150 ms).
// Prints p50/p95 and EXPLAIN (ANALYZE, BUFFERS) of the slowest statement. Deletes what it made
// unless KEEP=1.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<db> npx tsx bench/contacts-scale.ts
//
// The database must be migrated (npm run migrate). SIZE, PROBLEMS (10,000), RUNS (15) and WARMUP (3) can be set.
import { randomBytes } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestCampaign } from "@/lib/test/fixtures";
import type { DomainContext } from "@/lib/domain/context";
import { contactFiltersSchema } from "@/lib/customers/contact-filters";
import { contactsQueries, searchCustomers } from "@/lib/customers/search-customers";
import { uploadJobDetail } from "@/lib/upload-jobs/job-detail";
import { jobProblems, problemFiltersSchema } from "@/lib/upload-jobs/job-problems";

const SIZE = Number(process.env.SIZE ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 15);
const WARMUP = Number(process.env.WARMUP ?? 3);
const JOBS = 10;
const PROBLEMS = Number(process.env.PROBLEMS ?? 10_000);

if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to a migrated database.");
  process.exit(1);
}

const suffix = randomBytes(4).toString("hex");
const org = await db.organization.create({ data: { name: `Bench ${suffix}`, slug: `bench-${suffix}` } });
const ctx: DomainContext = { organizationId: org.id, actor: { userId: null, apiKeyId: null, role: "admin" }, source: "ui" };

try {
  const big = await createTestCampaign(org.id, "emi");
  const other = await createTestCampaign(org.id, "emi");
  const loadStart = performance.now();
  const jobIds = await load(big.id, other.id);
  console.log(
    `loaded ${SIZE.toLocaleString()} + ${(SIZE / 4).toLocaleString()} customers, ${JOBS} jobs, ${PROBLEMS.toLocaleString()} problems in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
  );

  // A phone in the middle of the big campaign, typed the way people type it.
  const n = Math.floor(SIZE / 2);
  const national = phoneOf(n).slice(3);
  const spaced = `${national.slice(0, 5)} ${national.slice(5)}`;
  const filters = (q: Record<string, unknown>) => contactFiltersSchema.parse(q);
  const problemJob = jobIds[0];
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
    { label: "contacts: filtered by upload job", run: () => searchCustomers(ctx, big.id, filters({ job: jobIds[3] })) },
    {
      label: `upload-job page: detail + problems (${PROBLEMS.toLocaleString()} rows)`,
      run: () => Promise.all([uploadJobDetail(ctx, problemJob), jobProblems(ctx, problemJob, problemFiltersSchema.parse({}))]),
    },
    {
      label: "upload-job page: problems filtered by kind",
      run: () => jobProblems(ctx, problemJob, problemFiltersSchema.parse({ problem: "duplicate" })),
    },
  ];

  const results = [];
  for (const scenario of scenarios) {
    const times = await measure(scenario.run);
    results.push({ scenario, ...times });
    console.log(`${scenario.label.padEnd(62)} p50 ${times.p50.toFixed(1).padStart(7)} ms   p95 ${times.p95.toFixed(1).padStart(7)} ms`);
  }
  const phone = results[0];
  const job = results.find((r) => r.scenario.label.startsWith("upload-job page: detail"))!;
  console.log("");
  console.log(
    `goal: contacts page with a phone search p50 <= 150 ms: ${phone.p50.toFixed(1)} ms ${phone.p50 <= 150 ? "(met)" : "(NOT met)"}`,
  );
  console.log(
    `goal: upload-job detail <= 150 ms: p50 ${job.p50.toFixed(1)} ms, p95 ${job.p95.toFixed(1)} ms ${job.p95 <= 150 ? "(met)" : "(NOT met)"}`,
  );

  const slowest = results.filter((r) => r.scenario.explain).sort((a, b) => b.p50 - a.p50)[0];
  const queries = contactsQueries(ctx, big.id, slowest.scenario.explain!, "IN");
  for (const [name, sql] of [
    ["rows", queries.rows],
    ["count", queries.count],
  ] as const) {
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — slowest contacts query: ${slowest.scenario.label}, ${name} statement`);
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
    for (const line of plan) console.log(`  ${line["QUERY PLAN"]}`);
  }
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — the job page's problems page`);
  const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS)
    SELECT e.value FROM upload_jobs j, jsonb_array_elements(j."rowErrors") WITH ORDINALITY AS e(value, ord) WHERE j.id = ${problemJob} ORDER BY e.ord LIMIT 100`;
  // (the page's statement also classifies each row; see lib/upload-jobs/job-problems.ts)
  for (const line of plan) console.log(`  ${line["QUERY PLAN"]}`);
} finally {
  if (process.env.KEEP !== "1") {
    await db.$executeRaw`DELETE FROM customers WHERE "campaignId" IN (SELECT id FROM campaigns WHERE "organizationId" = ${org.id})`;
    await db.organization.delete({ where: { id: org.id } });
  }
  await disconnectDb();
}

type Scenario = { label: string; run: () => Promise<unknown>; explain?: ReturnType<typeof contactFiltersSchema.parse> };

async function measure(run: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

function phoneOf(n: number) {
  return `+9198${String(n).padStart(8, "0")}`;
}

async function load(bigId: string, otherId: string): Promise<string[]> {
  const jobIds = Array.from({ length: JOBS }, (_, i) => `upl_bench${suffix}${i}`);
  const per = Math.ceil(SIZE / JOBS);
  for (const [i, id] of jobIds.entries()) {
    await db.uploadJob.create({
      data: {
        id,
        organizationId: org.id,
        campaignId: bigId,
        source: "timepay_api",
        status: "completed",
        reference: id,
        fileName: `bench-${i}.csv`,
        total: per + (i === 0 ? PROBLEMS : 0),
        processed: per + (i === 0 ? PROBLEMS : 0),
        valid: per,
        successful: per,
        invalid: i === 0 ? PROBLEMS / 2 : 0,
        duplicates: i === 0 ? PROBLEMS / 2 : 0,
        failed: i === 0 ? PROBLEMS : 0,
      },
    });
  }
  await db.$executeRaw`
    UPDATE upload_jobs SET "rowErrors" = (
      SELECT jsonb_agg(jsonb_build_object('index', g, 'id', 'LNX' || g, 'errors',
        CASE WHEN g % 2 = 0 THEN jsonb_build_array('Record ' || g || ': Invalid phone_number ''12345'': too short')
             ELSE jsonb_build_array('loan_id ''LN' || g || ''' already exists in this campaign') END) ORDER BY g)
      FROM generate_series(0, ${PROBLEMS - 1}) g)
    WHERE id = ${jobIds[0]}`;
  const names = ["Asha", "Ravi", "Meera", "Kabir", "Priya", "Arjun", "Divya", "Rahul", "Sneha", "Vikram"];
  const last = ["Verma", "Kumar", "Nair", "Das", "Iyer", "Mehta", "Rao", "Sharma", "Patel", "Singh"];
  const insert = (campaignId: string, count: number, withJobs: boolean) => db.$executeRaw`
    INSERT INTO customers (id, "campaignId", identifier, "phoneRaw", "phoneE164", "firstName", "lastName", language, "assignedTo", status, data, "uploadJobId", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${campaignId}, 'LN' || g, '98' || lpad(g::text, 8, '0'), '+9198' || lpad(g::text, 8, '0'),
           (${names}::text[])[1 + g % 10] || CASE WHEN g % 1000 = 0 THEN '' ELSE 'x' || (g % 97) END, (${last}::text[])[1 + (g / 10) % 10], 'hindi',
           CASE WHEN g % 3 = 0 THEN 'priya' ELSE NULL END, 'new',
           jsonb_build_object('loan_amount', 50000 + g % 1000, 'emi_amount', 2500, 'loan_period', 12, 'current_emi', 5, 'emi_due_date', '2025-03-15', 'payment_status', 'pending'),
           CASE WHEN ${withJobs} THEN (${jobIds}::text[])[1 + (g - 1) / ${per}] ELSE NULL END,
           now() - g * interval '1 second', now()
    FROM generate_series(1, ${count}) g`;
  await insert(bigId, SIZE, true);
  await insert(otherId, Math.floor(SIZE / 4), false);
  await db.$executeRaw`
    INSERT INTO dnc_entries (id, "organizationId", "campaignId", scope, "phoneRaw", "phoneE164", status, "createdAt")
    SELECT 'dnc_bench_' || ${suffix} || g, ${org.id}, NULL, '', '98' || lpad((g * 97)::text, 8, '0'), '+9198' || lpad((g * 97)::text, 8, '0'), 'active', now()
    FROM generate_series(1, 10000) g`;
  await db.$executeRawUnsafe("ANALYZE customers");
  await db.$executeRawUnsafe("ANALYZE upload_jobs");
  await db.$executeRawUnsafe("ANALYZE dnc_entries");
  return jobIds;
}
