import type { ScheduleError } from "@/lib/calls/types";

// The per-customer call errors of TimePay's responses: `{id, error, reason}` as the customer
// routes write theirs, `id` being the loan_id / lead_id the client knows the customer by.

export type CallError = { id: string | null; error: string; reason: string };

export function callErrors(errors: ScheduleError[]): CallError[] {
  return errors.map((e) => ({ id: e.identifier || null, error: e.error, reason: e.reason }));
}
