import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/domain/errors";
import { normalizePhone } from "@/lib/records/phone";

// The organization's pool of outbound numbers (the calls' from_phone). With none configured, the
// dialer's default caller id (call_settings.fromPhone) is used, so existing organizations call as
// before. With numbers configured, each dial takes an active one, least recently used first
// (round-robin over a batch); with numbers configured and none active, nothing is dialled:
// requests answer 400 (assertCallerNumberAvailable) and waiting attempts end blocked.

export type CallerNumberView = { id: string; phoneE164: string; label: string; active: boolean; lastUsedAt: Date | null; createdAt: Date };

export const NO_ACTIVE_CALLER_NUMBER =
  "No active caller numbers: every outbound number of the organization is deactivated. Activate one under Settings → Caller numbers.";

export async function listCallerNumbers(organizationId: string): Promise<CallerNumberView[]> {
  return db.callerNumber.findMany({
    where: { organizationId },
    orderBy: [{ active: "desc" }, { createdAt: "asc" }],
    omit: { organizationId: true },
  });
}

/** Admins only. `phone` in E.164, or national to the given country (default IN). */
export async function addCallerNumber(
  ctx: DomainContext,
  input: { phone: string; label?: string; country?: "IN" },
): Promise<CallerNumberView> {
  if (ctx.actor.role !== "admin") throw new Forbidden("Only admins can change caller numbers");
  // The validation core's phone rules (landlines allowed: a caller id is often one).
  const parsed = normalizePhone(input.phone, { defaultCountry: input.country ?? "IN", mobileOnly: false });
  if (!parsed.ok)
    throw new Invalid("Invalid caller number", { issues: [`phone "${input.phone}" is not a valid phone number`], field: "phone" });
  const label = (input.label ?? "").trim().slice(0, 60);
  try {
    return await db.callerNumber.create({
      data: { organizationId: ctx.organizationId, phoneE164: parsed.e164, label },
      omit: { organizationId: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new Conflict(`${parsed.e164} is already one of your caller numbers`);
    throw error;
  }
}

/** Admins only: deactivate (no new dials from it) or activate again. */
export async function setCallerNumberActive(ctx: DomainContext, id: string, active: boolean): Promise<CallerNumberView> {
  if (ctx.actor.role !== "admin") throw new Forbidden("Only admins can change caller numbers");
  const { count } = await db.callerNumber.updateMany({ where: { id, organizationId: ctx.organizationId }, data: { active } });
  if (count === 0) throw new NotFound("Caller number not found", { resource: "caller number" });
  return db.callerNumber.findUniqueOrThrow({ where: { id }, omit: { organizationId: true } });
}

/** Configured and active numbers of the organization. */
export async function callerNumberCounts(organizationId: string) {
  const rows = await db.callerNumber.groupBy({ by: ["active"], where: { organizationId }, _count: { _all: true } });
  const active = rows.find((r) => r.active)?._count._all ?? 0;
  return { configured: rows.reduce((n, r) => n + r._count._all, 0), active };
}

/** 400 when the organization has caller numbers and none is active (initiate, bulk add with calls, preflight). */
export async function assertCallerNumberAvailable(organizationId: string): Promise<void> {
  const { configured, active } = await callerNumberCounts(organizationId);
  if (configured > 0 && active === 0) throw new Invalid(NO_ACTIVE_CALLER_NUMBER, { field: "callerNumbers" });
}

/**
 * The caller id of each of `count` dials about to be claimed, inside the claim's transaction:
 * the default when none is configured, round-robin over the active numbers least recently used
 * first (their lastUsedAt moves to `now`), or null when numbers exist and none is active.
 */
export async function pickCallerNumbers(
  tx: Prisma.TransactionClient,
  organizationId: string,
  count: number,
  fallback: string,
  now: Date,
): Promise<{ pick: (i: number) => string; none: boolean }> {
  const numbers = await tx.callerNumber.findMany({
    where: { organizationId },
    orderBy: [{ lastUsedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    select: { id: true, phoneE164: true, active: true },
  });
  if (numbers.length === 0) return { pick: () => fallback, none: false };
  const active = numbers.filter((n) => n.active);
  if (active.length === 0) return { pick: () => fallback, none: true };
  const used = active.slice(0, Math.min(count, active.length)).map((n) => n.id);
  if (used.length) await tx.callerNumber.updateMany({ where: { id: { in: used } }, data: { lastUsedAt: now } });
  return { pick: (i) => active[i % active.length].phoneE164, none: false };
}
