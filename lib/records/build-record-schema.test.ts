import { describe, it, expect } from "vitest";
import { DEBT_COLLECTION_SCHEMA, LEAD_GENERATION_SCHEMA, customSchema, type FieldSchema } from "@/lib/campaigns/field-schema";
import { buildRecordSchema, FORBIDDEN_KEYS } from "./build-record-schema";

const POLICY = { defaultCountry: "IN", mobileOnly: true };

describe("buildRecordSchema", () => {
  it("compiles the debt collection preset in schema order with its rule", () => {
    const compiled = buildRecordSchema(DEBT_COLLECTION_SCHEMA, POLICY);
    expect(compiled.fields.map((f) => f.key)).toEqual([
      "loan_id",
      "first_name",
      "last_name",
      "phone_number",
      "loan_amount",
      "emi_amount",
      "loan_period",
      "current_emi",
      "emi_due_date",
      "payment_status",
      "language",
    ]);
    expect(compiled.fields.filter((f) => f.required)).toHaveLength(10);
    expect(compiled.rules.map((r) => r.fields)).toEqual([["current_emi", "loan_period"]]);
    expect(compiled.identifierKey).toBe("loan_id");
  });

  it("compiles lead generation with a generated, optional identifier", () => {
    const compiled = buildRecordSchema(LEAD_GENERATION_SCHEMA, POLICY);
    expect(compiled.generateIdentifier).toBe(true);
    expect(compiled.fields.find((f) => f.key === "lead_id")).toMatchObject({ required: false, unique: true });
  });

  it("lte rule compares numbers and YYYY-MM-DD dates, and ignores missing values", () => {
    const schema: FieldSchema = {
      ...customSchema(
        [
          { key: "loan:start", label: "Start", type: "date", required: false },
          { key: "loan:end", label: "End", type: "date", required: false },
        ],
        null,
      ),
      rules: [{ kind: "lte", field: "loan:start", other: "loan:end" }],
    };
    const [rule] = buildRecordSchema(schema, POLICY).rules;
    expect(rule.check({ "loan:start": "2025-01-31", "loan:end": "2025-02-01" })).toBeNull();
    expect(rule.check({ "loan:start": "2025-02-02", "loan:end": "2025-02-01" })).toEqual({
      field: "loan:start",
      code: "rule_violated",
      message: "Field 'loan:start' must not be greater than 'loan:end'",
    });
    expect(rule.check({ "loan:start": "2025-02-02" })).toBeNull();
  });

  it("refuses misconfigured schemas before judging any record", () => {
    const base = DEBT_COLLECTION_SCHEMA;
    expect(() => buildRecordSchema({ ...base, phoneKey: "first_name" }, POLICY)).toThrow(/phoneKey 'first_name' is not a phone field/);
    expect(() => buildRecordSchema({ ...base, identifierKey: "nope" }, POLICY)).toThrow(/'nope' is not one of its fields/);
    expect(() => buildRecordSchema({ ...base, rules: [{ kind: "lte", field: "x", other: "loan_period" }] }, POLICY)).toThrow(
      /rule on unknown field/,
    );
    expect(() => buildRecordSchema({ ...base, fields: [...base.fields, base.fields[0]] }, POLICY)).toThrow(/repeated key 'loan_id'/);
    const proto = { key: "__proto__", label: "x", type: "string" as const, required: false };
    expect(() => buildRecordSchema({ ...base, fields: [...base.fields, proto] }, POLICY)).toThrow(/bad or repeated key '__proto__'/);
    expect(() => buildRecordSchema(base, { defaultCountry: "ZZ", mobileOnly: true })).toThrow(/Unsupported default country/);
  });

  it("forbids exactly the prototype-reaching keys", () => {
    expect([...FORBIDDEN_KEYS].sort()).toEqual(["__proto__", "constructor", "prototype"]);
  });
});
