import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { batches } from "./dnc-batches";

// The DNC list's history: one dnc_events row per change (added, deactivated, re-activated,
// deleted), written by the same transaction as the change, whichever door it came through
// (the DNC screen, a contact's "Add to DNC", Flexydial's upload-dnc and remove-dnc).

export type DncAction = "added" | "deactivated" | "reactivated" | "deleted";

export type DncChange = {
  entryId: string;
  phoneE164: string;
  phoneRaw: string;
  /** "" for a global entry, else the campaign id (its name is copied into the event). */
  scope: string;
  action: DncAction;
  /** The entry's status after the change. */
  status: "active" | "inactive";
  reason: string | null;
};

type Sql = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/** Who acts, as the history shows it: the signed-in user's name, or the API key's name. */
export async function actorName(ctx: DomainContext): Promise<string> {
  const { userId, apiKeyId } = ctx.actor;
  if (userId) {
    const user = await db.user.findFirst({
      where: { id: userId, organizationId: ctx.organizationId },
      select: { name: true, email: true },
    });
    if (user) return user.name.trim() || user.email;
  }
  if (apiKeyId) {
    const key = await db.apiKey.findFirst({
      where: { id: apiKeyId, organizationId: ctx.organizationId },
      select: { name: true, user: { select: { name: true, email: true } } },
    });
    if (key?.user) return key.user.name.trim() || key.user.email;
    if (key) return `API key “${key.name}”`;
  }
  return ctx.source === "workflow" ? "A workflow" : "The system";
}

/** Writes one event per change, in batches (a Flexydial request may change 100,000 entries). */
export async function recordDncEvents(sql: Sql, ctx: DomainContext, actor: string, changes: readonly DncChange[]) {
  const { userId, apiKeyId } = ctx.actor;
  for (const batch of batches(changes)) {
    await sql.$executeRaw`
      INSERT INTO dnc_events (id, "organizationId", "entryId", "phoneE164", "phoneRaw", scope, "campaignName", action, status, reason,
        source, "userId", "apiKeyId", actor, "createdAt")
      SELECT gen_random_uuid()::text, ${ctx.organizationId}, r.entry_id, r.phone_e164, r.phone_raw, r.scope, c.name,
        r.action::"DncAction", r.status::"DncStatus", r.reason, ${ctx.source}, ${userId}, ${apiKeyId}, ${actor}, clock_timestamp()
      FROM unnest(
        ${batch.map((c) => c.entryId)}::text[], ${batch.map((c) => c.phoneE164)}::text[], ${batch.map((c) => c.phoneRaw)}::text[],
        ${batch.map((c) => c.scope)}::text[], ${batch.map((c) => c.action)}::text[], ${batch.map((c) => c.status)}::text[],
        ${batch.map((c) => c.reason)}::text[]
      ) AS r(entry_id, phone_e164, phone_raw, scope, action, status, reason)
      LEFT JOIN campaigns c ON c.id = r.scope AND c."organizationId" = ${ctx.organizationId}`;
  }
}
