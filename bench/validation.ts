// Benchmark of the validation core (never part of the tests, which assert behaviour only):
//   1. normalizePhone on a 1 MB string (rejected as too long without parsing),
//   2. validateRecords on one record with four 1 MB strings,
//   3. validateRecords on 10,000 mixed records (1,010 invalid, 100 duplicates), cold,
//   4. validateRecords on 10,000 valid records, median of RUNS (default 5) warm runs.
// Former in-test bounds, now goals here: 50 ms, 200 ms, 2,000 ms, 1,000 ms.
//
//   npx tsx bench/validation.ts
import { DEBT_COLLECTION_SCHEMA } from "@/lib/campaigns/field-schema";
import { normalizePhone } from "@/lib/records/phone";
import { validateRecords } from "@/lib/records/validate-records";

const RUNS = Number(process.env.RUNS ?? 5);
const POLICY = { defaultCountry: "IN", mobileOnly: true };

const loan = (overrides: Record<string, unknown> = {}) => ({
  loan_id: "L1",
  first_name: "Rahul",
  last_name: "Sharma",
  phone_number: "9876543210",
  loan_amount: 50000,
  emi_amount: 2500,
  loan_period: 12,
  current_emi: 5,
  emi_due_date: "2025-03-15",
  payment_status: "pending",
  ...overrides,
});
const debt = (records: unknown[]) => validateRecords(records, DEBT_COLLECTION_SCHEMA, POLICY);

function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}
const report = (name: string, ms: number, goal: number) =>
  console.log(`${name}: ${ms.toFixed(1)} ms (goal < ${goal} ms)${ms < goal ? "" : "  OVER"}`);

const huge = "x".repeat(1_000_000);
report(
  "normalizePhone, 1 MB string",
  time(() => normalizePhone("9".repeat(1_000_000), POLICY)),
  50,
);
report(
  "validateRecords, four 1 MB strings",
  time(() => debt([loan({ first_name: huge, loan_id: huge, phone_number: huge, notes: huge })])),
  200,
);

const mixed = Array.from({ length: 10_000 }, (_, i) => {
  const record: Record<string, unknown> = loan({
    loan_id: `L${i}`,
    phone_number: String(9_000_000_000 + i),
    emi_amount: "2,500.50",
    payment_status: "Pending",
  });
  if (i % 10 === 3) record.phone_number = "12345";
  if (i % 100 === 7) record.loan_id = "L0";
  if (i % 1000 === 9) return null;
  return record;
});
report(
  "validateRecords, 10,000 mixed records (cold)",
  time(() => debt(mixed)),
  2_000,
);

const valid = Array.from({ length: 10_000 }, (_, i) => loan({ loan_id: `L${i}`, phone_number: String(9_000_000_000 + i * 7919) }));
debt(valid); // warm-up: JIT and the phone metadata regexes
const times = Array.from({ length: RUNS }, () => time(() => debt(valid))).sort((a, b) => a - b);
report(`validateRecords, 10,000 valid records, median of ${RUNS} warm runs`, times[Math.floor(RUNS / 2)], 1_000);
