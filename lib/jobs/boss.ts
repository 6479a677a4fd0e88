import PgBoss from "pg-boss";
import pg from "pg";
import { databaseUrl } from "@/lib/env";
import { logError } from "@/lib/log";

// The pg-boss queue, one per process, in the `pgboss` schema of the app's own Postgres. Producers
// enqueue inside their own Prisma transaction (sendInTransaction), so a job row and its queue
// message commit together or not at all; a message holds only ids.
//
// pg-boss 10 has no heartbeat: a job whose worker died stays "active" until `expireInSeconds`
// after it started, and the maintenance pass (every MAINTENANCE_SECONDS, in any process) then
// retries it. Handlers therefore work in time slices well under the expiry (see
// lib/flexydial/worker/worker.ts) and a crashed job is picked up again 11–17 s after it started.

// QUEUE_PREFIX (test files set it before this module loads) gives a test file queues of its own, so
// one file's worker never takes another file's messages. Unset in the app.
const PREFIX = process.env.QUEUE_PREFIX ?? "";
export const QUEUES = {
  flexydialUpload: `${PREFIX}flexydial-upload`,
  /** Where pg-boss moves a flexydial-upload job once its retries are exhausted. */
  flexydialUploadFailed: `${PREFIX}flexydial-upload-failed`,
  /** One message per outgoing call-result webhook delivery (lib/webhooks). */
  webhookDelivery: `${PREFIX}webhook-delivery`,
  /** Wake-ups of the call dispatcher (created and consumed by lib/calls/calls-queue.ts). */
  callsDispatch: `${PREFIX}calls-dispatch`,
  /** One message per call batch whose accepted customers still need their attempts (lib/calls/expand-queue.ts). */
  callsExpand: `${PREFIX}calls-expand`,
  /** Wake-ups of the workflow runner (lib/workflows/workflows-queue.ts). */
  workflowsRun: `${PREFIX}workflows-run`,
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Retries back off exponentially from 1 s (1–2 s, 2–4 s, ...): 17–34 min before giving up. */
export const JOB_SETTINGS = { expireInSeconds: 10, retryLimit: 10, retryDelay: 1, retryBackoff: true } as const;
/**
 * Webhook deliveries: a non-200 answer throws and pg-boss retries after 2–4 s, 4–8 s, … doubling
 * (35–70 min over 10 retries). The handler gives up itself after WEBHOOK_MAX_ATTEMPTS (lib/webhooks).
 */
export const WEBHOOK_JOB_SETTINGS = { expireInSeconds: 30, retryLimit: 10, retryDelay: 2, retryBackoff: true } as const;
const MAINTENANCE_SECONDS = 5;
export const POLLING_SECONDS = 1;
const WAKE_CHANNEL = "dialsheet_jobs";

type Tx = {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
};

const holder = globalThis as unknown as { dialsheetBoss?: Promise<PgBoss> };

/**
 * A queue's creation (or settings update), once per started queue: returns the function producers
 * and workers call before their first send or work. A failed attempt is tried again next call.
 */
export function queuePreparer(name: QueueName, options: Omit<PgBoss.Queue, "name">): () => Promise<void> {
  const prepared = new WeakMap<PgBoss, Promise<void>>();
  const queue = { name, ...options };
  return async () => {
    const boss = await getBoss();
    let ready = prepared.get(boss);
    if (!ready) {
      ready = boss.createQueue(name, queue).then(() => boss.updateQueue(name, queue));
      ready.catch(() => prepared.delete(boss));
      prepared.set(boss, ready);
    }
    return ready;
  };
}

/** The started queue of this process (installs pg-boss's schema and our queues on first use). */
export function getBoss(): Promise<PgBoss> {
  holder.dialsheetBoss ??= startBoss().catch((error) => {
    holder.dialsheetBoss = undefined;
    throw error;
  });
  return holder.dialsheetBoss;
}

export async function stopBoss() {
  const boss = holder.dialsheetBoss;
  holder.dialsheetBoss = undefined;
  // Graceful: running handlers get 10 s to finish their slice; what is left is failed and retried.
  await (await boss?.catch(() => null))?.stop({ graceful: true, timeout: 10_000 });
}

/**
 * Enqueues `data` as part of the caller's Prisma transaction: the message exists exactly when
 * the transaction commits. Also wakes idle workers (Postgres NOTIFY is delivered at commit).
 * Call getBoss() before opening the transaction: the first start installs pg-boss's schema.
 */
export async function sendInTransaction(
  tx: Tx,
  queue: QueueName,
  data: Record<string, string>,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  const boss = await getBoss();
  const id = await boss.send(queue, data, { ...optionsFor(queue), ...options, db: prismaExecutor(tx) });
  // A singleton key may legitimately be refused (one such message is already queued).
  if (!id && !options.singletonKey) throw new Error(`pg-boss did not create a ${queue} job`);
  await tx.$executeRawUnsafe("SELECT pg_notify($1, $2)", WAKE_CHANNEL, queue);
  return id;
}

/** Enqueues outside any transaction (a continuation of work already recorded). */
export async function send(queue: QueueName, data: Record<string, string>, options: PgBoss.SendOptions = {}): Promise<string | null> {
  const boss = await getBoss();
  const id = await boss.send(queue, data, { ...optionsFor(queue), ...options });
  await boss.getDb().executeSql("SELECT pg_notify($1, $2)", [WAKE_CHANNEL, queue]);
  return id;
}

/**
 * When the waiting message of each of `values` (matched on `data->>field`) runs next: a retry's
 * backoff, or a delayed start. Messages running, done or given up have no next run.
 */
export async function nextRunsOf(
  tx: Pick<Tx, "$queryRawUnsafe">,
  queue: QueueName,
  field: string,
  values: string[],
): Promise<Map<string, Date>> {
  if (values.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<{ value: string; at: Date }[]>(
    `SELECT data->>$2 AS value, min(start_after) AS at FROM pgboss.job
     WHERE name = $1 AND state IN ('created', 'retry') AND data->>$2 = ANY($3::text[]) GROUP BY 1`,
    queue,
    field,
    values,
  );
  return new Map(rows.map((r) => [r.value, new Date(r.at)]));
}

/**
 * Calls `onWake(queue)` when a producer in any process enqueues. Polling (POLLING_SECONDS) is
 * the fallback: the embedded database does not deliver NOTIFY between connections.
 */
export async function listenForWork(onWake: (queue: string) => void): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl(), application_name: "dialsheet-wake" });
    next.on("notification", (message) => onWake(message.payload ?? ""));
    next.on("error", (error) => {
      logError("queue wake-up connection lost; reconnecting", error);
      next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1_000);
    });
    await next.connect();
    await next.query(`LISTEN ${WAKE_CHANNEL}`);
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl(),
    schema: "pgboss",
    application_name: "dialsheet-queue",
    max: 4,
    schedule: false,
    maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
  });
  boss.on("error", (error) => logError("queue error", error));
  await boss.start();
  await boss.createQueue(QUEUES.flexydialUploadFailed, { name: QUEUES.flexydialUploadFailed });
  const upload = { name: QUEUES.flexydialUpload, deadLetter: QUEUES.flexydialUploadFailed, ...JOB_SETTINGS };
  await boss.createQueue(upload.name, upload);
  // createQueue keeps an existing queue as it was; bring its defaults up to date.
  await boss.updateQueue(upload.name, upload);
  const webhook = { name: QUEUES.webhookDelivery, ...WEBHOOK_JOB_SETTINGS };
  await boss.createQueue(webhook.name, webhook);
  await boss.updateQueue(webhook.name, webhook);
  return boss;
}

function optionsFor(queue: QueueName): PgBoss.SendOptions {
  if (queue === QUEUES.webhookDelivery) return WEBHOOK_JOB_SETTINGS;
  return queue === QUEUES.flexydialUpload ? { ...JOB_SETTINGS, deadLetter: QUEUES.flexydialUploadFailed } : {};
}

// pg-boss runs its INSERT through whatever has `executeSql`; this one is the caller's Prisma
// transaction. node-pg would serialise objects itself; Prisma needs JSON text and nulls.
function prismaExecutor(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const params = values.map((v) =>
        v === undefined ? null : typeof v === "object" && v !== null && !(v instanceof Date) ? JSON.stringify(v) : v,
      );
      return { rows: (await tx.$queryRawUnsafe<unknown[]>(text, ...params)) as never[] };
    },
  };
}
