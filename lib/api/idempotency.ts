import { createHash, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";

// Idempotency-Key on POSTs that write (Stripe's semantics): the same key and body replays the stored
// response and writes nothing; another body under the same key is 422; a key whose first request
// is still running is 409. Keys are per organization and their answers are kept for 24 hours.
//
// A running request holds the key by a lease (IDEMPOTENCY_LEASE_SECONDS, default 30 s) that it
// renews while it runs. A request that died (process killed, connection lost) stops renewing, so
// once its lease has expired the next request with the same key and body takes the key over and
// runs again: the write paths skip rows that already exist, so the retry converges to the rows of
// one successful request. Only the lease holder may record the answer or release the key.

const TTL_MS = 24 * 60 * 60 * 1000;

export type Replay = { status: number; body: unknown };

// This process's leases: renewal timers by organization + key.
const held = new Map<string, { leaseId: string; timer: NodeJS.Timeout }>();
const slot = (organizationId: string, key: string) => `${organizationId}\n${key}`;
const leaseMs = () => env.IDEMPOTENCY_LEASE_SECONDS * 1000;

export async function beginIdempotent(organizationId: string, key: string, fingerprintSource: string): Promise<Replay | null> {
  if (key.length > 255) throw new ApiError("bad_request", "Idempotency-Key must be at most 255 characters");
  const fingerprint = createHash("sha256").update(fingerprintSource).digest("hex");
  const now = new Date();
  const leaseId = randomUUID();
  const leaseExpiresAt = new Date(now.getTime() + leaseMs());
  // Expired keys are forgotten, so the same key can be used again after the TTL.
  await db.idempotencyKey.deleteMany({ where: { organizationId, key, expiresAt: { lt: now } } });
  const inserted = await db.$executeRaw`
    INSERT INTO idempotency_keys (id, "organizationId", key, fingerprint, state, "leaseId", "leaseExpiresAt", "expiresAt")
    VALUES (${randomUUID()}, ${organizationId}, ${key}, ${fingerprint}, 'in_progress', ${leaseId}, ${leaseExpiresAt}, ${new Date(now.getTime() + TTL_MS)})
    ON CONFLICT ("organizationId", key) DO NOTHING`;
  if (inserted === 1) return hold(organizationId, key, leaseId);

  // The first request died: its lease ran out, so this one takes the key over (one UPDATE, one winner).
  const takenOver = await db.idempotencyKey.updateMany({
    where: { organizationId, key, fingerprint, state: "in_progress", OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
    data: { leaseId, leaseExpiresAt },
  });
  if (takenOver.count === 1) return hold(organizationId, key, leaseId);

  const existing = await db.idempotencyKey.findUnique({ where: { organizationId_key: { organizationId, key } } });
  if (!existing) throw inProgress(1, "A request with this Idempotency-Key is in progress; retry shortly");
  if (existing.fingerprint !== fingerprint) {
    throw new ApiError("unprocessable", "Idempotency-Key was already used with a different request body");
  }
  if (existing.state !== "completed" || existing.responseStatus === null) {
    const wait = Math.max(1, Math.ceil(((existing.leaseExpiresAt?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
    throw inProgress(wait, "A request with this Idempotency-Key is still in progress");
  }
  return { status: existing.responseStatus, body: storedBody(existing.responseBody) };
}

export async function completeIdempotent(organizationId: string, key: string, status: number, body: unknown) {
  const leaseId = release(organizationId, key);
  await db.idempotencyKey.updateMany({
    where: { organizationId, key, state: "in_progress", ...(leaseId && { leaseId }) },
    // Kept as the JSON text that was sent: jsonb would reorder the keys, and a replay must be
    // the same bytes as the first answer.
    data: { state: "completed", responseStatus: status, responseBody: JSON.stringify(body), leaseId: null, leaseExpiresAt: null },
  });
}

/** A failed first attempt must not pin the key: the client may retry it. */
export async function abandonIdempotent(organizationId: string, key: string) {
  const leaseId = release(organizationId, key);
  await db.idempotencyKey.deleteMany({ where: { organizationId, key, state: "in_progress", ...(leaseId && { leaseId }) } });
}

function hold(organizationId: string, key: string, leaseId: string): null {
  const renew = () =>
    db.idempotencyKey
      .updateMany({ where: { organizationId, key, leaseId }, data: { leaseExpiresAt: new Date(Date.now() + leaseMs()) } })
      .catch((error: unknown) => logError("idempotency lease renewal failed", error));
  const timer = setInterval(() => void renew(), Math.max(250, leaseMs() / 3));
  timer.unref();
  held.set(slot(organizationId, key), { leaseId, timer });
  return null;
}

function release(organizationId: string, key: string): string | null {
  const lease = held.get(slot(organizationId, key));
  if (!lease) return null;
  clearInterval(lease.timer);
  held.delete(slot(organizationId, key));
  return lease.leaseId;
}

function inProgress(retryAfterSeconds: number, message: string) {
  return new ApiError("conflict", message, { headers: { "Retry-After": String(retryAfterSeconds) } });
}

function storedBody(stored: unknown): unknown {
  return typeof stored === "string" ? JSON.parse(stored) : stored;
}
