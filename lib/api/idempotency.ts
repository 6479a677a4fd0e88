import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";

// Idempotency-Key on POSTs that write (Stripe's semantics): the same key and body replays the stored
// response and writes nothing; another body under the same key is 422; a key whose first request
// is still running is 409. Keys are per organization and kept for 24 hours.

const TTL_MS = 24 * 60 * 60 * 1000;

export type Replay = { status: number; body: unknown };

export async function beginIdempotent(organizationId: string, key: string, fingerprintSource: string): Promise<Replay | null> {
  if (key.length > 255) throw new ApiError("bad_request", "Idempotency-Key must be at most 255 characters");
  const fingerprint = createHash("sha256").update(fingerprintSource).digest("hex");
  const now = new Date();
  // Expired keys are forgotten, so the same key can be used again after the TTL.
  await db.idempotencyKey.deleteMany({ where: { organizationId, key, expiresAt: { lt: now } } });
  const inserted = await db.$executeRaw`
    INSERT INTO idempotency_keys (id, "organizationId", key, fingerprint, state, "expiresAt")
    VALUES (${crypto.randomUUID()}, ${organizationId}, ${key}, ${fingerprint}, 'in_progress', ${new Date(now.getTime() + TTL_MS)})
    ON CONFLICT ("organizationId", key) DO NOTHING`;
  if (inserted === 1) return null;

  const existing = await db.idempotencyKey.findUnique({ where: { organizationId_key: { organizationId, key } } });
  if (!existing) throw new ApiError("conflict", "A request with this Idempotency-Key is in progress; retry shortly");
  if (existing.fingerprint !== fingerprint) {
    throw new ApiError("unprocessable", "Idempotency-Key was already used with a different request body");
  }
  if (existing.state !== "completed" || existing.responseStatus === null) {
    throw new ApiError("conflict", "A request with this Idempotency-Key is still in progress");
  }
  return { status: existing.responseStatus, body: storedBody(existing.responseBody) };
}

export async function completeIdempotent(organizationId: string, key: string, status: number, body: unknown) {
  await db.idempotencyKey.update({
    where: { organizationId_key: { organizationId, key } },
    // Kept as the JSON text that was sent: jsonb would reorder the keys, and a replay must be
    // the same bytes as the first answer.
    data: { state: "completed", responseStatus: status, responseBody: JSON.stringify(body) },
  });
}

/** A failed first attempt must not pin the key: the client may retry it. */
export async function abandonIdempotent(organizationId: string, key: string) {
  await db.idempotencyKey.deleteMany({ where: { organizationId, key, state: "in_progress" } });
}

function storedBody(stored: unknown): unknown {
  return typeof stored === "string" ? JSON.parse(stored) : stored;
}
