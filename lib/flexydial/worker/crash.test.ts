import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { db, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { stopBoss } from "@/lib/jobs/boss";
import { createTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { createDatabase, dropDatabase } from "@/scripts/temporary-database";
import { contact, createFlexyCampaign } from "../test-kit";
import { acceptFlexydialUpload } from "../accept-upload";
import { SLICE_ROWS } from "./worker";

// A worker process (`npm run worker`) SIGKILLed in the middle of a large job loses nothing: after
// a restart the job completes with exact counts and no duplicate rows. The test owns a database
// of its own, so the worker it starts cannot take other test files' jobs (needs a Postgres
// server: ADMIN_DATABASE_URL, default the local one).

const ROWS = 20_000;
let url: string;
let previousUrl: string | undefined;
let org: TestOrg;
let campaign: Awaited<ReturnType<typeof createFlexyCampaign>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  url = await createDatabase("dialsheet_crash");
  await migrate(url);
  // The process-wide client and queue follow DATABASE_URL when they are (re)created.
  await stopBoss();
  await disconnectDb();
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  org = await createTestOrg("crash");
  campaign = await createFlexyCampaign(org.id);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await stopBoss();
  await disconnectDb();
  process.env.DATABASE_URL = previousUrl;
  await dropDatabase(url);
});

describe("a worker killed mid-job", () => {
  it("resumes after a restart: exact counts, every valid row once, no duplicates", { timeout: 120_000 }, async () => {
    // Every 1,000th row has a bad number, every 1,500th repeats an earlier customer id.
    const rows = Array.from({ length: ROWS }, (_, i) =>
      i % 1_000 === 999
        ? contact(i, { numeric: "12345" })
        : i % 1_500 === 1_499
          ? contact(i - 1, { numeric: contact(i).numeric })
          : contact(i),
    );
    const invalid = rows.filter((r) => r.numeric === "12345").length;
    const duplicates = rows.filter((_, i) => i % 1_000 !== 999 && i % 1_500 === 1_499).length;
    const valid = ROWS - invalid - duplicates;

    const { jobId } = await acceptFlexydialUpload(
      { organizationId: org.id, actor: { userId: null, apiKeyId: null, role: "admin" }, source: "flexydial_api" },
      campaign,
      { action: "insert", campaign: campaign.name, rows },
    );
    const job = () => db.uploadJob.findUniqueOrThrow({ where: { id: jobId } });
    const stored = () => db.customer.count({ where: { uploadJobId: jobId } });

    const first = startWorker();
    await waitFor(async () => ((await job()).processed > 0 ? true : null), 60_000, 5);
    first.kill("SIGKILL");
    await once(first, "exit");

    const killed = await job();
    expect(killed.status).toBe("processing");
    expect(killed.processed).toBeGreaterThan(0);
    expect(killed.processed).toBeLessThan(ROWS);
    // What the checkpoint says is written is written; at most the slice in flight is ahead of it.
    const atKill = await stored();
    expect(atKill).toBeGreaterThanOrEqual(killed.successful);
    expect(atKill - killed.successful).toBeLessThanOrEqual(SLICE_ROWS);

    const restarted = Date.now();
    const second = startWorker();
    await waitFor(async () => ((await job()).status === "completed" ? true : null), 90_000, 100);
    const recoveryMs = Date.now() - restarted;
    second.kill("SIGTERM");
    await once(second, "exit");

    expect(await job()).toMatchObject({
      status: "completed",
      total: ROWS,
      processed: ROWS,
      successful: valid,
      invalid,
      duplicates,
      failed: ROWS - valid,
      payload: null,
    });
    expect(await stored()).toBe(valid);
    const [unique] = await db.$queryRaw<{ identifiers: bigint; phones: bigint }[]>`
      SELECT count(DISTINCT identifier) AS identifiers, count(DISTINCT "phoneE164") AS phones FROM customers WHERE "campaignId" = ${campaign.id}`;
    expect({ identifiers: Number(unique.identifiers), phones: Number(unique.phones) }).toEqual({ identifiers: valid, phones: valid });
    const rowErrors = (await job()).rowErrors as { index: number }[];
    expect(rowErrors.map((e) => e.index)).toEqual(rows.map((_, i) => i).filter((i) => i % 1_000 === 999 || i % 1_500 === 1_499));
    console.log(
      `crash test: killed at ${killed.processed}/${ROWS} processed (${atKill} rows stored), completed ${recoveryMs} ms after the restart`,
    );
  });
});

// `node --import tsx`, not `npx tsx`: SIGKILL must reach the worker itself, not a wrapper.
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("exit", (code, signal) => {
    if (code !== 0 && signal === null) console.error(`worker exited with ${code}:\n${output}`);
  });
  children.push(child);
  return child;
}

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number, everyMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
