import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// Which customers of a campaign a manual initiation calls: every filter narrows (AND), in a
// stable order (oldest first), then `limit` takes the first N. `custom` matches a field of the
// customer's record: the identifier, names and language by their columns, anything else by its
// stored value, compared as text (a list means any of its values).

export type CustomerFilters = {
  ids?: string[];
  excludeIds?: string[];
  /** Matched against the record's payment_status. */
  paymentStatus?: string[];
  /** Case-insensitive. */
  language?: string[];
  custom?: Record<string, string | number | boolean | (string | number | boolean)[]>;
};

export type Selection = { totalMatched: number; customerIds: string[] };

type Campaign = { id: string; identifierKey: string | null };

const COLUMN_OF: Record<string, Prisma.Sql> = {
  first_name: Prisma.sql`"firstName"`,
  last_name: Prisma.sql`"lastName"`,
  language: Prisma.sql`"language"`,
};

export async function selectCustomers(campaign: Campaign, filters: CustomerFilters, limit?: number): Promise<Selection> {
  const where = Prisma.join([Prisma.sql`"campaignId" = ${campaign.id}`, ...conditions(campaign, filters)], " AND ");
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM customers WHERE ${where}`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM customers WHERE ${where} ORDER BY "createdAt", identifier LIMIT ${limit ?? count}`;
  return { totalMatched: count, customerIds: rows.map((r) => r.id) };
}

function conditions(campaign: Campaign, filters: CustomerFilters): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (filters.ids) out.push(Prisma.sql`identifier = ANY(${filters.ids}::text[])`);
  if (filters.excludeIds?.length) out.push(Prisma.sql`NOT (identifier = ANY(${filters.excludeIds}::text[]))`);
  if (filters.paymentStatus) out.push(Prisma.sql`lower(data->>'payment_status') = ANY(${filters.paymentStatus.map((s) => s.toLowerCase())}::text[])`);
  if (filters.language) out.push(Prisma.sql`lower("language") = ANY(${filters.language.map((l) => l.toLowerCase())}::text[])`);
  for (const [key, expected] of Object.entries(filters.custom ?? {})) {
    const values = Array.isArray(expected) ? expected : [expected];
    const column = key === campaign.identifierKey ? Prisma.sql`identifier` : COLUMN_OF[key];
    // Compared as text, so 50000 matches a stored 50000 or "50000" alike.
    out.push(Prisma.sql`${column ?? Prisma.sql`data->>${key}`} = ANY(${values.map(String)}::text[])`);
  }
  return out;
}
