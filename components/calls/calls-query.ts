import { z } from "zod";
import { CALL_VIEW_STATUSES, type CallListFilter } from "@/lib/calls/call-list";

// The Calls page's filters live in the URL (?campaign=&status=&disposition=&agent=&from=&to=&job=&page=&call=).
// A value that does not parse is dropped rather than failing the page.

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(new Date(`${d}T00:00:00+05:30`).getTime()));
const id = z.string().trim().min(1).max(100);

const shape = {
  campaign: id,
  status: z.enum(CALL_VIEW_STATUSES),
  disposition: z.string().trim().min(1).max(200),
  agent: id,
  from: day,
  to: day,
  /** The calls an upload job started (linked from the job page). */
  job: id,
  page: z.coerce.number().int().min(1).max(100_000),
  call: z.string().uuid(),
};

export type CallsQuery = { [K in keyof typeof shape]?: z.output<(typeof shape)[K]> };
export type SearchParams = Record<string, string | string[] | undefined>;

export const CALLS_PER_PAGE = 25;

export function parseCallsQuery(params: SearchParams): CallsQuery {
  const query: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const raw = params[key];
    const parsed = schema.safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (parsed.success) query[key] = parsed.data;
  }
  return query as CallsQuery;
}

/** Days are India Standard Time, like every time on the page. */
export function toListFilter(query: CallsQuery): CallListFilter {
  return {
    campaignId: query.campaign,
    agentId: query.agent,
    dispositionName: query.disposition,
    status: query.status,
    uploadJobId: query.job,
    from: query.from ? new Date(`${query.from}T00:00:00.000+05:30`) : undefined,
    to: query.to ? new Date(`${query.to}T23:59:59.999+05:30`) : undefined,
  };
}

/** The page's URL with some parameters changed (undefined removes one). */
export function callsHref(query: CallsQuery, changes: Partial<Record<keyof CallsQuery, string | number | undefined>>) {
  const merged: Record<string, unknown> = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value !== undefined && value !== "") params.set(key, String(value));
  const search = params.toString();
  return search ? `/calls?${search}` : "/calls";
}

export function hasFilters(query: CallsQuery) {
  return Boolean(query.campaign || query.status || query.disposition || query.agent || query.from || query.to || query.job);
}
