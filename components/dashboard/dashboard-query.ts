import { z } from "zod";
import { RESULT_FILTERS, type ResultFilter } from "@/lib/dashboard/campaign-activity";
import { defaultRange, type DayRange } from "@/lib/dashboard/campaign-charts";

// The dashboard's URL: ?from=&to= (the charts' India-time days) and ?results= (the recent results'
// outcome). A value that does not parse falls back to the default.

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseDashboardQuery(params: Params, now: Date): { range: DayRange; results?: ResultFilter; custom: boolean } {
  const from = day.safeParse(first(params.from));
  const to = day.safeParse(first(params.to));
  const results = z.enum(RESULT_FILTERS).safeParse(first(params.results));
  const fallback = defaultRange(now);
  let range = from.success && to.success ? { from: from.data, to: to.data } : fallback;
  if (range.from > range.to) range = { from: range.to, to: range.from };
  // At most a year of days on the chart.
  if (Date.parse(range.to) - Date.parse(range.from) > 365 * 86_400_000)
    range = { from: new Date(Date.parse(range.to) - 365 * 86_400_000).toISOString().slice(0, 10), to: range.to };
  return { range, results: results.success ? results.data : undefined, custom: from.success && to.success };
}
