import { db } from "@/lib/db/client";

// The dashboard's charts over a range of India-time days (the Calls page's days, so a bar links
// to the same calls): results per day by outcome, and the dispositions the results reported.

export type DayRange = { from: string; to: string };
export type OutcomesDay = { day: string; Contacted: number; "No Contact": number; Failed: number };
export type DispositionSlice = { disposition: string; count: number };

// Both read the rollup the calls triggers keep (campaign_call_stats), whose day is the India-time
// day a call ended (calls' timestamps are UTC without a zone; the trigger converts).
const IST = "Asia/Kolkata";

/** Every day of the range, oldest first, with zeros where nothing ended. */
export async function outcomesPerDay(campaignId: string, range: DayRange): Promise<OutcomesDay[]> {
  const rows = await db.$queryRaw<{ day: string; outcome: string; n: bigint }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, outcome, sum(calls) AS n
    FROM campaign_call_stats
    WHERE "campaignId" = ${campaignId} AND outcome <> '' AND day BETWEEN ${range.from}::date AND ${range.to}::date
    GROUP BY 1, 2`;
  const days = new Map<string, OutcomesDay>();
  for (const day of daysOf(range)) days.set(day, { day, Contacted: 0, "No Contact": 0, Failed: 0 });
  for (const r of rows) {
    const entry = days.get(r.day);
    if (entry && (r.outcome === "Contacted" || r.outcome === "No Contact" || r.outcome === "Failed")) entry[r.outcome] = Number(r.n);
  }
  return [...days.values()];
}

/** The dispositions of the range's results, most frequent first (the top 8, the rest as "Other"). */
export async function dispositionBreakdown(campaignId: string, range: DayRange): Promise<DispositionSlice[]> {
  const rows = await db.$queryRaw<{ disposition: string | null; n: bigint }[]>`
    SELECT nullif(disposition, '') AS disposition, sum(calls) AS n
    FROM campaign_call_stats
    WHERE "campaignId" = ${campaignId} AND outcome <> '' AND day BETWEEN ${range.from}::date AND ${range.to}::date
    GROUP BY 1 HAVING sum(calls) <> 0 ORDER BY 2 DESC, 1`;
  const slices = rows.map((r) => ({ disposition: r.disposition ?? "None", count: Number(r.n) }));
  if (slices.length <= 9) return slices;
  const rest = slices.slice(8).reduce((n, s) => n + s.count, 0);
  return [...slices.slice(0, 8), { disposition: "Other", count: rest }];
}

/** YYYY-MM-DD days from..to inclusive (at most 366). */
export function daysOf(range: DayRange): string[] {
  const out: string[] = [];
  const end = Date.parse(`${range.to}T00:00:00Z`);
  for (let t = Date.parse(`${range.from}T00:00:00Z`); t <= end && out.length < 366; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Today in India time, and the default range: the last 14 days. */
export function defaultRange(now: Date): DayRange {
  const today = istDay(now);
  return { from: istDay(new Date(now.getTime() - 13 * 86_400_000)), to: today };
}

export function istDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: IST, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
