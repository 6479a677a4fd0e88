// npx tsx bench/flexydial-insert.ts - a 10,000-row Flexydial insert against a running app:
// time from POST to status "Completed", and rows per second. Not part of the tests.
//
//   BASE_URL   the app (default http://localhost:3000), started with `npm start` on a real Postgres
//   API_KEY    a key of the demo organization; when unset, `npm run seed -- --json` is run against
//              DATABASE_URL (the app's database) and its fresh demo key is used
//   ROWS=10000 RUNS=3 CAMPAIGN="Flexy Phonebook"
import { execFileSync } from "node:child_process";

const baseUrl = process.env.BASE_URL ?? "http://localhost:3000";
const rows = Number(process.env.ROWS ?? 10_000);
const runs = Number(process.env.RUNS ?? 3);
const campaign = process.env.CAMPAIGN ?? "Flexy Phonebook";
const apiKey = process.env.API_KEY ?? seededKey();
const auth = { Authorization: `Token ${apiKey}`, "Content-Type": "application/json" };

const results: { accepted: number; completed: number }[] = [];
for (let run = 0; run < runs; run++) {
  const body = JSON.stringify({ campaign, bulk_data: contacts(run) });
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/bulkphonebookupload/v1/`, { method: "POST", headers: auth, body });
  const accepted = performance.now() - started;
  const answer = (await res.json()) as { job_id?: string };
  if (res.status !== 200 || !answer.job_id) throw new Error(`upload refused: ${res.status} ${JSON.stringify(answer)}`);

  const status = await waitUntilDone(answer.job_id);
  const completed = performance.now() - started;
  if (status !== "Completed") throw new Error(`job ${answer.job_id} ended as ${status}`);
  results.push({ accepted, completed });
  console.log(
    `run ${run + 1}: ${rows} rows, accepted in ${accepted.toFixed(0)} ms, Completed after ${completed.toFixed(0)} ms (${Math.round(rows / (completed / 1000))} rows/s), ${(body.length / 1e6).toFixed(2)} MB`,
  );
}
const median = [...results].sort((a, b) => a.completed - b.completed)[Math.floor(results.length / 2)];
console.log(
  `median: POST -> Completed ${median.completed.toFixed(0)} ms, ${Math.round(rows / (median.completed / 1000))} rows/s (goal <= 2000 ms)`,
);

async function waitUntilDone(jobId: string): Promise<string> {
  for (;;) {
    const res = await fetch(`${baseUrl}/api/bulkphonebookupload/status/${jobId}/`, { method: "POST", headers: auth });
    const { status, errors } = (await res.json()) as { status?: string; errors?: string };
    if (status !== "Pending state. Please check with Administrator!") return status ?? errors ?? "unknown";
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Distinct ids and mobiles per run and per invocation, so reruns on one database never collide.
function contacts(run: number) {
  const tag = `${Date.now().toString(36)}-${run}`;
  const base = Math.floor(Math.random() * (100_000_000 - rows));
  return Array.from({ length: rows }, (_, i) => ({
    numeric: `98${String(base + i).padStart(8, "0")}`,
    user: ["priya", "vikram", "arjun"][i % 3],
    "customer_info:customer_id": `BENCH-${tag}-${i}`,
    "customer_info:customer_name": `Customer ${i}`,
    "customer_info:city": "Chennai",
    "loan_info:amount_due": 1000 + (i % 5000),
  }));
}

function seededKey(): string {
  const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/seed.ts", "--json"], { encoding: "utf8" });
  const line = out.trim().split("\n").pop()!;
  return (JSON.parse(line) as { demo: { apiKey: string } }).demo.apiKey;
}
