// Benchmark of POST /api/v1/customers/add/bulk against a running app and its real Postgres
// (never part of the tests). Measures p50/p95 of
//   1. a 10,000-record valid bulk add,
//   2. a 10,000-record request with 30% invalid rows,
//   3. the same 10,000 valid records with `initiateCall` (calls accepted for every one added; the
//      app's calls-expand worker writes the attempts after the answer: the bench waits for that,
//      untimed, before the next request, and reports how long after the answer it was done),
//   4. the floor: the same valid rows JSON-parsed and inserted directly with the same SQL
//      (lib/customers/insert-customers.ts insertCustomerRows, same batches), no HTTP, no validation.
// Goals: p50 of (1) <= 400 ms and <= 3x the floor; p50 of (3) <= 1.5x p50 of (1), side by side.
//
//   DATABASE_URL=postgresql://... BASE_URL=http://localhost:3000 npx tsx bench/timepay-bulk-add.ts
//
// Credentials come from `npm run seed -- --json` (run against DATABASE_URL, which must be the
// app's database) unless API_KEY is given; a throwaway campaign is created and deleted unless
// CAMPAIGN_ID is given. RUNS (default 9) timed runs follow WARMUP (default 2) untimed ones; SIZE
// (default 10,000) records per request.
import { execFileSync } from "node:child_process";
import { db, disconnectDb } from "@/lib/db/client";
import { emptyColumns, type CustomerColumnArrays } from "@/lib/customers/customer-columns";
import { INSERT_BATCH_SIZE, insertCustomerRows } from "@/lib/customers/insert-customers";

const BASE_URL = process.env.BASE_URL ?? "http://localhost:3000";
const RUNS = Number(process.env.RUNS ?? 9);
const WARMUP = Number(process.env.WARMUP ?? 2);
/** Records per request (10,000 for the figures; smaller only to check the bench runs). */
const SIZE = Number(process.env.SIZE ?? 10_000);
const n = SIZE.toLocaleString("en-US");
/** Per timed calls request: from its answer until its attempts were written. */
const expansionTimes: number[] = [];

if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to the running app's database (the floor and the cleanup need it).");
  process.exit(1);
}

const apiKey = process.env.API_KEY ?? seededApiKey();
const auth = { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" };
const ownCampaign = !process.env.CAMPAIGN_ID;
const campaignId = process.env.CAMPAIGN_ID ?? (await createCampaign());
const callConfig = await firstAgentAndDisposition();

try {
  const stats = await measure([
    { label: `${n} valid records (HTTP)`, prepare: (run) => body(`V${run}`, false), task: post, status: 201 },
    { label: `${n} records, 30% invalid (HTTP)`, prepare: (run) => body(`M${run}`, true), task: post, status: 207 },
    {
      label: `${n} valid records + initiateCall`,
      prepare: (run) => body(`C${run}`, false, true),
      task: post,
      status: 201,
      settle: expansion,
    },
    { label: "floor: JSON.parse + same INSERT", prepare: (run) => body(`F${run}`, false), task: insertDirectly },
  ]);
  const [valid, mixed, withCalls, floor] = stats;
  console.log("");
  console.log(
    `p50 valid / p50 floor = ${(valid.p50 / floor.p50).toFixed(2)}x (goal <= 3x); p50 valid = ${valid.p50.toFixed(0)} ms (goal <= 400 ms)`,
  );
  console.log(`p50 mixed / p50 floor = ${(mixed.p50 / floor.p50).toFixed(2)}x`);
  console.log(`p50 with calls / p50 valid = ${(withCalls.p50 / valid.p50).toFixed(2)}x (goal <= 1.5x)`);
  const written = stat(expansionTimes);
  console.log(
    `attempts of the calls request written ${written.p50.toFixed(0)} ms (p50), ${written.max.toFixed(0)} ms (max) after its answer`,
  );
} finally {
  await clearCustomers();
  if (ownCampaign) await fetch(`${BASE_URL}/api/v1/campaigns/${campaignId}`, { method: "DELETE", headers: auth });
  await disconnectDb();
}

type Scenario = {
  label: string;
  prepare: (run: number) => string;
  task: (body: string) => Promise<unknown>;
  status?: number;
  /** Untimed, after the task: work the request left to the app's workers. */
  settle?: (answeredAt: number, timed: boolean) => Promise<void>;
};
type Stats = { p50: number; p95: number; min: number; max: number };

/**
 * WARMUP + RUNS rounds; each round runs every scenario once, in turn, so a load spike on a shared
 * machine hits all of them alike. Each run starts from an emptied campaign and a body made
 * beforehand (not timed). Prints and returns the stats of the timed rounds.
 */
async function measure(scenarios: Scenario[]): Promise<Stats[]> {
  const times = scenarios.map(() => [] as number[]);
  for (let run = 0; run < WARMUP + RUNS; run++) {
    for (const [i, scenario] of scenarios.entries()) {
      await clearCustomers();
      const text = scenario.prepare(run);
      const start = performance.now();
      const status = await scenario.task(text);
      const elapsed = performance.now() - start;
      if (scenario.status !== undefined && status !== scenario.status)
        throw new Error(`${scenario.label}: expected ${scenario.status}, got ${status}`);
      if (run >= WARMUP) times[i].push(elapsed);
      await scenario.settle?.(start + elapsed, run >= WARMUP);
    }
  }
  return scenarios.map((scenario, i) => {
    const stats = stat(times[i]);
    console.log(
      `${scenario.label.padEnd(40)} runs=${RUNS} p50=${stats.p50.toFixed(0)} ms p95=${stats.p95.toFixed(0)} ms min=${stats.min.toFixed(0)} max=${stats.max.toFixed(0)}`,
    );
    return stats;
  });
}

function body(prefix: string, someInvalid: boolean, initiateCall = false): string {
  return JSON.stringify({ campaignId, records: records(prefix, someInvalid), ...(initiateCall && { initiateCall: true, callConfig }) });
}

async function post(text: string): Promise<number> {
  const response = await fetch(`${BASE_URL}/api/v1/customers/add/bulk`, { method: "POST", headers: auth, body: text });
  await response.text();
  return response.status;
}

// The floor: what any implementation must pay — parse the JSON, then the same statement in the
// same batches. Rows are mapped straight to columns, without validation.
async function insertDirectly(text: string) {
  const parsed = JSON.parse(text) as { records: Record<string, unknown>[] };
  for (let start = 0; start < parsed.records.length; start += INSERT_BATCH_SIZE) {
    const columns: CustomerColumnArrays = emptyColumns();
    for (const record of parsed.records.slice(start, start + INSERT_BATCH_SIZE)) {
      const { loan_id, phone_number, first_name, last_name, language, ...rest } = record;
      columns.identifier.push(String(loan_id));
      columns.phoneRaw.push(String(phone_number));
      columns.phoneE164.push(`+91${phone_number}`);
      columns.firstName.push(String(first_name));
      columns.lastName.push(String(last_name));
      columns.language.push(String(language));
      columns.assignedTo.push(null);
      columns.data.push(JSON.stringify(rest));
    }
    await insertCustomerRows(campaignId, null, columns);
  }
}

/** 10,000 debt-collection records; with `someInvalid`, 30% (i % 10 in 1, 4, 7) broken in rotating ways. */
function records(prefix: string, someInvalid: boolean): Record<string, unknown>[] {
  const breakages: ((r: Record<string, unknown>) => void)[] = [
    (r) => (r.phone_number = "12345"),
    (r) => delete r.first_name,
    (r) => (r.emi_due_date = "2025-02-30"),
    (r) => (r.loan_amount = -5),
    (r) => (r.payment_status = "unknown"),
    (r) => (r.current_emi = 99),
    (r) => (r.phone_number = "9.19877E+11"),
    (r) => (r.language = "klingon"),
  ];
  return Array.from({ length: SIZE }, (_, i) => {
    const record: Record<string, unknown> = {
      loan_id: `${prefix}-${i}`,
      first_name: "Rahul",
      last_name: "Sharma",
      phone_number: String(9_800_000_000 + i),
      loan_amount: 50000 + i,
      emi_amount: 2500,
      loan_period: 24,
      current_emi: 1 + (i % 24),
      emi_due_date: "2025-03-15",
      payment_status: "pending",
      language: "hindi",
    };
    if (someInvalid && (i % 10 === 1 || i % 10 === 4 || i % 10 === 7)) breakages[i % breakages.length](record);
    return record;
  });
}

// Every run starts from the same table: no bench rows, dead tuples vacuumed away.
async function clearCustomers() {
  await db.$executeRaw`DELETE FROM calls WHERE "campaignId" = ${campaignId}`;
  await db.$executeRaw`DELETE FROM call_batches WHERE "campaignId" = ${campaignId}`;
  await db.$executeRaw`DELETE FROM customers WHERE "campaignId" = ${campaignId}`;
  await db.$executeRaw`DELETE FROM upload_jobs WHERE "campaignId" = ${campaignId}`;
  await db.$executeRawUnsafe("VACUUM customers");
}

function stat(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Waits until the calls-expand worker wrote the attempts of the campaign's call batch. */
async function expansion(answeredAt: number, timed: boolean) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [owed] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM call_batches WHERE "campaignId" = ${campaignId} AND "expandedAt" IS NULL`;
    if (owed.n === 0) break;
    if (Date.now() > deadline) throw new Error("The calls request's attempts were not written within 2 minutes");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (timed) expansionTimes.push(performance.now() - answeredAt);
}

function percentile(sorted: number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank];
}

function seededApiKey(): string {
  const out = execFileSync("npx", ["tsx", "scripts/seed.ts", "--json"], { encoding: "utf8", env: process.env });
  const json = out
    .trim()
    .split("\n")
    .reverse()
    .find((line) => line.startsWith("{"));
  if (!json) throw new Error("npm run seed -- --json printed no JSON");
  return JSON.parse(json).demo.apiKey;
}

async function createCampaign(): Promise<string> {
  const response = await fetch(`${BASE_URL}/api/v1/campaigns/create`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({
      name: `Bench ${Date.now()}`,
      description: "bench/timepay-bulk-add.ts (deleted at the end)",
      campaignType: "emi",
      startDate: "2026-11-01",
      startTime: "09:00",
      endDate: "2027-03-31",
      endTime: "19:00",
      languages: ["hindi"],
      region: "south",
    }),
  });
  const body = (await response.json()) as { data?: { id: string } };
  if (response.status !== 201 || !body.data)
    throw new Error(`Could not create the bench campaign: ${response.status} ${JSON.stringify(body)}`);
  return body.data.id;
}

/** The organization's first agent and disposition, for the calls scenario's callConfig. */
async function firstAgentAndDisposition(): Promise<{ agentId: string; dispositionId: string }> {
  const get = async (path: string) => (await (await fetch(`${BASE_URL}${path}`, { headers: auth })).json()) as { data: { id: string }[] };
  const [agents, dispositions] = await Promise.all([get("/api/v1/agents"), get("/api/v1/dispositions")]);
  if (!agents.data?.[0] || !dispositions.data?.[0])
    throw new Error("The bench organization needs an agent and a disposition (npm run seed)");
  return { agentId: agents.data[0].id, dispositionId: dispositions.data[0].id };
}
