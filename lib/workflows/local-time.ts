import { DateTime } from "luxon";

// How the workflow screens and the dry run say a time: in the customer's (or campaign's) local
// time, in words an operator reads at a glance ("Tue 3 Dec, 09:00 IST"), never as an ISO string.

/** "Tue 3 Dec, 09:00 IST"; the day left out when it is `sameDayAs`'s; the year added when not `year`. */
export function localTime(at: Date | string, zone: string, opts: { sameDayAs?: Date | string; year?: number } = {}): string {
  const local = toLocal(at, zone);
  const time = local.toFormat("HH:mm ZZZZ");
  if (opts.sameDayAs !== undefined && toLocal(opts.sameDayAs, zone).hasSame(local, "day")) return time;
  const day = local.toFormat(opts.year === undefined || opts.year === local.year ? "ccc d LLL" : "ccc d LLL yyyy");
  return `${day}, ${time}`;
}

/** "2 h 30 min", "1 d 14 h", "45 min". */
export function humanDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [days && `${days} d`, hours && `${hours} h`, !days && mins && `${mins} min`].filter(Boolean);
  return parts.length ? parts.join(" ") : "0 min";
}

/** The zone's short name at `at` ("IST", "GMT-5"). */
export function zoneName(zone: string, at: Date = new Date()): string {
  return toLocal(at, zone).toFormat("ZZZZ");
}

function toLocal(at: Date | string, zone: string) {
  const dt = typeof at === "string" ? DateTime.fromISO(at, { zone }) : DateTime.fromJSDate(at, { zone });
  return dt.setLocale("en-IN");
}
