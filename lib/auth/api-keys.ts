import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@/lib/auth/access";
import { db } from "@/lib/db/client";

// API keys are 32 random bytes; only their SHA-256 is stored, so a database leak reveals no key.
// A key is accepted as `Authorization: Bearer <key>` (TimePay) and `Authorization: Token <key>` (Flexydial).
// A key carries a role no higher than its maker's; a key made by (or for) a user is also capped
// by that user's current role, so demoting a user demotes their keys.

const KEY_PREFIX = "dsk_";

export type { Role };
export type Credential = { organizationId: string; apiKeyId: string; userId: string | null; role: Role };

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** The lower of two roles. */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

export function roleAtMost(role: Role, ceiling: Role): boolean {
  return RANK[role] <= RANK[ceiling];
}

export type NewApiKey = { organizationId: string; name: string; userId?: string | null; role?: Role; purpose?: string | null };

type Tx = Pick<typeof db, "apiKey">;

export async function createApiKey(input: NewApiKey, tx: Tx = db) {
  const secret = KEY_PREFIX + randomBytes(32).toString("base64url");
  const record = await tx.apiKey.create({
    data: {
      organizationId: input.organizationId,
      userId: input.userId ?? null,
      name: input.name,
      role: input.role ?? "admin",
      purpose: input.purpose ?? null,
      prefix: secret.slice(0, KEY_PREFIX.length + 6),
      hash: hashKey(secret),
    },
  });
  return { id: record.id, secret };
}

export async function verifyApiKey(secret: string): Promise<Credential | null> {
  if (!secret || secret.length > 200) return null;
  const key = await db.apiKey.findUnique({
    where: { hash: hashKey(secret) },
    include: { user: { select: { organizationId: true, membership: { select: { role: true, organizationId: true } } } } },
  });
  if (!key || key.revokedAt) return null;
  // A user moved to another organization keeps no access to the old one through old keys.
  if (key.user && key.user.organizationId !== key.organizationId) return null;
  // A key made by a user is capped by the user's role (members.role); no membership, no access.
  const memberRole = key.user?.membership?.organizationId === key.organizationId ? key.user.membership.role : null;
  if (key.user && !memberRole) return null;
  // Best effort: a failed timestamp update must not fail the request.
  void db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  const role = memberRole ? lowerRole(key.role, memberRole) : key.role;
  return { organizationId: key.organizationId, apiKeyId: key.id, userId: key.userId, role };
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
