import type { Prisma } from "@/lib/generated/prisma/client";

// The lookups every check shares (scheduling, preflight and the dispatcher at dial time), one
// query each for a whole batch of numbers. All instants come from the caller's clock.

type Sql = Pick<Prisma.TransactionClient, "$queryRaw">;

export const CAP_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Numbers with an active DNC entry, global or of this campaign. */
export async function dncBlocked(sql: Sql, organizationId: string, campaignIds: string[], phones: string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const rows = await sql.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT scope || '|' || "phoneE164" AS key FROM dnc_entries
    WHERE "organizationId" = ${organizationId} AND status = 'active'
      AND "phoneE164" = ANY(${[...new Set(phones)]}::text[]) AND scope = ANY(${["", ...new Set(campaignIds)]}::text[])`;
  return new Set(rows.map((r) => r.key));
}

/** Is (campaign, phone) blocked by the DNC keys dncBlocked returned? */
export function isDnc(keys: Set<string>, campaignId: string, phone: string): boolean {
  return keys.has(`|${phone}`) || keys.has(`${campaignId}|${phone}`);
}

export type CapUsage = { count: number; dialTimes: Date[] };

/** Attempts handed to a dialer per number in the rolling 24 h before `now`, organization-wide. */
export async function capUsage(sql: Sql, organizationId: string, phones: string[], now: Date): Promise<Map<string, CapUsage>> {
  if (phones.length === 0) return new Map();
  const since = new Date(now.getTime() - CAP_WINDOW_MS);
  const rows = await sql.$queryRaw<{ phone: string; times: Date[] }[]>`
    SELECT "toPhone" AS phone, array_agg("dialedAt" ORDER BY "dialedAt") AS times FROM calls
    WHERE "organizationId" = ${organizationId} AND "toPhone" = ANY(${[...new Set(phones)]}::text[])
      AND "dialedAt" >= ${since} AND "dialedAt" <= ${now}
    GROUP BY "toPhone"`;
  return new Map(rows.map((r) => [r.phone, { count: r.times.length, dialTimes: r.times }]));
}
