import { DateTime } from "luxon";
import type { WorkflowStep } from "@/lib/workflows/definition";

// When a wait step ends: after a duration, at the next occurrence of a local time of day, or on a
// date read from the customer's fields (or the last call's extracted data, e.g. the
// promise_to_pay_date a collections call captured) shifted by offsetDays, at a local time. A date
// that cannot be read ends the wait at once (the result says why).

type WaitStep = Extract<WorkflowStep, { type: "wait" }>;
export type WaitEnd = { at: Date; note?: string };

export function waitEnd(
  step: WaitStep,
  now: Date,
  zone: string,
  fields: Record<string, unknown>,
  extracted: Record<string, unknown>,
): WaitEnd {
  if (step.minutes !== undefined) return { at: new Date(now.getTime() + step.minutes * 60_000) };
  const local = DateTime.fromJSDate(now, { zone });
  if (step.untilTime !== undefined) {
    const [h, m] = step.untilTime.split(":").map(Number);
    let at = local.set({ hour: h, minute: m, second: 0, millisecond: 0 });
    if (at <= local) at = at.plus({ days: 1 });
    return { at: at.toJSDate() };
  }
  const spec = step.untilField!;
  const raw = fields[spec.field] ?? extracted[spec.field];
  const date = typeof raw === "string" ? DateTime.fromISO(raw.slice(0, 10), { zone }) : null;
  if (!date?.isValid) return { at: now, note: `field ${spec.field} holds no date` };
  const [h, m] = spec.atTime.split(":").map(Number);
  const at = date.plus({ days: spec.offsetDays }).set({ hour: h, minute: m, second: 0, millisecond: 0 });
  return { at: at.toJSDate() < now ? now : at.toJSDate() };
}
