import { DateTime } from "luxon";

// When a customer may be called: the campaign's dates and daily hours, intersected with the legal
// window for the campaign's service type, all in the customer's local time (the customer's own
// time zone when known, else the campaign's). Debt collection follows RBI's recovery-call rule
// (08:00–19:00); every other type TRAI's (09:00–21:00). Windows are half-open: [open, close).

export type WindowSpec = {
  serviceType: "debt_collection" | "lead_generation" | "custom";
  /** IANA zone the campaign's dates and hours are read in. */
  timezone: string;
  startDate: string | null;
  endDate: string | null;
  startTime: string | null;
  endTime: string | null;
};

export type WindowCheck =
  | { open: true; closesAt: Date }
  | { open: false; opensAt: Date }
  | { open: false; never: "window_closed_campaign_ended" | "window_empty" };

export const LEGAL_HOURS = {
  debt_collection: { start: 8 * 60, end: 19 * 60 },
  other: { start: 9 * 60, end: 21 * 60 },
} as const;

const FALLBACK_ZONE = "Asia/Kolkata";
/** Far enough for any campaign; a window that stays shut this long is treated as never opening. */
const MAX_DAYS = 800;

export function legalHours(serviceType: WindowSpec["serviceType"]) {
  return serviceType === "debt_collection" ? LEGAL_HOURS.debt_collection : LEGAL_HOURS.other;
}

/** The zone to use: the customer's when it is a valid IANA zone, else the campaign's. */
export function effectiveZone(customerZone: string | null | undefined, campaignZone: string): string {
  if (customerZone && isValidZone(customerZone)) return customerZone;
  return isValidZone(campaignZone) ? campaignZone : FALLBACK_ZONE;
}

const zoneValidity = new Map<string, boolean>();
export function isValidZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = DateTime.now().setZone(zone).isValid;
    zoneValidity.set(zone, valid);
  }
  return valid;
}

/**
 * checkWindow for many attempts at one instant: the answer depends only on (campaign, zone), so
 * it is computed once per pair (luxon's zone arithmetic is the dispatcher's costliest step).
 */
export function windowChecker(at: Date) {
  const cache = new Map<string, WindowCheck>();
  return (key: string, spec: WindowSpec, zone: string): WindowCheck => {
    const id = `${key}|${zone}`;
    let check = cache.get(id);
    if (!check) {
      check = checkWindow(at, spec, zone);
      cache.set(id, check);
    }
    return check;
  };
}

/** Is `at` inside the window, and if not, when does it next open (or does it never)? */
export function checkWindow(at: Date, spec: WindowSpec, zone = spec.timezone): WindowCheck {
  const legal = legalHours(spec.serviceType);
  const dailyStart = Math.max(minutesOf(spec.startTime) ?? 0, legal.start);
  const dailyEnd = Math.min(minutesOf(spec.endTime) ?? 24 * 60, legal.end);
  if (dailyStart >= dailyEnd) return { open: false, never: "window_empty" };

  const local = DateTime.fromJSDate(at, { zone: isValidZone(zone) ? zone : FALLBACK_ZONE });
  let day = local.startOf("day");
  const first = spec.startDate ? DateTime.fromISO(spec.startDate, { zone: local.zone }) : null;
  if (first?.isValid && first > day) day = first;
  const last = spec.endDate ? DateTime.fromISO(spec.endDate, { zone: local.zone }) : null;

  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    if (last?.isValid && day > last) return { open: false, never: "window_closed_campaign_ended" };
    const opens = atMinutes(day, dailyStart);
    const closes = atMinutes(day, dailyEnd);
    if (local < opens) return { open: false, opensAt: opens.toJSDate() };
    if (local < closes) return { open: true, closesAt: closes.toJSDate() };
  }
  return { open: false, never: "window_closed_campaign_ended" };
}

/** True when `at` is inside the window (for assertions and screens). */
export function isInWindow(at: Date, spec: WindowSpec, zone = spec.timezone): boolean {
  return checkWindow(at, spec, zone).open;
}

function minutesOf(time: string | null): number | null {
  const match = time ? /^(\d{2}):(\d{2})$/.exec(time) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function atMinutes(day: DateTime, minutes: number): DateTime {
  // 24:00 is the next midnight; a wall time inside a DST gap moves forward (luxon's rule).
  if (minutes >= 24 * 60) return day.plus({ days: 1 }).startOf("day");
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}
