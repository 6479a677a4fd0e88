import { legalHours } from "@/lib/calls/calling-window";
import { serviceTypeOf, type CAMPAIGN_TYPES } from "@/lib/campaigns/campaign-input";

// Beside the daily window: the legal hours of the campaign's service type (the dial engine's own
// table, lib/calls/calling-window.ts) and the window calls are really placed in (their overlap).

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const minutesOf = (time: string | undefined) =>
  time && /^\d{2}:\d{2}$/.test(time) ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) : null;

export function CallingWindowNote({
  campaignType,
  startTime,
  endTime,
}: {
  campaignType: (typeof CAMPAIGN_TYPES)[number];
  startTime?: string;
  endTime?: string;
}) {
  const serviceType = serviceTypeOf(campaignType);
  const legal = legalHours(serviceType);
  const rule = serviceType === "debt_collection" ? "debt collection (RBI)" : "this campaign type (TRAI)";
  const start = minutesOf(startTime);
  const end = minutesOf(endTime);
  let effective = "";
  if (start !== null && end !== null) {
    const open = Math.max(start, legal.start);
    const close = Math.min(end, legal.end);
    effective =
      close > open
        ? `Calls are placed ${hhmm(open)}–${hhmm(close)}.`
        : "This window never overlaps the legal hours: no call would be placed.";
  }
  return (
    <p className="muted small" data-testid="legal-window">
      Legal hours for {rule}: {hhmm(legal.start)}–{hhmm(legal.end)}, in the customer's time zone. {effective}
    </p>
  );
}
