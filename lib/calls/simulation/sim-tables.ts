import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";

// The simulation's own tables, in the throwaway database of lib/calls/calls-simulation.test.ts:
// the shared simulated time (the workers are separate processes) and each worker's last finished
// tick. Plus the dial log: one line per call handed to a dialer, appended synchronously BEFORE
// the dialer answers (a SIGKILL cannot lose a completed write(2)), one file per worker.

export async function createSimTables() {
  await db.$executeRawUnsafe(`CREATE TABLE sim_control (id int PRIMARY KEY, tick int NOT NULL, now timestamp(3) NOT NULL, stop boolean NOT NULL DEFAULT false)`);
  await db.$executeRawUnsafe(`CREATE TABLE sim_done (worker text PRIMARY KEY, tick int NOT NULL)`);
}

export async function readControl() {
  const [row] = await db.$queryRaw<{ tick: number; now: Date; stop: boolean }[]>`SELECT tick, now, stop FROM sim_control WHERE id = 1`;
  return row ?? null;
}

export async function setControl(tick: number, now: Date, stop = false) {
  await db.$executeRaw`INSERT INTO sim_control (id, tick, now, stop) VALUES (1, ${tick}, ${now}, ${stop})
    ON CONFLICT (id) DO UPDATE SET tick = EXCLUDED.tick, now = EXCLUDED.now, stop = EXCLUDED.stop`;
  await db.$executeRaw`SELECT pg_notify('sim_tick', ${String(tick)})`;
}

export async function markDone(worker: string, tick: number) {
  await db.$executeRaw`INSERT INTO sim_done (worker, tick) VALUES (${worker}, ${tick}) ON CONFLICT (worker) DO UPDATE SET tick = EXCLUDED.tick`;
  await db.$executeRaw`SELECT pg_notify('sim_done', ${worker})`;
}

export async function workersDone(tick: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ worker: string }[]>`SELECT worker FROM sim_done WHERE tick = ${tick}`;
  return rows.map((r) => r.worker);
}

/**
 * Resolves on the next notification on `channel`, or after `ms` (a fallback: the state is always
 * re-read from the tables, the notification only saves polling).
 */
export async function listener(channel: "sim_tick" | "sim_done") {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  await client.query(`LISTEN ${channel}`);
  let wake: (() => void) | null = null;
  let pending = false;
  client.on("notification", () => {
    if (wake) wake();
    else pending = true;
  });
  return {
    next: (ms: number) =>
      new Promise<void>((resolve) => {
        if (pending) {
          pending = false;
          return resolve();
        }
        const timer = setTimeout(() => {
          wake = null;
          resolve();
        }, ms);
        wake = () => {
          wake = null;
          clearTimeout(timer);
          resolve();
        };
      }),
    close: () => client.end(),
  };
}

export type Dial = { call_id: string; phone: string; campaign_id: string; at: Date; worker: string };

export function logDial(dir: string, dial: Dial) {
  appendFileSync(path.join(dir, `dials-${dial.worker}.log`), `${dial.call_id},${dial.phone},${dial.campaign_id},${dial.at.toISOString()},${dial.worker}\n`);
}

export function readDials(dir: string, worker: string): Dial[] {
  const file = path.join(dir, `dials-${worker}.log`);
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => {
    const [call_id, phone, campaign_id, at, w] = line.split(",");
    return { call_id, phone, campaign_id, at: new Date(at), worker: w };
  });
}
