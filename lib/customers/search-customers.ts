import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { phoneSearch } from "@/lib/records/phone-search";
import { campaignInScope } from "./campaign-scope";
import { CONTACTS_PAGE_SIZE, COUNT_CAP, UNASSIGNED, type ContactFilters } from "./contact-filters";

// One page of a campaign's contacts, filtered, sorted and counted by the database. The search box
// means different things by its text: a phone-like entry matches the E.164 phone (normalised with
// the campaign's country, so "98765 43210" finds +919876543210) or the identifier; anything else
// matches the identifier or the start of a first/last name (names only when it has no digit). Each branch is indexable:
// (campaignId, phoneE164), (campaignId, identifier), and a filtered count stops at COUNT_CAP.

export type ContactRow = {
  id: string;
  identifier: string;
  phoneRaw: string;
  phoneE164: string;
  firstName: string | null;
  lastName: string | null;
  assignedTo: string | null;
  status: string;
  uploadJobId: string | null;
  createdAt: Date;
  /** An active DNC entry blocks this number: "global" wins over "campaign". */
  dnc: "global" | "campaign" | null;
};

export type ContactPage = { rows: ContactRow[]; total: number; capped: boolean; page: number; pageSize: number };

export async function searchCustomers(ctx: DomainContext, campaignId: string, filters: ContactFilters): Promise<ContactPage> {
  const { campaign, policy } = await campaignInScope(ctx, campaignId);
  const queries = contactsQueries(ctx, campaign.id, filters, policy.defaultCountry);
  const [rows, counted] = await Promise.all([db.$queryRaw<ContactRow[]>(queries.rows), db.$queryRaw<{ n: bigint }[]>(queries.count)]);
  const n = Number(counted[0].n);
  const filtered = queries.filtered;
  return {
    rows,
    total: Math.min(n, filtered ? COUNT_CAP : n),
    capped: filtered && n > COUNT_CAP,
    page: filters.page,
    pageSize: CONTACTS_PAGE_SIZE,
  };
}

/** The page's two statements: its rows, and its count (capped when filtered). Also for EXPLAIN in bench/. */
export function contactsQueries(ctx: DomainContext, campaignId: string, filters: ContactFilters, country: string) {
  const where = contactsWhere(ctx, campaignId, filters, country);
  const order = ORDER[filters.sort][filters.dir];
  const offset = (filters.page - 1) * CONTACTS_PAGE_SIZE;
  const rows = Prisma.sql`
      SELECT c.id::text AS id, c.identifier, c."phoneRaw", c."phoneE164", c."firstName", c."lastName", c."assignedTo", c.status,
             c."uploadJobId", c."createdAt", ${dncState(ctx, campaignId)} AS dnc
      FROM customers c WHERE ${where.sql} ORDER BY ${order} LIMIT ${CONTACTS_PAGE_SIZE} OFFSET ${offset}`;
  const count = where.filtered
    ? Prisma.sql`SELECT count(*) AS n FROM (SELECT 1 FROM customers c WHERE ${where.sql} LIMIT ${COUNT_CAP + 1}) t`
    : Prisma.sql`SELECT count(*) AS n FROM customers c WHERE c."campaignId" = ${campaignId}`;
  return { rows, count, filtered: where.filtered };
}

/** The WHERE clause of a filtered view (also used by the export, which must match the list). */
export function contactsWhere(ctx: DomainContext, campaignId: string, filters: ContactFilters, country: string) {
  const parts: Prisma.Sql[] = [Prisma.sql`c."campaignId" = ${campaignId}`];
  const q = filters.q.trim();
  if (q) parts.push(searchClause(q, country));
  if (filters.assignee === UNASSIGNED) parts.push(Prisma.sql`c."assignedTo" IS NULL`);
  else if (filters.assignee) parts.push(Prisma.sql`c."assignedTo" = ${filters.assignee}`);
  if (filters.job) parts.push(Prisma.sql`c."uploadJobId" = ${filters.job}`);
  if (filters.dnc === "blocked") parts.push(Prisma.sql`${dncState(ctx, campaignId)} IS NOT NULL`);
  if (filters.dnc === "reachable") parts.push(Prisma.sql`${dncState(ctx, campaignId)} IS NULL`);
  return { sql: Prisma.join(parts, " AND "), filtered: parts.length > 1 };
}

function searchClause(q: string, country: string): Prisma.Sql {
  const exactId = Prisma.sql`c.identifier = ${q}`;
  const phone = phoneSearch(q, { defaultCountry: country });
  if (phone) {
    // A whole number: the phone or exactly the identifier, both on an index (a BitmapOr). A prefix
    // (LIKE) under the database's collation has no index, so it is only tried for a partial number.
    if ("e164" in phone) return Prisma.sql`(c."phoneE164" = ${phone.e164} OR ${exactId})`;
    return Prisma.sql`(c."phoneE164" LIKE ${likePrefix(phone.prefix)} OR ${exactId} OR c.identifier LIKE ${likePrefix(q)})`;
  }
  // Names carry no digits: text with one is an identifier, answered by the identifier index alone.
  if (/\d/.test(q)) return Prisma.sql`(${exactId} OR c.identifier LIKE ${likePrefix(q)})`;
  const words = q.split(/\s+/);
  const byName =
    words.length >= 2
      ? Prisma.sql`(c."firstName" ILIKE ${likePrefix(words[0])} AND c."lastName" ILIKE ${likePrefix(words.slice(1).join(" "))})`
      : Prisma.sql`(c."firstName" ILIKE ${likePrefix(q)} OR c."lastName" ILIKE ${likePrefix(q)})`;
  return Prisma.sql`(${exactId} OR c.identifier LIKE ${likePrefix(q)} OR ${byName})`;
}

/** Whether an active DNC entry of the organization blocks the row's phone, and at which scope. */
function dncState(ctx: DomainContext, campaignId: string): Prisma.Sql {
  return Prisma.sql`(SELECT CASE WHEN bool_or(d.scope = '') THEN 'global' ELSE 'campaign' END FROM dnc_entries d
    WHERE d."organizationId" = ${ctx.organizationId} AND d."phoneE164" = c."phoneE164" AND d.status = 'active' AND d.scope IN ('', ${campaignId})
    HAVING count(*) > 0)`;
}

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

const ORDER = {
  created: { asc: Prisma.sql`c."createdAt" ASC, c.id ASC`, desc: Prisma.sql`c."createdAt" DESC, c.id DESC` },
  name: { asc: Prisma.sql`c."lastName" ASC, c."firstName" ASC, c.id`, desc: Prisma.sql`c."lastName" DESC, c."firstName" DESC, c.id DESC` },
  identifier: { asc: Prisma.sql`c.identifier ASC`, desc: Prisma.sql`c.identifier DESC` },
  phone: { asc: Prisma.sql`c."phoneE164" ASC, c.id`, desc: Prisma.sql`c."phoneE164" DESC, c.id DESC` },
} as const;
