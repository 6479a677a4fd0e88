// Where each dashboard figure leads: the filtered list behind it.

type CallsFilter = { status?: string; disposition?: string; from?: string; to?: string; call?: string };

export function callsHref(campaignId: string, filter: CallsFilter = {}) {
  const params = new URLSearchParams({ campaign: campaignId });
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  return `/calls?${params}`;
}

export function contactsHref(campaignId: string, filter: { dnc?: "blocked" | "reachable"; q?: string } = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  const search = params.toString();
  return `/campaigns/${encodeURIComponent(campaignId)}/contacts${search ? `?${search}` : ""}`;
}

export const percent = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);

export function duration(seconds: number | null) {
  if (seconds === null) return "—";
  const m = Math.floor(seconds / 60);
  return m > 0 ? `${m}:${String(seconds % 60).padStart(2, "0")} min` : `${seconds} s`;
}
