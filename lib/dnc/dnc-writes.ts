import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/domain/errors";
import { getOrganizationDefaults } from "@/lib/organizations/organization-defaults";
import { normalizePhone } from "@/lib/records/phone";
import type { AddDncInput } from "./dnc-input";
import { actorName, recordDncEvents } from "./dnc-events";

// The DNC screen's writes: add one number, remove it (deactivate: the entry and its history stay)
// and re-activate it. Each writes its history event in the same transaction.

export function assertCanEditDnc(ctx: DomainContext) {
  if (ctx.actor.role === "viewer") throw new Forbidden("Viewers cannot change the Do-Not-Call list");
}

/** The list a campaign id names (null: global), with the country its numbers are read in. */
export async function dncScope(ctx: DomainContext, campaignId: string | null) {
  // Global entries have no campaign, so no campaign country: the organization's default (Settings).
  if (campaignId === null) {
    const { phoneCountry } = await getOrganizationDefaults(ctx.organizationId);
    return { scope: "", campaignId: null, campaignName: null, country: phoneCountry };
  }
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, organizationId: ctx.organizationId },
    select: { id: true, name: true, phoneCountry: true },
  });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign", field: "campaignId" });
  return { scope: campaign.id, campaignId: campaign.id, campaignName: campaign.name, country: campaign.phoneCountry };
}

/**
 * The phone rules of the core (lib/records/phone), with the list's country; DNC lists hold
 * landlines too, so any dialable number is accepted.
 */
export function dncPhone(value: string, country: string) {
  return normalizePhone(value, { defaultCountry: country, mobileOnly: false });
}

export async function addDncEntry(ctx: DomainContext, input: AddDncInput) {
  assertCanEditDnc(ctx);
  const list = await dncScope(ctx, input.campaignId);
  const phone = dncPhone(input.number, list.country);
  if (!phone.ok)
    throw new Invalid("Not a valid phone number", { field: "number", value: input.number, issues: [`number: ${phone.message}`] });
  const where = { organizationId: ctx.organizationId, scope: list.scope, phoneE164: phone.e164 };
  const existing = await db.dncEntry.findUnique({ where: { organizationId_scope_phoneE164: where }, select: { status: true } });
  if (existing) throw duplicate(phone.e164, list.campaignName, existing.status);
  const actor = await actorName(ctx);
  const reason = input.reason ? input.reason : null;
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO dnc_entries (id, "organizationId", "campaignId", scope, "phoneRaw", "phoneE164", status, reason, "createdAt")
      VALUES (gen_random_uuid()::text, ${ctx.organizationId}, ${list.campaignId}, ${list.scope}, ${input.number}, ${phone.e164}, 'active', ${reason}, now())
      ON CONFLICT ("organizationId", scope, "phoneE164") DO NOTHING
      RETURNING id`;
    // Someone added it between the check and the insert.
    if (!row) throw duplicate(phone.e164, list.campaignName, "active");
    const change = { entryId: row.id, phoneE164: phone.e164, phoneRaw: input.number, scope: list.scope, reason };
    await recordDncEvents(tx, ctx, actor, [{ ...change, action: "added", status: "active" }]);
    return { id: row.id, phoneE164: phone.e164, phoneRaw: input.number, campaignId: list.campaignId, status: "active" as const };
  });
}

function duplicate(e164: string, campaignName: string | null, status: string) {
  const list = campaignName === null ? "the global list" : `the list of ${campaignName}`;
  const message =
    status === "active" ? `${e164} is already on ${list}` : `${e164} is already on ${list}, removed; re-activate it from the list instead`;
  return new Conflict(message, { resource: "dnc_entry", field: "number", value: e164, issues: [`number: ${message}`] });
}

/** Removes (active: false) or re-activates an entry; asking for the status it has changes nothing. */
export async function setDncEntryActive(ctx: DomainContext, entryId: string, active: boolean) {
  assertCanEditDnc(ctx);
  const entry = await db.dncEntry.findFirst({ where: { id: entryId, organizationId: ctx.organizationId } });
  if (!entry) throw new NotFound("DNC entry not found", { resource: "dnc_entry" });
  const status = active ? "active" : "inactive";
  if (entry.status === status) return { id: entry.id, status, changed: false };
  const actor = await actorName(ctx);
  return db.$transaction(async (tx) => {
    // The status in the WHERE: of two concurrent removals, one changes the entry and records it.
    const changed = await tx.$executeRaw`
      UPDATE dnc_entries SET status = ${status}::"DncStatus" WHERE id = ${entry.id} AND status <> ${status}::"DncStatus"`;
    if (changed === 1) {
      await recordDncEvents(tx, ctx, actor, [
        {
          entryId: entry.id,
          phoneE164: entry.phoneE164,
          phoneRaw: entry.phoneRaw,
          scope: entry.scope,
          reason: entry.reason,
          action: active ? "reactivated" : "deactivated",
          status,
        },
      ]);
    }
    return { id: entry.id, status, changed: changed === 1 };
  });
}
