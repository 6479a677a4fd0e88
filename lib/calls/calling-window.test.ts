import { describe, expect, it } from "vitest";
import { checkWindow, effectiveZone, type WindowSpec } from "./calling-window";

// The calling window: campaign dates and hours ∩ legal hours (RBI 08–19 for debt collection,
// TRAI 09–21 otherwise), in the customer's zone when known; half-open [open, close).

const debt: WindowSpec = { serviceType: "debt_collection", timezone: "Asia/Kolkata", startDate: "2026-12-01", endDate: "2026-12-31", startTime: "07:00", endTime: "20:00" };
const lead: WindowSpec = { ...debt, serviceType: "lead_generation" };
const at = (iso: string) => new Date(iso);

describe("checkWindow", () => {
  it("intersects the campaign's hours with RBI's 08:00–19:00 for debt collection", () => {
    expect(checkWindow(at("2026-12-07T02:29:59Z"), debt)).toEqual({ open: false, opensAt: at("2026-12-07T02:30:00Z") }); // 07:59:59 IST
    expect(checkWindow(at("2026-12-07T02:30:00Z"), debt)).toEqual({ open: true, closesAt: at("2026-12-07T13:30:00Z") }); // 08:00 → 19:00 IST
    expect(checkWindow(at("2026-12-07T13:30:00Z"), debt)).toEqual({ open: false, opensAt: at("2026-12-08T02:30:00Z") }); // 19:00 → next 08:00
  });

  it("uses TRAI's 09:00–21:00 for other types, cut by the campaign's own hours", () => {
    expect(checkWindow(at("2026-12-07T03:00:00Z"), lead)).toEqual({ open: false, opensAt: at("2026-12-07T03:30:00Z") }); // 08:30 IST → 09:00
    expect(checkWindow(at("2026-12-07T14:00:00Z"), lead)).toEqual({ open: true, closesAt: at("2026-12-07T14:30:00Z") }); // 19:30 IST, closes 20:00
  });

  it("waits for the start date and never opens after the end date", () => {
    expect(checkWindow(at("2026-11-20T06:00:00Z"), debt)).toEqual({ open: false, opensAt: at("2026-12-01T02:30:00Z") });
    expect(checkWindow(at("2026-12-31T14:00:00Z"), debt)).toEqual({ open: false, never: "window_closed_campaign_ended" });
    expect(checkWindow(at("2027-01-05T06:00:00Z"), debt)).toEqual({ open: false, never: "window_closed_campaign_ended" });
  });

  it("reports a window that can never open", () => {
    expect(checkWindow(at("2026-12-07T06:00:00Z"), { ...debt, startTime: "19:30", endTime: "22:00" })).toEqual({ open: false, never: "window_empty" });
  });

  it("reads the hours in the customer's zone when it is valid, else the campaign's", () => {
    expect(effectiveZone("Asia/Dubai", "Asia/Kolkata")).toBe("Asia/Dubai");
    expect(effectiveZone("Mars/Olympus", "Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(effectiveZone(null, "Asia/Kolkata")).toBe("Asia/Kolkata");
    // 08:30 IST is 07:00 in Dubai: closed there, opens at 08:00 Dubai (04:00Z).
    expect(checkWindow(at("2026-12-07T03:00:00Z"), debt, "Asia/Dubai")).toEqual({ open: false, opensAt: at("2026-12-07T04:00:00Z") });
  });

  it("follows daylight saving time (New York, 8 March 2026 springs forward)", () => {
    const us: WindowSpec = { ...lead, timezone: "America/New_York", startDate: "2026-03-01", endDate: "2026-03-31", startTime: null, endTime: null };
    expect(checkWindow(at("2026-03-07T13:59:00Z"), us)).toEqual({ open: false, opensAt: at("2026-03-07T14:00:00Z") }); // 09:00 EST
    expect(checkWindow(at("2026-03-09T12:00:00Z"), us)).toEqual({ open: false, opensAt: at("2026-03-09T13:00:00Z") }); // 09:00 EDT
  });
});
