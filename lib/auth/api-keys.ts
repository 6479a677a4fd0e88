import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";

// API keys are 32 random bytes; only their SHA-256 is stored, so a database leak reveals no key.
// A key is accepted as `Authorization: Bearer <key>` (TimePay) and `Authorization: Token <key>` (Flexydial).

const KEY_PREFIX = "dsk_";

export type Credential = { organizationId: string; apiKeyId: string; userId: string | null };

export async function createApiKey(input: { organizationId: string; name: string; userId?: string | null }) {
  const secret = KEY_PREFIX + randomBytes(32).toString("base64url");
  const record = await db.apiKey.create({
    data: {
      organizationId: input.organizationId,
      userId: input.userId ?? null,
      name: input.name,
      prefix: secret.slice(0, KEY_PREFIX.length + 6),
      hash: hashKey(secret),
    },
  });
  return { id: record.id, secret };
}

export async function verifyApiKey(secret: string): Promise<Credential | null> {
  if (!secret || secret.length > 200) return null;
  const key = await db.apiKey.findUnique({ where: { hash: hashKey(secret) } });
  if (!key || key.revokedAt) return null;
  // Best effort: a failed timestamp update must not fail the request.
  void db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  return { organizationId: key.organizationId, apiKeyId: key.id, userId: key.userId };
}

/** Parses `Bearer <key>` or `Token <key>`; anything else is no credential. */
export function parseAuthorization(header: string | null): { scheme: "bearer" | "token"; key: string } | null {
  const match = /^(Bearer|Token)\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) return null;
  return { scheme: match[1].toLowerCase() as "bearer" | "token", key: match[2] };
}

export function hashKey(secret: string) {
  return createHash("sha256").update(secret).digest("hex");
}
