import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { db, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { stopBoss } from "@/lib/jobs/boss";
import { sweepInterruptedUploads } from "@/lib/jobs/interrupted-uploads-sweep";
import { createTestCampaign, createTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { loan } from "@/lib/test/records";
import { createDatabase, dropDatabase } from "@/scripts/temporary-database";

// Faults in the middle of a TimePay bulk add (10,000 records, batches of 1,000), against the real
// route handler in a process of its own on a database of its own:
// - the process is SIGKILLed while batches are being written;
// - every database connection is terminated (pg_terminate_backend) while a batch is in flight.
// To be sure the fault lands mid-request, the test holds an uncommitted row with one of the
// identifiers: the batch holding it waits on that row while the other nine batches commit.
// Then the client retries with the same Idempotency-Key until it gets an answer; the campaign
// must hold exactly the 10,000 records, once each, and no upload job may stay "processing".

const TOTAL = 10_000;
const LEASE_SECONDS = 2;
const ROUNDS = 3;
let url: string;
let previousUrl: string | undefined;
let org: TestOrg;
const children: ChildProcess[] = [];
const converged = { kill: 0, drop: 0 };

beforeAll(async () => {
  url = await createDatabase("dialsheet_idem_faults");
  await migrate(url);
  await stopBoss();
  await disconnectDb();
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  org = await createTestOrg("faults");
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  console.log(`idempotency faults: ${converged.kill}/${ROUNDS} kill runs and ${converged.drop}/${ROUNDS} connection-drop runs converged`);
  await stopBoss();
  await disconnectDb();
  process.env.DATABASE_URL = previousUrl;
  await dropDatabase(url);
});

describe("a bulk add interrupted mid-request, retried with the same Idempotency-Key", () => {
  it("converges after the app is SIGKILLed mid-batch", { timeout: 180_000 }, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { campaign, body, blocker } = await prepare();
      const key = `kill-${randomUUID()}`;
      const server = await startServer();
      const first = send(server.port, key, body).catch((error: unknown) => error);
      await waitForCount(campaign.id, TOTAL - 1_000);
      server.child.kill("SIGKILL");
      await once(server.child, "exit");
      expect(await first).toBeInstanceOf(Error); // the connection died with the process
      await blocker.release();

      expect(await db.customer.count({ where: { campaignId: campaign.id } })).toBe(TOTAL - 1_000);
      const stuck = await db.idempotencyKey.findUniqueOrThrow({ where: { organizationId_key: { organizationId: org.id, key } } });
      expect(stuck.state).toBe("in_progress");
      expect(stuck.leaseExpiresAt!.getTime() - stuck.createdAt.getTime()).toBeLessThan(60_000); // a lease, not 24 hours

      const retryServer = await startServer();
      const retry = await retryUntilAnswered(retryServer.port, key, body);
      retryServer.child.kill("SIGTERM");
      await expectConverged(campaign.id, body, retry);
      converged.kill++;
    }
  });

  it("converges after every database connection is terminated mid-batch", { timeout: 180_000 }, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { campaign, body, blocker } = await prepare();
      const key = `drop-${randomUUID()}`;
      const server = await startServer();
      const first = send(server.port, key, body).catch((error: Error) => error);
      await waitForCount(campaign.id, TOTAL - 1_000);
      await disconnectDb(); // only the route server's connections are cut (this process reconnects lazily)
      const killed = await blocker.terminateOthers();
      expect(killed).toBeGreaterThan(0);
      await blocker.release();
      const answer = await first;
      // Whatever the first request managed to say, it says no more than what was written.
      if (!(answer instanceof Error) && answer.status < 500) {
        expect(answer.json.results.successful).toBeLessThanOrEqual(await db.customer.count({ where: { campaignId: campaign.id } }));
      }
      const retry = await retryUntilAnswered(server.port, key, body);
      server.child.kill("SIGTERM");
      await expectConverged(campaign.id, body, retry);
      converged.drop++;
    }
  });
});

describe("a long request keeps its Idempotency-Key", () => {
  it("renews its lease while it runs: retries meanwhile get 409, never a second run", { timeout: 60_000 }, async () => {
    const { campaign, body, blocker } = await prepare();
    const key = `long-${randomUUID()}`;
    const server = await startServer();
    const first = send(server.port, key, body);
    await waitForCount(campaign.id, TOTAL - 1_000);
    // Three lease lengths pass while the request is held up on the uncommitted row.
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, LEASE_SECONDS * 1_000));
      const retry = await send(server.port, key, body);
      expect(retry.status).toBe(409);
      expect(retry.json.message).toBe("A request with this Idempotency-Key is still in progress");
    }
    await blocker.release();
    const answer = await first;
    server.child.kill("SIGTERM");
    expect(answer.status).toBe(201);
    expect(answer.json.results.successful).toBe(TOTAL);
    expect(await db.customer.count({ where: { campaignId: campaign.id } })).toBe(TOTAL);
  });
});

async function prepare() {
  const campaign = await createTestCampaign(org.id, "emi");
  const records = Array.from({ length: TOTAL }, (_, i) => loan(i));
  const held = records.map((r) => String(r.loan_id)).sort()[5_500];
  const blocker = await holdRow(campaign.id, held);
  return { campaign, body: { campaignId: campaign.id, records }, blocker };
}

/** An uncommitted customer row: the request's batch with the same identifier waits for it. */
async function holdRow(campaignId: string, identifier: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`INSERT INTO customers ("campaignId", identifier, "phoneRaw", "phoneE164") VALUES ($1, $2, 'x', 'x')`, [campaignId, identifier]);
  return {
    async release() {
      await client.query("ROLLBACK").catch(() => {});
      await client.end().catch(() => {});
    },
    async terminateOthers(): Promise<number> {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) t",
      );
      return rows[0].n;
    },
  };
}

async function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/test/route-server.ts", "app/api/v1/customers/add/bulk/route.ts", "POST"], {
    env: { ...process.env, DATABASE_URL: url, ROUTE_SERVER_PORT: "0", IDEMPOTENCY_LEASE_SECONDS: String(LEASE_SECONDS), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`route server exited with ${code}: ${output}`)));
  });
  return { child, port };
}

async function send(port: number, key: string, body: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/customers/add/bulk`, {
    method: "POST",
    headers: { authorization: `Bearer ${org.apiKey}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json(), retryAfter: res.headers.get("retry-after") };
}

/** What a careful client does: same key and body; on 409 wait Retry-After; on a network error retry. */
async function retryUntilAnswered(port: number, key: string, body: unknown) {
  for (let attempt = 0; attempt < 30; attempt++) {
    const res = await send(port, key, body).catch(() => null);
    if (res && res.status !== 409 && res.status < 500 && !hasWriteFailed(res.json)) return res;
    if (res?.status === 409) expect(Number(res.retryAfter)).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000 * Number(res?.retryAfter ?? 1)));
  }
  throw new Error("no answer after 30 retries");
}

const hasWriteFailed = (json: { results?: { errors?: { error: string }[] } }) => json.results?.errors?.some((e) => e.error === "WRITE_FAILED") ?? false;

async function expectConverged(campaignId: string, body: { records: Record<string, unknown>[] }, retry: { status: number; json: { results: { successful: number; total: number } } }) {
  expect([201, 207]).toContain(retry.status);
  expect(retry.json.results.total).toBe(TOTAL);
  const rows = await db.customer.findMany({ where: { campaignId }, select: { identifier: true } });
  expect(rows.map((r) => r.identifier).sort()).toEqual(body.records.map((r) => String(r.loan_id)).sort());
  // The interrupted request's job is given a final state by the sweep; none stays processing.
  await sweepInterruptedUploads(0, 0);
  const jobs = await db.uploadJob.findMany({ where: { campaignId }, select: { status: true } });
  expect(jobs.every((j) => j.status === "completed" || j.status === "failed")).toBe(true);
}

async function waitForCount(campaignId: string, count: number) {
  const deadline = Date.now() + 60_000;
  while ((await db.customer.count({ where: { campaignId } })) < count) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} rows`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
