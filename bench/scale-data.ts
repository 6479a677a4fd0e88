// The data set bench/dashboard-scale.ts and bench/contacts-scale.ts both measure (never part of
// the tests), loaded once and reused: run one bench, then the other, on the same load.
//
// One organization holds:
//   - the main campaign (active, with a workflow): CUSTOMERS customers from 10 upload jobs (one of
//     them with PROBLEMS per-row problems), CALLS call attempts (results over 90 days, 1 % blocked,
//     0.1 % waiting for the window) in the jobs' call batches (as "add and start calls" writes them),
//     a workflow run for every 10th customer with its first step in its history;
//   - a second campaign with half as many customers on the same phone numbers and half as many
//     calls, so an index on the phone or the date alone cannot answer: it must discriminate by campaign;
//   - 10,000 numbers on the organization's DNC list and 500 on the main campaign's.
// Everything is written with INSERT … SELECT generate_series (no row-by-row writes); ids are
// derived from the row number (md5 → uuid) so calls name their customer without a join.
//
// The organization's slug names the sizes (bench-scale-<customers>-<calls>-<problems>). A finished
// load renames it "Bench scale …" (while loading it is "Bench scale loading …"), so a second run finds
// it and skips the load; a load that was interrupted is deleted and redone. `dropScaleData` removes it.
import { rebuildCampaignStats } from "@/lib/dashboard/stats-compaction";
import { PrismaPg } from "@prisma/adapter-pg";
import { db } from "@/lib/db/client";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/env";
import { createTestCampaign } from "@/lib/test/fixtures";
import { collectionsFollowUp } from "@/lib/workflows/ready-made";

export const SCALE_JOBS = 10;

export type ScaleSizes = { customers: number; calls: number; problems: number };
export type ScaleData = {
  organizationId: string;
  agentId: string;
  main: { id: string; organizationId: string; status: string; workflowId: string | null };
  second: { id: string; organizationId: string; status: string };
  /** The main campaign's upload jobs; jobIds[0] holds the per-row problems. */
  jobIds: string[];
  sizes: ScaleSizes;
  reused: boolean;
};

export function scaleSizes(): ScaleSizes {
  // SIZE is the older name of CUSTOMERS (bench/contacts-scale.ts).
  const customers = Number(process.env.CUSTOMERS ?? process.env.SIZE ?? 1_000_000);
  return {
    customers,
    calls: Number(process.env.CALLS ?? customers),
    problems: Number(process.env.PROBLEMS ?? Math.min(10_000, Math.floor(customers / 10))),
  };
}

const slugOf = (s: ScaleSizes) => `bench-scale-${s.customers}-${s.calls}-${s.problems}`;
const ms = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

/** The phone of customer g (1-based) of either campaign: +9198 and g in 8 digits. */
export const scalePhone = (g: number) => `+9198${String(g).padStart(8, "0")}`;

export async function scaleData(sizes: ScaleSizes = scaleSizes()): Promise<ScaleData> {
  const slug = slugOf(sizes);
  const found = await db.organization.findUnique({ where: { slug } });
  if (found && !found.name.startsWith("Bench scale loading")) {
    const data = await loaded(found.id, sizes, true);
    if (data) {
      console.log(`reusing the loaded data set ${slug} (DROP=1 on a run removes it at the end)`);
      return data;
    }
  }
  if (found) {
    console.log(`an interrupted load of ${slug} is there: deleting it first`);
    await dropScaleData(found.id);
  }
  return load(sizes, slug);
}

export async function dropScaleData(organizationId: string) {
  const t = performance.now();
  // Runs, calls and customers first, set-based and without the foreign keys' row-by-row checks
  // (nothing outside the data set refers to them): the cascade from the organization would check each row.
  await bulk(
    db.$executeRaw`DELETE FROM workflow_run_steps WHERE "runId" IN (SELECT id FROM workflow_runs WHERE "organizationId" = ${organizationId})`,
  );
  await bulk(db.$executeRaw`DELETE FROM workflow_runs WHERE "organizationId" = ${organizationId}`);
  await bulk(db.$executeRaw`DELETE FROM calls WHERE "organizationId" = ${organizationId}`);
  await bulk(
    db.$executeRaw`DELETE FROM customers WHERE "campaignId" IN (SELECT id FROM campaigns WHERE "organizationId" = ${organizationId})`,
  );
  await db.organization.delete({ where: { id: organizationId } });
  console.log(`deleted the bench data set in ${ms(t)} s`);
}

async function loaded(organizationId: string, sizes: ScaleSizes, reused: boolean): Promise<ScaleData | null> {
  const campaigns = await db.campaign.findMany({
    where: { organizationId },
    orderBy: { name: "asc" },
    select: { id: true, organizationId: true, status: true, workflowId: true, name: true },
  });
  const main = campaigns.find((c) => c.name.startsWith("Bench main"));
  const second = campaigns.find((c) => c.name.startsWith("Bench second"));
  const agent = await db.agent.findFirst({ where: { organizationId }, select: { id: true } });
  const jobs = await db.uploadJob.findMany({ where: { organizationId }, orderBy: { reference: "asc" }, select: { id: true } });
  if (!main || !second || !agent || jobs.length !== SCALE_JOBS) return null;
  return { organizationId, agentId: agent.id, main, second, jobIds: jobs.map((j) => j.id), sizes, reused };
}

async function load(sizes: ScaleSizes, slug: string): Promise<ScaleData> {
  const { customers: N, calls: C, problems: P } = sizes;
  const started = performance.now();
  const org = await db.organization.create({ data: { name: `Bench scale loading ${slug}`, slug } });
  const agent = await db.agent.create({ data: { organizationId: org.id, name: "Bench agent", username: `bench-${slug}` } });
  const template = await db.messageTemplate.create({
    data: { organizationId: org.id, name: "Reminder", channel: "sms", body: "Dear {{first_name}}, your payment is due." },
  });
  const definition = collectionsFollowUp(agent.id, template.id);
  const workflow = await db.workflow.create({
    data: { organizationId: org.id, name: "Collections follow-up", steps: definition.steps, latestVersion: 1 },
  });
  const version = await db.workflowVersion.create({ data: { workflowId: workflow.id, version: 1, definition } });
  const campaign = async (name: string, workflowId: string | null) => {
    const c = await createTestCampaign(org.id, "emi", { name });
    return db.campaign.update({
      where: { id: c.id },
      data: { status: "active", workflowId, workflowVersionId: workflowId ? version.id : null },
      select: { id: true, organizationId: true, status: true, workflowId: true },
    });
  };
  const main = await campaign(`Bench main ${slug}`, workflow.id);
  const second = await campaign(`Bench second ${slug}`, null);

  // Upload jobs and their call batches ("add and start calls" keys the batch by the job).
  const per = Math.ceil(N / SCALE_JOBS);
  const jobIds = Array.from({ length: SCALE_JOBS }, (_, i) => `upl_bench_${org.id}_${i}`);
  await db.uploadJob.createMany({
    data: jobIds.map((id, i) => ({
      id,
      organizationId: org.id,
      campaignId: main.id,
      source: "timepay_api" as const,
      status: "completed" as const,
      reference: `bench-${i}`,
      fileName: `bench-${i}.csv`,
      total: per + (i === 0 ? P : 0),
      processed: per + (i === 0 ? P : 0),
      valid: per,
      successful: per,
      invalid: i === 0 ? Math.floor(P / 2) : 0,
      duplicates: i === 0 ? P - Math.floor(P / 2) : 0,
      options: { initiateCall: true },
      completedAt: new Date(),
    })),
  });
  await db.callBatch.createMany({
    data: jobIds.map((id) => ({
      id: `cb_${id}`,
      organizationId: org.id,
      campaignId: main.id,
      requestKey: `bulk-add:${id}`,
      source: "timepay_api",
      total: per,
    })),
  });
  await db.$executeRaw`
    UPDATE upload_jobs SET "rowErrors" = (
      SELECT coalesce(jsonb_agg(jsonb_build_object('index', g, 'id', 'LNX' || g, 'errors',
        CASE WHEN g % 2 = 0 THEN jsonb_build_array('Record ' || g || ': Invalid phone_number ''12345'': too short')
             ELSE jsonb_build_array('loan_id ''LN' || g || ''' already exists in this campaign') END) ORDER BY g), '[]'::jsonb)
      FROM generate_series(0, ${P - 1}) g)
    WHERE id = ${jobIds[0]}`;

  const names = ["Asha", "Ravi", "Meera", "Kabir", "Priya", "Arjun", "Divya", "Rahul", "Sneha", "Vikram"];
  const last = ["Verma", "Kumar", "Nair", "Das", "Iyer", "Mehta", "Rao", "Sharma", "Patel", "Singh"];
  const customers = async (campaignId: string, count: number, withJobs: boolean) => {
    const t = performance.now();
    await bulk(db.$executeRaw`
      INSERT INTO customers (id, "campaignId", identifier, "phoneRaw", "phoneE164", "firstName", "lastName", language, "assignedTo", status, data,
                             "uploadJobId", "lastCallStatus", "lastCallDisposition", "lastCallAt", "createdAt", "updatedAt")
      SELECT md5(${campaignId} || ':' || g)::uuid, ${campaignId}, 'LN' || g, '98' || lpad(g::text, 8, '0'), '+9198' || lpad(g::text, 8, '0'),
             (${names}::text[])[1 + g % 10] || CASE WHEN g % 1000 = 0 THEN '' ELSE 'x' || (g % 97) END, (${last}::text[])[1 + (g / 10) % 10], 'hindi',
             CASE WHEN g % 3 = 0 THEN 'priya' END, 'new',
             jsonb_build_object('loan_amount', 50000 + g % 1000, 'emi_amount', 2500, 'loan_period', 12, 'current_emi', 5, 'emi_due_date', '2025-03-15', 'payment_status', 'pending'),
             CASE WHEN ${withJobs} THEN (${jobIds}::text[])[1 + (g - 1) / ${per}::int] END,
             CASE WHEN g % 3 = 0 THEN 'Contacted' WHEN g % 3 = 1 THEN 'No Contact' END,
             CASE WHEN g % 3 = 0 THEN 'PTP' END,
             CASE WHEN g % 3 <> 2 THEN now() - (g % 90) * interval '1 day' END,
             now() - g * interval '1 second', now()
      FROM generate_series(1, ${count}::int) g`);
    console.log(`  ${count.toLocaleString()} customers in ${ms(t)} s`);
  };
  await customers(main.id, N, true);
  await customers(second.id, Math.floor(N / 2), false);

  // Attempt i (0-based) goes to customer k = 1 + i % n; the customer's job's batch on the main campaign.
  const calls = async (campaignId: string, n: number, count: number, batches: boolean) => {
    const t = performance.now();
    await bulk(db.$executeRaw`
      INSERT INTO calls (id, "organizationId", "campaignId", "customerId", "agentId", "batchId", state, attempt, "toPhone", outcome, "outcomeDisposition",
                         duration, summary, "extractedData", "blockedReason", "waitReason", "notBefore", "dialedAt", "finishedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${org.id}, ${campaignId}, md5(${campaignId} || ':' || k)::uuid, ${agent.id},
             CASE WHEN ${batches} THEN 'cb_' || (${jobIds}::text[])[1 + (k - 1) / ${per}::int] END,
             (CASE WHEN i % 100 = 0 THEN 'blocked' WHEN i % 1000 = 1 AND i < ${n}::int THEN 'scheduled' WHEN i % 7 = 0 THEN 'failed' ELSE 'completed' END)::"CallState",
             1 + i / ${n}::int, '+9198' || lpad(k::text, 8, '0'),
             CASE WHEN i % 100 = 0 OR (i % 1000 = 1 AND i < ${n}::int) THEN NULL WHEN i % 7 = 0 THEN 'Failed' WHEN i % 2 = 0 THEN 'Contacted' ELSE 'No Contact' END,
             CASE WHEN i % 100 = 0 OR (i % 1000 = 1 AND i < ${n}::int) OR i % 7 = 0 THEN NULL ELSE (ARRAY['PTP', 'Callback', 'Busy', 'Wrong number', 'Refused'])[1 + i % 5] END,
             CASE WHEN i % 2 = 0 THEN 30 + i % 300 END,
             CASE WHEN i % 2 = 0 THEN 'The customer asked to be called back next week.' END,
             CASE WHEN i % 2 = 0 AND i % 10 = 4 THEN '{"promise_to_pay_date": "2026-12-20"}'::jsonb END,
             CASE WHEN i % 100 = 0 THEN (CASE WHEN i % 200 = 0 THEN 'dnc' ELSE 'frequency_cap' END) END,
             CASE WHEN i % 1000 = 1 AND i < ${n}::int THEN 'window' END,
             now() + interval '10 hours',
             CASE WHEN i % 100 <> 0 AND NOT (i % 1000 = 1 AND i < ${n}::int) THEN now() - (i % 90) * interval '1 day' - (i % 600) * interval '1 minute' END,
             CASE WHEN i % 100 <> 0 AND NOT (i % 1000 = 1 AND i < ${n}::int) THEN now() - (i % 90) * interval '1 day' - (i % 600) * interval '1 minute' + interval '2 minutes' END,
             now() - (i % 90) * interval '1 day' - (i % 600) * interval '1 minute', now()
      FROM generate_series(0, ${count}::int - 1) i, LATERAL (SELECT 1 + i % ${n}::int AS k) kk`);
    console.log(`  ${count.toLocaleString()} calls in ${ms(t)} s`);
  };
  await calls(main.id, N, C, true);
  await calls(second.id, Math.floor(N / 2), Math.floor(C / 2), false);

  // A workflow run for every 10th main customer, spread over its steps and states, each with its first step.
  const t = performance.now();
  const steps = ["call1", "check1", "wait2h", "call2", "check2", "ptp", "wait-ptp", "remind"];
  await bulk(db.$executeRaw`
    INSERT INTO workflow_runs (id, "organizationId", "campaignId", "customerId", "workflowVersionId", state, "stepId", "stepSeq", "dueAt", "stopReason",
                               "createdAt", "updatedAt", "finishedAt")
    SELECT md5('run:' || g)::uuid, ${org.id}, ${main.id}, md5(${main.id} || ':' || g)::uuid, ${version.id},
           (ARRAY['active', 'waiting_call', 'completed', 'stopped', 'active'])[1 + g % 5],
           CASE WHEN g % 5 IN (2, 3) THEN NULL ELSE (${steps}::text[])[1 + (g / 5) % 8] END, 1,
           CASE WHEN g % 5 IN (0, 4) THEN now() + (g % 48) * interval '1 hour' END,
           CASE WHEN g % 5 = 2 THEN 'end_of_workflow' WHEN g % 5 = 3 THEN 'dnc' END,
           now() - (g % 30) * interval '1 day', now(), CASE WHEN g % 5 IN (2, 3) THEN now() END
    FROM generate_series(10, ${N}::int, 10) g`);
  await bulk(db.$executeRaw`
    INSERT INTO workflow_run_steps (id, "runId", seq, "stepId", type, status, result, "startedAt", "finishedAt")
    SELECT gen_random_uuid(), md5('run:' || g)::uuid, 1, 'call1', 'call', 'done', '{"status": "No Contact"}'::jsonb, now() - interval '1 day', now() - interval '1 day'
    FROM generate_series(10, ${N}::int, 10) g`);
  console.log(`  ${Math.floor(N / 10).toLocaleString()} workflow runs in ${ms(t)} s`);

  await db.$executeRaw`
    INSERT INTO dnc_entries (id, "organizationId", "campaignId", scope, "phoneRaw", "phoneE164", status, "createdAt")
    SELECT 'dnc_bench_' || ${org.id} || '_' || g, ${org.id}, NULL, '', '98' || lpad((g * 97)::text, 8, '0'), '+9198' || lpad((g * 97)::text, 8, '0'), 'active', now()
    FROM generate_series(1, 10000) g`;
  await db.$executeRaw`
    INSERT INTO dnc_entries (id, "organizationId", "campaignId", scope, "phoneRaw", "phoneE164", status, "createdAt")
    SELECT 'dnc_bench_c_' || ${org.id} || '_' || g, ${org.id}, ${main.id}, ${main.id}, 'x', '+9198' || lpad((g * 997 + 1)::text, 8, '0'), 'active', now()
    FROM generate_series(1, 500) g`;
  // The bulk statements ran without triggers, so the dashboard's rollups are computed once from the
  // tables, as the migration's backfill does (the triggers keep them from then on).
  const rollups = performance.now();
  await rebuildCampaignStats([main.id, second.id]);
  console.log(`  dashboard rollups rebuilt in ${ms(rollups)} s`);
  for (const table of [
    "customers",
    "calls",
    "workflow_runs",
    "workflow_run_steps",
    "call_batches",
    "upload_jobs",
    "dnc_entries",
    "campaign_call_stats",
    "campaign_contact_stats",
  ])
    await db.$executeRawUnsafe(`VACUUM ANALYZE ${table}`);
  await db.organization.update({ where: { id: org.id }, data: { name: `Bench scale ${slug}` } });
  console.log(`loaded ${slug} in ${ms(started)} s`);
  const data = await loaded(org.id, sizes, false);
  if (!data) throw new Error("the load did not produce its data set");
  return data;
}

/**
 * One set-based INSERT or DELETE without per-row trigger work: the foreign keys' checks run row by row
 * (a million customer lookups per million calls), so the load skips them (session_replication_role
 * = replica, superuser only; the ids are consistent by construction). Without the right it runs as is.
 */
let replicaAllowed: boolean | null = null;
async function bulk(insert: Prisma.PrismaPromise<number>) {
  if (replicaAllowed === null) {
    const [row] = await db.$queryRaw<{ superuser: boolean }[]>`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`;
    replicaAllowed = row?.superuser === true;
    if (!replicaAllowed) console.log("  (not a superuser: the load checks foreign keys row by row, which is slower)");
  }
  if (!replicaAllowed) return insert;
  const [, count] = await db.$transaction([db.$executeRaw`SET LOCAL session_replication_role = replica`, insert]);
  return count;
}

/** p50 / p95 of RUNS timed runs after WARMUP untimed ones, in milliseconds. */
export async function measure(
  run: () => Promise<unknown>,
  runs = Number(process.env.RUNS ?? 15),
  warmup = Number(process.env.WARMUP ?? 3),
) {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

let capture: { sql: string; params: unknown[] }[] | null = null;

/**
 * Makes the process's one client (lib/db/client.ts) a client that reports its statements, so a
 * bench can EXPLAIN exactly what a domain read sent. Call before anything touches the database.
 */
export function installLoggingClient() {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl(), max: 10 }),
    omit: { apiKey: { hash: true } },
    log: [{ emit: "event", level: "query" }],
    // A million-row INSERT runs in one transaction (bulk below).
    transactionOptions: { maxWait: 60_000, timeout: 3_600_000 },
  });
  client.$on("query", (e: Prisma.QueryEvent) => {
    if (capture && /^\s*(SELECT|WITH)/i.test(e.query)) capture.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  (globalThis as unknown as { dialsheetDb?: unknown }).dialsheetDb = client;
}

/** The SELECT statements `work` sends, with their parameters (installLoggingClient first). */
export async function captureStatements(work: () => Promise<unknown>) {
  capture = [];
  try {
    await work();
    return capture;
  } finally {
    capture = null;
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement, printed. */
export async function explainStatements(label: string, statements: { sql: string; params: unknown[] }[]) {
  for (const s of statements) {
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — ${label}:\n  ${s.sql.replace(/\s+/g, " ").slice(0, 400)}${s.sql.length > 400 ? "…" : ""}`);
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, ...s.params);
    for (const line of plan) console.log(`  ${line["QUERY PLAN"]}`);
  }
}
