import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizePhone } from "@/lib/records/phone";
import { getOrganizationDefaults } from "@/lib/organizations/organization-defaults";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Invalid, NotFound } from "@/lib/domain/errors";
import { batches, DNC_TRANSACTION } from "./dnc-batches";
import { actorName, type DncChange, recordDncEvents } from "./dnc-events";

// The organization's Do-Not-Call list: global entries (scope "") and per-campaign entries
// (scope = campaign id), matched on the E.164 number. Each request is all-or-nothing: one bad or
// duplicate number rejects the whole array and nothing is written, so a client can fix and resend.
// Errors name the number (or campaign) as sent in `value`; the Flexydial adapter words them.

export type DncUploadItem = {
  index: number;
  /** As sent: error messages quote it ("DNC number 6300868437 already exists."). */
  numeric: string;
  /** Campaign name, or null for the global list. */
  campaign: string | null;
  status: "active" | "inactive";
};

export type DncRemoveItem = {
  index: number;
  numeric: string;
  /** Absent: every entry of the number. "": the global entry only. A name: that campaign's. */
  campaign: string | null | undefined;
};

const alreadyListed = (numeric: string) => new Conflict("The number is already on the DNC list", { resource: "dnc_entry", value: numeric });
const notListed = (numeric: string) => new NotFound("The number is not on the DNC list", { resource: "dnc_entry", value: numeric });

export type Blocked = "global" | "campaign";

/**
 * Adds entries; an existing entry sent with another status has its status changed (the "Update"
 * of "DNC Upload and Update"); one sent with the same status is the documented duplicate error.
 */
export async function uploadDnc(ctx: DomainContext, items: DncUploadItem[]) {
  const { organizationId } = ctx;
  // Global entries have no campaign, so no campaign country: the organization's default (Settings).
  const { phoneCountry: globalCountry } = await getOrganizationDefaults(organizationId);
  const campaigns = await campaignsByName(
    organizationId,
    items.map((item) => item.campaign),
  );
  const entries = items.map((item) => {
    const campaign = item.campaign === null ? null : campaigns.get(item.campaign)!;
    const phoneE164 = normalizeDnc(item.numeric, campaign?.phoneCountry ?? globalCountry, true);
    return { ...item, campaignId: campaign?.id ?? null, scope: campaign?.id ?? "", phoneE164: phoneE164! };
  });
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = `${entry.scope}|${entry.phoneE164}`;
    if (seen.has(key)) throw alreadyListed(entry.numeric);
    seen.add(key);
  }

  const actor = await actorName(ctx);
  await db.$transaction(async (tx) => {
    type Existing = { id: string; scope: string; phoneE164: string; phoneRaw: string; status: string; reason: string | null };
    const byKey = new Map<string, Existing>();
    for (const phones of batches([...new Set(entries.map((e) => e.phoneE164))])) {
      const existing = await tx.$queryRaw<Existing[]>`
        SELECT id, scope, "phoneE164", "phoneRaw", status::text, reason FROM dnc_entries
        WHERE "organizationId" = ${organizationId} AND "phoneE164" = ANY(${phones}::text[])`;
      for (const e of existing) byKey.set(`${e.scope}|${e.phoneE164}`, e);
    }
    const changed: { id: string; status: "active" | "inactive" }[] = [];
    const added: typeof entries = [];
    const events: DncChange[] = [];
    for (const entry of entries) {
      const current = byKey.get(`${entry.scope}|${entry.phoneE164}`);
      if (!current) added.push(entry);
      else if (current.status === entry.status) throw alreadyListed(entry.numeric);
      else {
        changed.push({ id: current.id, status: entry.status });
        const action = entry.status === "active" ? "reactivated" : "deactivated";
        events.push({
          entryId: current.id,
          phoneE164: current.phoneE164,
          phoneRaw: current.phoneRaw,
          scope: current.scope,
          action,
          status: entry.status,
          reason: current.reason,
        });
      }
    }
    for (const status of ["active", "inactive"] as const) {
      for (const ids of batches(changed.filter((c) => c.status === status).map((c) => c.id))) {
        await tx.$executeRaw`UPDATE dnc_entries SET status = ${status}::"DncStatus" WHERE id = ANY(${ids}::text[])`;
      }
    }
    for (const batch of batches(added)) {
      // One INSERT ... unnest per batch: Prisma's createManyAndReturn takes seconds for 5,000 rows.
      const created = await tx.$queryRaw<{ id: string; scope: string; phone: string; raw: string; status: "active" | "inactive" }[]>`
        INSERT INTO dnc_entries (id, "organizationId", "campaignId", scope, "phoneRaw", "phoneE164", status)
        SELECT gen_random_uuid()::text, ${organizationId}, r.campaign_id, r.scope, r.phone_raw, r.phone_e164, r.status::"DncStatus"
        FROM unnest(
          ${batch.map((e) => e.campaignId)}::text[], ${batch.map((e) => e.scope)}::text[], ${batch.map((e) => e.numeric)}::text[],
          ${batch.map((e) => e.phoneE164)}::text[], ${batch.map((e) => e.status)}::text[]
        ) AS r(campaign_id, scope, phone_raw, phone_e164, status)
        ON CONFLICT ("organizationId", scope, "phoneE164") DO NOTHING
        RETURNING id, scope, "phoneE164" AS phone, "phoneRaw" AS raw, status::text AS status`;
      // A concurrent request inserted one of them between our read and our write.
      if (created.length < batch.length) {
        const inserted = new Set(created.map((c) => `${c.scope}|${c.phone}`));
        const lost = batch.find((e) => !inserted.has(`${e.scope}|${e.phoneE164}`))!;
        throw alreadyListed(lost.numeric);
      }
      for (const c of created) {
        events.push({
          entryId: c.id,
          phoneE164: c.phone,
          phoneRaw: c.raw,
          scope: c.scope,
          action: "added",
          status: c.status,
          reason: null,
        });
      }
    }
    await recordDncEvents(tx, ctx, actor, events);
  }, DNC_TRANSACTION);
}

/** Deletes entries; a number that matches none rejects the whole request. */
export async function removeDnc(ctx: DomainContext, items: DncRemoveItem[]) {
  const { organizationId } = ctx;
  // Global entries have no campaign, so no campaign country: the organization's default (Settings).
  const { phoneCountry: globalCountry } = await getOrganizationDefaults(organizationId);
  const campaigns = await campaignsByName(
    organizationId,
    items.map((item) => item.campaign ?? null),
  );
  const targets = items.map((item) => {
    const campaign = item.campaign ? campaigns.get(item.campaign)! : null;
    // A number that is not a phone number cannot be on the list.
    const phoneE164 = normalizeDnc(item.numeric, campaign?.phoneCountry ?? globalCountry, false);
    if (phoneE164 === null) throw notListed(item.numeric);
    return { numeric: item.numeric, phoneE164, scope: item.campaign === undefined ? null : (campaign?.id ?? "") };
  });

  const actor = await actorName(ctx);
  await db.$transaction(async (tx) => {
    const deleted = new Set<string>();
    const events: DncChange[] = [];
    for (const batch of batches(targets)) {
      const rows = await tx.$queryRaw<{ id: string; phone: string; raw: string; scope: string; reason: string | null }[]>`
        DELETE FROM dnc_entries d
        USING unnest(${batch.map((t) => t.phoneE164)}::text[], ${batch.map((t) => t.scope)}::text[]) AS r(phone, scope)
        WHERE d."organizationId" = ${organizationId} AND d."phoneE164" = r.phone AND (r.scope IS NULL OR d.scope = r.scope)
        RETURNING d.id, d."phoneE164" AS phone, d."phoneRaw" AS raw, d.scope, d.reason`;
      // An entry may already be gone, deleted by an earlier item of this request: both keys count.
      for (const row of rows) {
        deleted.add(row.phone).add(`${row.scope}|${row.phone}`);
        events.push({
          entryId: row.id,
          phoneE164: row.phone,
          phoneRaw: row.raw,
          scope: row.scope,
          action: "deleted",
          status: "inactive",
          reason: row.reason,
        });
      }
    }
    const missing = targets.find((t) => !deleted.has(t.scope === null ? t.phoneE164 : `${t.scope}|${t.phoneE164}`));
    if (missing) throw notListed(missing.numeric);
    await recordDncEvents(tx, ctx, actor, events);
  }, DNC_TRANSACTION);
}

/** Which of `phones` (E.164) an active entry blocks for the campaign; global wins over campaign. */
export async function blockedNumbers(
  sql: Pick<Prisma.TransactionClient, "$queryRaw">,
  organizationId: string,
  campaignId: string,
  phones: string[],
): Promise<Map<string, Blocked>> {
  const blocked = new Map<string, Blocked>();
  if (phones.length === 0) return blocked;
  const rows = await sql.$queryRaw<{ phone: string; scope: string }[]>`
    SELECT "phoneE164" AS phone, scope FROM dnc_entries
    WHERE "organizationId" = ${organizationId} AND status = 'active' AND scope IN ('', ${campaignId})
      AND "phoneE164" = ANY(${phones}::text[])`;
  for (const row of rows) if (row.scope === "" || !blocked.has(row.phone)) blocked.set(row.phone, row.scope === "" ? "global" : "campaign");
  return blocked;
}

async function campaignsByName(organizationId: string, names: (string | null)[]) {
  const wanted = [...new Set(names.filter((name): name is string => name !== null))];
  const found = wanted.length
    ? await db.campaign.findMany({ where: { organizationId, name: { in: wanted } }, select: { id: true, name: true, phoneCountry: true } })
    : [];
  const byName = new Map(found.map((c) => [c.name, c]));
  const missing = wanted.find((name) => !byName.has(name));
  if (missing) throw new NotFound("Campaign not found", { resource: "campaign", value: missing });
  return byName;
}

// DNC lists hold landlines too, so any dialable number is accepted (mobileOnly: false).
function normalizeDnc(numeric: string, country: string, required: true): string;
function normalizeDnc(numeric: string, country: string, required: false): string | null;
function normalizeDnc(numeric: string, country: string, required: boolean): string | null {
  const phone = normalizePhone(numeric, { defaultCountry: country, mobileOnly: false });
  if (phone.ok) return phone.e164;
  if (required) throw new Invalid("Not a valid phone number", { field: "numeric", value: numeric, issues: [phone.message] });
  return null;
}
