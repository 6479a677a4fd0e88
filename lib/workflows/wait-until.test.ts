import { describe, expect, it } from "vitest";
import { chooseBranch, type LastCall } from "./branch";
import { waitEnd } from "./wait-until";

// Wait ends and branch choices: pure functions of the step, the instant and the last call.

const IST = "Asia/Kolkata";
const wait = (extra: Record<string, unknown>) => ({ id: "w", type: "wait" as const, ...extra });
const call = (over: Partial<LastCall> = {}): LastCall => ({
  status: "Contacted",
  disposition: "Promise to Pay",
  dispositionId: null,
  extractedData: {},
  callId: null,
  ...over,
});

describe("waitEnd", () => {
  const now = new Date("2099-12-07T13:00:00Z"); // 18:30 IST
  it("adds a duration", () => {
    expect(waitEnd(wait({ minutes: 90 }), now, IST, {}, {}).at.toISOString()).toBe("2099-12-07T14:30:00.000Z");
  });
  it("waits for the next occurrence of a local time (tomorrow when today's has passed)", () => {
    expect(waitEnd(wait({ untilTime: "10:00" }), now, IST, {}, {}).at.toISOString()).toBe("2099-12-08T04:30:00.000Z");
    expect(waitEnd(wait({ untilTime: "19:00" }), now, IST, {}, {}).at.toISOString()).toBe("2099-12-07T13:30:00.000Z");
  });
  it("reads a date from the customer's fields, else the last call's extracted data, shifted and at a local time", () => {
    const step = wait({ untilField: { field: "promise_to_pay_date", offsetDays: -1, atTime: "10:00" } });
    expect(waitEnd(step, now, IST, { promise_to_pay_date: "2099-12-20" }, {}).at.toISOString()).toBe("2099-12-19T04:30:00.000Z");
    expect(waitEnd(step, now, IST, {}, { promise_to_pay_date: "2099-12-11" }).at.toISOString()).toBe("2099-12-10T04:30:00.000Z");
  });
  it("ends at once, saying why, when the date is missing, unreadable or past", () => {
    const step = wait({ untilField: { field: "promise_to_pay_date", offsetDays: 0, atTime: "10:00" } });
    expect(waitEnd(step, now, IST, {}, {})).toEqual({ at: now, note: "field promise_to_pay_date holds no date" });
    expect(waitEnd(step, now, IST, { promise_to_pay_date: "soon" }, {})).toEqual({
      at: now,
      note: "field promise_to_pay_date holds no date",
    });
    expect(waitEnd(step, now, IST, { promise_to_pay_date: "2099-01-01" }, {})).toEqual({ at: now });
  });
});

describe("chooseBranch", () => {
  const step = {
    id: "b",
    type: "branch" as const,
    rules: [
      { when: { status: "None" as const }, goto: "first-call" },
      { when: { extracted: "promise_to_pay_date" }, goto: "ptp" },
      { when: { dispositionGroup: "Call Back" }, goto: "callback" },
      { when: { disposition: "wrong number" }, goto: "stop" },
      { when: { status: "Blocked" as const }, goto: "blocked" },
    ],
    otherwise: "later",
  };
  it("takes the first matching rule, else otherwise", () => {
    expect(chooseBranch(step, null, new Set(), "next")).toEqual({ rule: 0, goto: "first-call" });
    expect(chooseBranch(step, call({ extractedData: { promise_to_pay_date: "2099-12-20" } }), new Set(), "next")).toEqual({
      rule: 1,
      goto: "ptp",
    });
    expect(chooseBranch(step, call({ disposition: "Busy" }), new Set(["Call Back"]), "next")).toEqual({ rule: 2, goto: "callback" });
    expect(chooseBranch(step, call({ disposition: "Wrong Number" }), new Set(), "next")).toEqual({ rule: 3, goto: "stop" });
    expect(chooseBranch(step, call({ status: "Blocked", disposition: null }), new Set(), "next")).toEqual({ rule: 4, goto: "blocked" });
    expect(chooseBranch(step, call({ status: "No Contact", disposition: null }), new Set(), "next")).toEqual({ rule: null, goto: "later" });
    expect(chooseBranch({ ...step, otherwise: undefined }, call({ status: "Failed", disposition: null }), new Set(), "next")).toEqual({
      rule: null,
      goto: "next",
    });
  });
});
