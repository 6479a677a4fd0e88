import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { phoneSearch } from "@/lib/records/phone-search";
import type { DncAction } from "./dnc-events";
import { getOrganizationDefaults } from "@/lib/organizations/organization-defaults";

// The DNC screen's reads: the list (searched, filtered and paginated in Postgres) and the
// history of changes. A search finds a number however it is typed: "98765 43210", "+91 98765
// 43210" and "098765 43210" are the same E.164 number; part of one ("43210") matches too, as
// does the number as it was entered.

export const DNC_PAGE_SIZE = 25;

export type DncListFilter = {
  q?: string;
  /** "global", or a campaign id. */
  scope?: string;
  status?: "active" | "inactive";
  page?: number;
};

export type DncListRow = {
  id: string;
  phoneRaw: string;
  phoneE164: string;
  campaignId: string | null;
  campaignName: string | null;
  status: "active" | "inactive";
  reason: string | null;
  createdAt: Date;
  addedBy: string | null;
  /** The latest change, when it is not the addition (a removal or re-activation). */
  lastChange: { action: DncAction; actor: string; at: Date } | null;
};

export async function listDnc(ctx: DomainContext, filter: DncListFilter) {
  const page = filter.page ?? 1;
  const { phoneCountry } = await getOrganizationDefaults(ctx.organizationId);
  const where = Prisma.sql`e."organizationId" = ${ctx.organizationId}
    ${filter.status ? Prisma.sql`AND e.status = ${filter.status}::"DncStatus"` : Prisma.empty}
    ${filter.scope ? Prisma.sql`AND e.scope = ${filter.scope === "global" ? "" : filter.scope}` : Prisma.empty}
    ${numberMatch(filter.q, Prisma.sql`e`, phoneCountry)}`;
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<(Omit<DncListRow, "lastChange"> & { lastAction: DncAction | null; lastActor: string | null; lastAt: Date | null })[]>`
      SELECT e.id, e."phoneRaw", e."phoneE164", e."campaignId", c.name AS "campaignName", e.status::text AS status, e.reason,
        e."createdAt", a.actor AS "addedBy", l.action::text AS "lastAction", l.actor AS "lastActor", l."createdAt" AS "lastAt"
      FROM dnc_entries e
      LEFT JOIN campaigns c ON c.id = e."campaignId"
      LEFT JOIN LATERAL (
        SELECT actor FROM dnc_events v WHERE v."entryId" = e.id AND v."organizationId" = e."organizationId" AND v.action = 'added'
        ORDER BY v."createdAt" LIMIT 1
      ) a ON true
      LEFT JOIN LATERAL (
        SELECT action, actor, "createdAt" FROM dnc_events v WHERE v."entryId" = e.id AND v."organizationId" = e."organizationId"
        ORDER BY v."createdAt" DESC LIMIT 1
      ) l ON true
      WHERE ${where}
      ORDER BY e."createdAt" DESC, e.id
      LIMIT ${DNC_PAGE_SIZE} OFFSET ${(page - 1) * DNC_PAGE_SIZE}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM dnc_entries e WHERE ${where}`,
  ]);
  return {
    page,
    pageSize: DNC_PAGE_SIZE,
    total,
    rows: rows.map(
      ({ lastAction, lastActor, lastAt, ...row }): DncListRow => ({
        ...row,
        lastChange:
          lastAction && lastAction !== "added" && lastActor && lastAt ? { action: lastAction, actor: lastActor, at: lastAt } : null,
      }),
    ),
  };
}

/** Whether the organization has any entry at all (the empty state). */
export async function hasDncEntries(ctx: DomainContext) {
  return (await db.dncEntry.findFirst({ where: { organizationId: ctx.organizationId }, select: { id: true } })) !== null;
}

export type DncEventRow = {
  id: string;
  entryId: string;
  phoneRaw: string;
  phoneE164: string;
  campaignName: string | null;
  global: boolean;
  action: DncAction;
  reason: string | null;
  source: string;
  actor: string;
  createdAt: Date;
};

/** Changes to the list, newest first; `q` finds a number's changes as the list search does. */
export async function dncHistory(ctx: DomainContext, filter: { q?: string; entryId?: string; page?: number }) {
  const page = filter.page ?? 1;
  const { phoneCountry } = await getOrganizationDefaults(ctx.organizationId);
  const where = Prisma.sql`v."organizationId" = ${ctx.organizationId}
    ${filter.entryId ? Prisma.sql`AND v."entryId" = ${filter.entryId}` : Prisma.empty}
    ${numberMatch(filter.q, Prisma.sql`v`, phoneCountry)}`;
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<DncEventRow[]>`
      SELECT v.id, v."entryId", v."phoneRaw", v."phoneE164", v."campaignName", v.scope = '' AS global, v.action::text AS action,
        v.reason, v.source, v.actor, v."createdAt"
      FROM dnc_events v WHERE ${where}
      ORDER BY v."createdAt" DESC, v.id
      LIMIT ${DNC_PAGE_SIZE} OFFSET ${(page - 1) * DNC_PAGE_SIZE}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM dnc_events v WHERE ${where}`,
  ]);
  return { page, pageSize: DNC_PAGE_SIZE, total, rows };
}

/** The campaigns a DNC entry can be scoped to (the screen's scope choice and filter). */
export function dncCampaigns(ctx: DomainContext) {
  return db.campaign.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

const LIKE_SPECIAL = /[\\%_]/g;

/** The number search of `alias` (dnc_entries e or dnc_events v): E.164 (read in `country`), digits anywhere, or as entered. */
function numberMatch(q: string | undefined, alias: Prisma.Sql, country: string) {
  const text = q?.trim();
  if (!text) return Prisma.empty;
  const col = (name: string) => Prisma.sql`${alias}.${Prisma.raw(`"${name}"`)}`;
  const asEntered = Prisma.sql`${col("phoneRaw")} ILIKE ${`%${text.replace(LIKE_SPECIAL, "\\$&")}%`}`;
  const phone = phoneSearch(text, { defaultCountry: country });
  if (!phone) return Prisma.sql`AND ${asEntered}`;
  const digits = text.replace(/\D/g, "");
  const e164 =
    "e164" in phone ? Prisma.sql`${col("phoneE164")} = ${phone.e164}` : Prisma.sql`${col("phoneE164")} LIKE ${`${phone.prefix}%`}`;
  return Prisma.sql`AND (${e164} OR ${col("phoneE164")} LIKE ${`%${digits}%`} OR ${asEntered})`;
}
