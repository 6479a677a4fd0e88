import { describe, expect, it } from "vitest";
import { simulateOutcome, type OutcomeMix } from "./simulated-outcome";

// The simulated dialer's outcomes are predictable: the same (seed, phone, attempt) always gives
// the same result, and over many numbers the mix is what was configured.

const base = { seed: "demo", attempt: 1, serviceType: "debt_collection" as const, dispositions: ["Promise to Pay", "Not Interested", "No Answer", "Busy"], at: new Date("2099-12-07T04:30:00Z") };
const mix: OutcomeMix = { contactedPct: 60, noContactPct: 30, failedPct: 10 };
const phones = Array.from({ length: 10_000 }, (_, i) => `+9190${String(i).padStart(8, "0")}`);

describe("simulateOutcome", () => {
  it("is a function of (seed, phone, attempt)", () => {
    const a = simulateOutcome({ ...base, mix, phone: "+919000000001" });
    expect(simulateOutcome({ ...base, mix, phone: "+919000000001" })).toEqual(a);
    const bySeed = phones.slice(0, 200).filter((phone) => simulateOutcome({ ...base, mix, phone }).status !== simulateOutcome({ ...base, seed: "other", mix, phone }).status);
    expect(bySeed.length).toBeGreaterThan(0);
  });

  it("follows the configured mix, with dispositions from the organization's set", () => {
    const outcomes = phones.map((phone) => simulateOutcome({ ...base, mix, phone }));
    const share = (status: string) => outcomes.filter((o) => o.status === status).length / outcomes.length;
    expect(share("Contacted")).toBeCloseTo(0.6, 1);
    expect(share("No Contact")).toBeCloseTo(0.3, 1);
    expect(share("Failed")).toBeCloseTo(0.1, 1);
    for (const o of outcomes) {
      if (o.status === "Contacted") {
        expect(["Promise to Pay", "Not Interested"]).toContain(o.disposition);
        expect(o.extractedData.promise_to_pay_date).toMatch(/^2099-12-(0[89]|1\d|2[01])$/);
        expect(o.duration).toBeGreaterThanOrEqual(30);
      }
      if (o.status === "No Contact") expect(["No Answer", "Busy"]).toContain(o.disposition);
    }
    const all = phones.map((phone) => simulateOutcome({ ...base, mix: { contactedPct: 0, noContactPct: 0, failedPct: 100 }, phone }));
    expect(new Set(all.map((o) => o.status))).toEqual(new Set(["Failed"]));
  });
});
