import { z } from "zod";

// The contacts list's filters, as they travel in the URL (?q=…&assignee=…&job=…&sort=…&page=…)
// so any filtered view can be linked. A value that does not parse falls back to its default:
// a hand-edited link shows the unfiltered list rather than an error.

export const CONTACT_SORTS = ["created", "name", "identifier", "phone"] as const;
export const CONTACTS_PAGE_SIZE = 50;
/** Filtered lists count up to here and then say "10,000+": an exact count would read every match. */
export const COUNT_CAP = 10_000;
/** The assignee filter value for contacts no agent is allocated to. */
export const UNASSIGNED = "__none";

export const contactFiltersSchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  assignee: z.string().trim().max(200).catch("").default(""),
  job: z.string().trim().max(100).catch("").default(""),
  dnc: z.enum(["", "blocked", "reachable"]).catch("").default(""),
  sort: z.enum(CONTACT_SORTS).catch("created").default("created"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(20_000).catch(1).default(1),
});
export type ContactFilters = z.output<typeof contactFiltersSchema>;

/** Reads the filters from URL search params (a URLSearchParams or Next's searchParams object). */
export function parseContactFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): ContactFilters {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  return contactFiltersSchema.parse(Object.fromEntries(Object.keys(contactFiltersSchema.shape).map((k) => [k, get(k)])));
}

/** The query string of a filtered view; defaults are left out so links stay short. */
export function contactFiltersQuery(filters: Partial<ContactFilters>): string {
  const defaults = contactFiltersSchema.parse({});
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "" && value !== defaults[key as keyof ContactFilters]) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function isFiltered(filters: ContactFilters): boolean {
  return filters.q !== "" || filters.assignee !== "" || filters.job !== "" || filters.dnc !== "";
}
