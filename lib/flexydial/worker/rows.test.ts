import { describe, expect, it } from "vitest";
import { customSchema } from "@/lib/campaigns/field-schema";
import { judgeRows, type Verdict } from "./rows";

const rules = {
  schema: customSchema(
    [
      { key: "customer_info:customer_id", label: "Customer ID", type: "string", required: true },
      { key: "loan_info:amount_due", label: "Amount due", type: "number", required: false },
    ],
    "customer_info:customer_id",
  ),
  policy: { defaultCountry: "IN", mobileOnly: true },
};
const agents = new Set(["priya"]);
const row = (id: string, numeric: string, extra: Record<string, unknown> = {}) => ({
  numeric,
  user: "priya",
  "customer_info:customer_id": id,
  ...extra,
});

/** Per row: "ok" or its description. */
function outcome(verdicts: Verdict[]) {
  return verdicts.map((v) => ("record" in v ? "ok" : `${v.rejection.kind}: ${v.rejection.errors.join("; ")}`));
}

describe("judgeRows on an insert", () => {
  it("keeps the first of repeated phones or ids and rejects later copies", () => {
    const verdicts = judgeRows(
      [row("C1", "9876543210"), row("C2", "+91 98765 43210"), row("C1", "9876543211")],
      rules,
      { action: "insert" },
      agents,
    );
    expect(outcome(verdicts)).toEqual(["ok", "duplicate: This row is duplicated in file", "duplicate: This row is duplicated in file"]);
  });

  it("names every field problem of a row, without the core's record prefix", () => {
    const verdicts = judgeRows([{ numeric: "98765", "loan_info:amount_due": "-5" }], rules, { action: "insert" }, agents);
    expect(outcome(verdicts)).toEqual([
      "invalid: Invalid numeric '98765': too short; Missing required field 'customer_info:customer_id'; Field 'loan_info:amount_due' must be at least 0",
    ]);
  });

  it("rejects an unknown user before the duplicate check, so a good later copy survives", () => {
    const verdicts = judgeRows([row("C1", "9876543210", { user: "ghost" }), row("C1", "9876543210")], rules, { action: "insert" }, agents);
    expect(outcome(verdicts)).toEqual(["invalid: This user is not present in our database", "ok"]);
  });

  it("accepts rows without a user (unassigned) and keeps the submitted row for the report", () => {
    const submitted = { numeric: "12", "customer_info:customer_id": "C9" };
    const [verdict] = judgeRows([submitted], rules, { action: "insert" }, agents);
    expect(verdict).toEqual({
      index: 0,
      rejection: { index: 0, id: "C9", errors: ["Invalid numeric '12': too short"], row: submitted, kind: "invalid" },
    });
    const [ok] = judgeRows([{ numeric: "9876543210", "customer_info:customer_id": "C9" }], rules, { action: "insert" }, agents);
    expect("record" in ok && ok.record.agent).toBe(null);
  });
});

describe("judgeRows on an update", () => {
  const update = { action: "update" as const, referenceField: "customer_info:customer_id" };

  it("requires nothing but the reference value, which must not be blank", () => {
    const verdicts = judgeRows(
      [
        { "customer_info:customer_id": "C1", user: "priya" },
        { "customer_info:customer_id": " ", user: "priya" },
      ],
      rules,
      update,
      agents,
    );
    expect(outcome(verdicts)).toEqual(["ok", "invalid: the customer_info:customer_id should not be blank"]);
  });

  it("still validates the supplied columns", () => {
    const verdicts = judgeRows([{ "customer_info:customer_id": "C1", numeric: "1" }], rules, update, agents);
    expect(outcome(verdicts)).toEqual(["invalid: Invalid numeric '1': too short"]);
  });
});
