import { describe, it, expect } from "vitest";
import { DEBT_COLLECTION_SCHEMA, LEAD_GENERATION_SCHEMA, customSchema, type FieldDefinition } from "@/lib/campaigns/field-schema";
import { duplicateKeys, validateRecords, type InvalidRecord } from "./validate-records";

const POLICY = { defaultCountry: "IN", mobileOnly: true };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function loan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
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
  };
}

const debt = (records: unknown[], options?: Parameters<typeof validateRecords>[3]) =>
  validateRecords(records, DEBT_COLLECTION_SCHEMA, POLICY, options);

/** A record's problems as an API lists them: "Record N: <message>". */
function errorsIn(record: InvalidRecord): string[] {
  return record.issues.map((issue) => `Record ${record.index}: ${issue.message}`);
}

/** The errors of the only invalid record. */
function errorsOf(record: unknown): string[] {
  const result = debt([record]);
  expect(result.invalid).toHaveLength(1);
  return errorsIn(result.invalid[0]);
}

describe("debt collection: a valid record", () => {
  it("is returned normalised, with phone, id and agent beside the values", () => {
    const result = debt([
      loan({
        loan_amount: "50,000.50",
        emi_amount: "2500",
        loan_period: "12",
        payment_status: " Paid ",
        language: "HINDI",
        phone_number: "+91 98765 43210",
      }),
    ]);
    expect(result.invalid).toEqual([]);
    expect(result.duplicates).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.valid).toEqual([
      {
        index: 0,
        id: "L1",
        values: {
          loan_id: "L1",
          first_name: "Rahul",
          last_name: "Sharma",
          phone_number: "+919876543210",
          loan_amount: 50000.5,
          emi_amount: 2500,
          loan_period: 12,
          current_emi: 5,
          emi_due_date: "2025-03-15",
          payment_status: "paid",
          language: "hindi",
        },
        phoneRaw: "+91 98765 43210",
        phoneE164: "+919876543210",
        agent: null,
        fieldErrors: {},
      },
    ]);
  });

  it("turns a numeric loan_id into text", () => {
    const [record] = debt([loan({ loan_id: 12345 })]).valid;
    expect(record.id).toBe("12345");
    expect(record.values.loan_id).toBe("12345");
  });

  it("leaves an absent optional language out of the values", () => {
    const [record] = debt([loan({ language: "  " })]).valid;
    expect("language" in record.values).toBe(false);
  });
});

describe("debt collection: missing fields", () => {
  it("reports all 10 required fields of an empty record, in schema order", () => {
    expect(errorsOf({})).toEqual([
      "Record 0: Missing required field 'loan_id'",
      "Record 0: Missing required field 'first_name'",
      "Record 0: Missing required field 'last_name'",
      "Record 0: Missing required field 'phone_number'",
      "Record 0: Missing required field 'loan_amount'",
      "Record 0: Missing required field 'emi_amount'",
      "Record 0: Missing required field 'loan_period'",
      "Record 0: Missing required field 'current_emi'",
      "Record 0: Missing required field 'emi_due_date'",
      "Record 0: Missing required field 'payment_status'",
    ]);
  });

  it("matches the seed example: Record 2 missing phone_number then loan_amount", () => {
    const { phone_number, loan_amount, ...rest } = loan({ loan_id: "L3" });
    expect([phone_number, loan_amount]).toEqual(["9876543210", 50000]);
    const result = debt([loan({ loan_id: "L1" }), loan({ loan_id: "L2", phone_number: "9876543211" }), rest]);
    expect(result.valid.map((r) => r.index)).toEqual([0, 1]);
    expect(result.invalid).toEqual([
      {
        index: 2,
        id: "L3",
        issues: [
          { code: "missing_required", field: "phone_number", message: "Missing required field 'phone_number'" },
          { code: "missing_required", field: "loan_amount", message: "Missing required field 'loan_amount'" },
        ],
        fieldErrors: {
          phone_number: { level: "error", code: "missing_required", message: "Missing required field 'phone_number'" },
          loan_amount: { level: "error", code: "missing_required", message: "Missing required field 'loan_amount'" },
        },
      },
    ]);
  });

  it.each([[null], [undefined], [""], ["   "]])("treats %j as missing", (blank) => {
    expect(errorsOf(loan({ first_name: blank }))).toEqual(["Record 0: Missing required field 'first_name'"]);
  });

  it("gives id null when the identifier is missing", () => {
    const result = debt([loan({ loan_id: undefined })]);
    expect(result.invalid[0]).toMatchObject({ index: 0, id: null });
    expect(errorsIn(result.invalid[0])).toEqual(["Record 0: Missing required field 'loan_id'"]);
  });
});

describe("debt collection: field rules", () => {
  it("rejects negative amounts", () => {
    expect(errorsOf(loan({ loan_amount: -1, emi_amount: "-250" }))).toEqual([
      "Record 0: Field 'loan_amount' must be at least 0",
      "Record 0: Field 'emi_amount' must be at least 0",
    ]);
  });

  it("rejects text and non-finite values in number fields", () => {
    expect(errorsOf(loan({ loan_amount: "abc" }))).toEqual(["Record 0: Field 'loan_amount' must be a number"]);
    expect(errorsOf(loan({ loan_amount: Number.NaN }))).toEqual(["Record 0: Field 'loan_amount' must be a number"]);
  });

  it("rejects a non-integer loan_period and a current_emi below 1", () => {
    expect(errorsOf(loan({ loan_period: 12.5, current_emi: 0 }))).toEqual([
      "Record 0: Field 'loan_period' must be a whole number",
      "Record 0: Field 'current_emi' must be at least 1",
    ]);
  });

  it("rejects current_emi greater than loan_period, accepts equal", () => {
    expect(errorsOf(loan({ current_emi: 13, loan_period: 12 }))).toEqual([
      "Record 0: Field 'current_emi' must not be greater than 'loan_period'",
    ]);
    expect(debt([loan({ current_emi: 12, loan_period: "12" })]).valid).toHaveLength(1);
  });

  it("skips the cross-field rule when one side is already wrong", () => {
    expect(errorsOf(loan({ current_emi: 13, loan_period: "twelve" }))).toEqual(["Record 0: Field 'loan_period' must be a whole number"]);
  });

  it.each([["2025-02-29"], ["2023-02-29"], ["2025-02-30"], ["2025-13-01"], ["15-03-2025"]])("rejects emi_due_date %j", (date) => {
    expect(errorsOf(loan({ emi_due_date: date }))).toEqual(["Record 0: Field 'emi_due_date' must be a real date in YYYY-MM-DD format"]);
  });

  it("accepts Feb 29 of a leap year", () => {
    expect(debt([loan({ emi_due_date: "2024-02-29" })]).valid[0].values.emi_due_date).toBe("2024-02-29");
  });

  it("reads payment_status case-insensitively and rejects unknown ones", () => {
    const result = debt([
      loan({ loan_id: "A", payment_status: "BOUNCED" }),
      loan({ loan_id: "B", phone_number: "9876543211", payment_status: "Received" }),
    ]);
    expect(result.valid.map((r) => r.values.payment_status)).toEqual(["bounced", "received"]);
    expect(errorsOf(loan({ payment_status: "overdue" }))).toEqual([
      "Record 0: Field 'payment_status' must be one of bounced, pending, partial, paid, received",
    ]);
  });

  it("reads language case-insensitively and rejects unknown ones", () => {
    expect(debt([loan({ language: "Tamil" })]).valid[0].values.language).toBe("tamil");
    expect(errorsOf(loan({ language: "french" }))).toEqual([
      "Record 0: Field 'language' must be one of hindi, english, bengali, telugu, marathi, tamil, gujarati, kannada, malayalam, punjabi, odia, assamese",
    ]);
  });

  it("limits names to 100 characters", () => {
    expect(debt([loan({ first_name: "a".repeat(100) })]).valid).toHaveLength(1);
    expect(errorsOf(loan({ first_name: "a".repeat(101) }))).toEqual(["Record 0: Field 'first_name' must be at most 100 characters"]);
  });

  it("reports invalid phone numbers with the entered value and the reason", () => {
    const result = debt([
      loan(),
      loan(),
      loan(),
      loan({ loan_id: "L4", phone_number: "12345" }),
      loan({ loan_id: "L5", phone_number: "08041234567" }),
    ]);
    expect(result.invalid.map(errorsIn)).toEqual([
      ["Record 3: Invalid phone_number '12345': too short"],
      ["Record 4: Invalid phone_number '08041234567': not a mobile number"],
    ]);
    expect(result.invalid[0].fieldErrors.phone_number).toEqual({
      level: "error",
      code: "invalid_phone",
      message: "Invalid phone_number '12345': too short",
    });
    expect(result.invalid[1].issues[0].code).toBe("not_mobile");
  });

  it("reports several problems of one record, one message each, in schema order", () => {
    expect(errorsOf(loan({ first_name: "", phone_number: "9.19877E+11", loan_period: 1.5, payment_status: "x" }))).toEqual([
      "Record 0: Missing required field 'first_name'",
      "Record 0: Invalid phone_number '9.19877E+11': was turned into scientific notation by a spreadsheet and its digits are lost; format the column as text",
      "Record 0: Field 'loan_period' must be a whole number",
      "Record 0: Field 'payment_status' must be one of bounced, pending, partial, paid, received",
    ]);
  });
});

describe("issue codes", () => {
  it("names every problem by a code from the closed set, the message unchanged", () => {
    const [record] = debt([
      loan({ first_name: "", phone_number: "9.19877E+11", loan_period: 1.5, payment_status: "x", emi_due_date: "2025-02-30" }),
    ]).invalid;
    expect(record.issues.map((i) => [i.code, i.field])).toEqual([
      ["missing_required", "first_name"],
      ["phone_scientific_notation", "phone_number"],
      ["invalid_number", "loan_period"],
      ["invalid_date", "emi_due_date"],
      ["not_in_enum", "payment_status"],
    ]);
    expect(record.issues.every((i) => !i.message.startsWith("Record"))).toBe(true);
    expect(debt([loan({ phone_number: "08041234567" })]).invalid[0].issues[0].code).toBe("not_mobile");
    expect(debt([loan({ loan_id: 1e21 })]).invalid[0].issues[0]).toMatchObject({ code: "scientific_notation", field: "loan_id" });
  });
});

describe("warnings", () => {
  it("accepts a '.0' phone, reports a warning and marks the cell", () => {
    const result = debt([loan({ phone_number: "9876543210.0" })]);
    expect(result.valid[0]).toMatchObject({
      phoneE164: "+919876543210",
      phoneRaw: "9876543210.0",
      fieldErrors: {
        phone_number: {
          level: "warning",
          code: "phone_float_artefact",
          message: "phone_number '9876543210.0' had a trailing '.0' from a spreadsheet number; read as 9876543210",
        },
      },
    });
    expect(result.warnings).toEqual([
      {
        index: 0,
        code: "phone_float_artefact",
        field: "phone_number",
        message: "phone_number '9876543210.0' had a trailing '.0' from a spreadsheet number; read as 9876543210",
      },
    ]);
  });

  it("keeps the warning next to the errors of an invalid record", () => {
    const result = debt([loan({ phone_number: "9876543210.0", loan_amount: -5 })]);
    expect(errorsIn(result.invalid[0])).toEqual(["Record 0: Field 'loan_amount' must be at least 0"]);
    expect(result.invalid[0].fieldErrors.phone_number.level).toBe("warning");
    expect(result.warnings).toHaveLength(1);
  });
});

describe("text safety", () => {
  it("accepts and preserves Devanagari and Tamil names", () => {
    const [record] = debt([loan({ first_name: "राहुल", last_name: "செல்வம்" })]).valid;
    expect(record.values.first_name).toBe("राहुल");
    expect(record.values.last_name).toBe("செல்வம்");
  });

  it("rejects NUL bytes", () => {
    expect(errorsOf(loan({ last_name: "Sha\u0000rma" }))).toEqual(["Record 0: Field 'last_name' must not contain NUL characters"]);
  });

  // How fast: bench/validation.ts.
  it("rejects 1 MB strings, in schema fields and in kept unknown keys", () => {
    const huge = "x".repeat(1_000_000);
    const result = debt([loan({ first_name: huge, loan_id: huge, phone_number: huge, notes: huge })]);
    expect(errorsIn(result.invalid[0])).toEqual([
      "Record 0: Field 'loan_id' must be at most 100 characters",
      "Record 0: Field 'first_name' must be at most 100 characters",
      `Record 0: Invalid phone_number '${"x".repeat(40)}…': too long`,
      "Record 0: Field 'notes' must be at most 10000 characters",
    ]);
    expect(result.invalid[0].id).toBeNull();
  });
});

describe("prototype pollution", () => {
  it("rejects __proto__, constructor and prototype keys without touching Object.prototype", () => {
    const records = JSON.parse(
      '[{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": 1, "loan_id": "L1", "first_name": "Rahul", "last_name": "Sharma", "phone_number": "9876543210", "loan_amount": 1, "emi_amount": 1, "loan_period": 1, "current_emi": 1, "emi_due_date": "2025-01-01", "payment_status": "paid"}]',
    ) as unknown[];
    const result = debt(records);
    expect(errorsIn(result.invalid[0])).toEqual([
      "Record 0: Field '__proto__' is not allowed",
      "Record 0: Field 'constructor' is not allowed",
      "Record 0: Field 'prototype' is not allowed",
    ]);
    expect(Object.keys(result.invalid[0].fieldErrors)).toEqual(["__proto__", "constructor", "prototype"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(JSON.stringify(result.invalid[0].fieldErrors)).toContain('"__proto__":{"level":"error"');
  });

  it("rejects them in 'error' mode too, and never reads schema keys from the prototype chain", () => {
    const record = JSON.parse('{"__proto__": {"language": "hindi"}}') as Record<string, unknown>;
    Object.assign(record, loan());
    const result = debt([record], { unknownKeys: "error" });
    expect(errorsIn(result.invalid[0])).toEqual(["Record 0: Field '__proto__' is not allowed"]);
    const inherited = Object.create({ language: "hindi", first_name: "Ghost" }) as Record<string, unknown>;
    Object.assign(inherited, loan({ first_name: undefined }));
    expect(errorsOf(inherited)).toEqual(["Record 0: Missing required field 'first_name'"]);
  });
});

describe("record shape and unknown keys", () => {
  it("rejects records that are not objects", () => {
    const result = debt([null, "loan", [loan()], 42, loan()]);
    expect(result.valid.map((r) => r.index)).toEqual([4]);
    expect(result.invalid).toEqual(
      [0, 1, 2, 3].map((index) => ({
        index,
        id: null,
        issues: [{ code: "not_an_object", field: null, message: "must be an object" }],
        fieldErrors: {},
      })),
    );
  });

  it("keeps unknown keys by default, trimmed, and rejects nested ones", () => {
    const [record] = debt([loan({ branch: " Pune ", score: 7, vip: true, blank: "" })]).valid;
    expect(record.values).toMatchObject({ branch: "Pune", score: 7, vip: true });
    expect("blank" in record.values).toBe(false);
    expect(errorsOf(loan({ meta: { a: 1 } }))).toEqual(["Record 0: Field 'meta' must be text, a number or true/false"]);
  });

  it("rejects unknown keys in 'error' mode", () => {
    const result = debt([loan({ branch: "Pune", zone: "W" })], { unknownKeys: "error" });
    expect(errorsIn(result.invalid[0])).toEqual(["Record 0: Unknown field 'branch'", "Record 0: Unknown field 'zone'"]);
  });

  it("refuses options it does not know", () => {
    expect(() => debt([loan()], { unknownKeys: "drop" as "keep" })).toThrow();
  });
});

describe("duplicates inside the request", () => {
  it("keeps the first loan_id and reports later ones", () => {
    const result = debt([loan({ loan_id: "L1" }), loan({ loan_id: "L2" }), loan({ loan_id: "L1", first_name: "Other" })]);
    expect(result.valid.map((r) => r.index)).toEqual([0, 1]);
    expect(result.duplicates).toEqual([
      {
        index: 2,
        id: "L1",
        code: "duplicate_in_file",
        reason: "Duplicate loan_id 'L1' in request (first seen at record 0)",
        field: "loan_id",
        firstIndex: 0,
      },
    ]);
  });

  it("treats 12345 and '12345' as the same identifier", () => {
    const result = debt([loan({ loan_id: 12345 }), loan({ loan_id: "12345" })]);
    expect(result.duplicates.map((d) => d.reason)).toEqual(["Duplicate loan_id '12345' in request (first seen at record 0)"]);
  });

  it("lets invalid records take no part", () => {
    const result = debt([loan({ loan_id: "L1", loan_amount: -1 }), loan({ loan_id: "L1" })]);
    expect(result.invalid.map((r) => r.index)).toEqual([0]);
    expect(result.valid.map((r) => r.index)).toEqual([1]);
    expect(result.duplicates).toEqual([]);
  });

  it("checks the normalised phone only when uniquePhone is set", () => {
    const records = [loan({ loan_id: "A", phone_number: "+919876543210" }), loan({ loan_id: "B", phone_number: "098765 43210" })];
    expect(debt(records).duplicates).toEqual([]);
    const result = debt(records, { uniquePhone: true });
    expect(result.valid.map((r) => r.id)).toEqual(["A"]);
    expect(result.duplicates).toEqual([
      {
        index: 1,
        id: "B",
        // The same person under another loan_id: its own code and wording.
        code: "duplicate_phone_in_file",
        reason: "Duplicate phone_number '+919876543210' in request: the same phone number as record 0",
        field: "phone_number",
        firstIndex: 0,
      },
    ]);
  });
});

describe("duplicates found by the caller (findDuplicates: false)", () => {
  it("returns every record that passes its checks as valid, repeated or not", () => {
    const result = debt([loan({ loan_id: "L1" }), loan({ loan_id: "L1", first_name: "Other" })], { findDuplicates: false });
    expect(result.valid.map((r) => [r.index, r.id])).toEqual([
      [0, "L1"],
      [1, "L1"],
    ]);
    expect(result.duplicates).toEqual([]);
  });

  it("names the keys the core itself would check, for the caller's own pass", () => {
    expect(duplicateKeys(DEBT_COLLECTION_SCHEMA, false)).toEqual(["loan_id"]);
    expect(duplicateKeys(DEBT_COLLECTION_SCHEMA, true)).toEqual(["loan_id", "phone_number"]);
    expect(duplicateKeys(customSchema([], null), true)).toEqual(["numeric"]);
  });
});

describe("lead generation", () => {
  const lead = (overrides: Record<string, unknown> = {}) => ({
    first_name: "Priya",
    last_name: "Iyer",
    phone_number: "9876543210",
    lead_date: "2025-01-20",
    ...overrides,
  });
  const leads = (records: unknown[]) => validateRecords(records, LEAD_GENERATION_SCHEMA, POLICY);

  it("generates a UUID lead_id when absent and keeps a given one", () => {
    const result = leads([
      lead(),
      lead({ lead_id: "LEAD-7", phone_number: "9876543211" }),
      lead({ lead_id: "", phone_number: "9876543212" }),
    ]);
    const [generated, given, blank] = result.valid;
    expect(generated.id).toMatch(UUID);
    expect(generated.values.lead_id).toBe(generated.id);
    expect(given).toMatchObject({ id: "LEAD-7", values: { lead_id: "LEAD-7" } });
    expect(blank.id).toMatch(UUID);
    expect(blank.id).not.toBe(generated.id);
  });

  it("requires a real lead_date", () => {
    const result = leads([lead({ lead_date: undefined }), lead({ lead_date: "2025-02-29" })]);
    expect(result.invalid.map(errorsIn)).toEqual([
      ["Record 0: Missing required field 'lead_date'"],
      ["Record 1: Field 'lead_date' must be a real date in YYYY-MM-DD format"],
    ]);
  });

  it("gives an invalid lead without lead_id the id null, not a UUID", () => {
    expect(leads([lead({ first_name: "" })]).invalid[0].id).toBeNull();
  });

  it("still reports a repeated given lead_id", () => {
    const result = leads([lead({ lead_id: "X" }), lead({ lead_id: "X", phone_number: "9876543211" })]);
    expect(result.duplicates.map((d) => d.reason)).toEqual(["Duplicate lead_id 'X' in request (first seen at record 0)"]);
  });
});

describe("custom (Flexydial) schema", () => {
  const crm: FieldDefinition[] = [
    { key: "customer_info:customer_id", label: "Customer ID", type: "string", required: true, maxLength: 50, unique: true },
    { key: "customer_info:customer_name", label: "Customer name", type: "string", required: false, maxLength: 120 },
  ];
  const schema = customSchema(crm, "customer_info:customer_id");
  const flexy = (records: unknown[]) => validateRecords(records, schema, POLICY, { unknownKeys: "error", uniquePhone: true });

  it("validates numeric, user and CRM fields and returns the agent separately", () => {
    const result = flexy([
      { numeric: 9876543210, user: " agent.rao ", "customer_info:customer_id": 501, "customer_info:customer_name": "செல்வம்" },
    ]);
    expect(result.valid).toEqual([
      {
        index: 0,
        id: "501",
        values: { numeric: "+919876543210", user: "agent.rao", "customer_info:customer_id": "501", "customer_info:customer_name": "செல்வம்" },
        phoneRaw: "9876543210",
        phoneE164: "+919876543210",
        agent: "agent.rao",
        fieldErrors: {},
      },
    ]);
  });

  it("reports missing numeric and CRM identifier, and duplicate phones", () => {
    const result = flexy([
      { "customer_info:customer_name": "A" },
      { numeric: "9876543210", "customer_info:customer_id": "C1" },
      { numeric: "+91 98765 43210", "customer_info:customer_id": "C2" },
    ]);
    expect(result.invalid[0]).toEqual({
      index: 0,
      id: null,
      issues: [
        { code: "missing_required", field: "numeric", message: "Missing required field 'numeric'" },
        { code: "missing_required", field: "customer_info:customer_id", message: "Missing required field 'customer_info:customer_id'" },
      ],
      fieldErrors: {
        numeric: { level: "error", code: "missing_required", message: "Missing required field 'numeric'" },
        "customer_info:customer_id": {
          level: "error",
          code: "missing_required",
          message: "Missing required field 'customer_info:customer_id'",
        },
      },
    });
    expect(result.valid.map((r) => r.id)).toEqual(["C1"]);
    expect(result.duplicates.map((d) => [d.code, d.reason])).toEqual([
      ["duplicate_phone_in_file", "Duplicate numeric '+919876543210' in request: the same phone number as record 1"],
    ]);
  });

  it("uses the E.164 phone as id when the schema has no identifier", () => {
    const result = validateRecords([{ numeric: "9876543210", user: "a1" }], customSchema(crm.slice(1), null), POLICY);
    expect(result.valid[0]).toMatchObject({ id: "+919876543210", agent: "a1" });
  });
});

describe("bulk", () => {
  it("validates 10,000 records with exact counts", () => {
    const records = Array.from({ length: 10_000 }, (_, i) => {
      const record = loan({ loan_id: `L${i}`, phone_number: String(9_000_000_000 + i), emi_amount: "2,500.50", payment_status: "Pending" });
      if (i % 10 === 3) record.phone_number = "12345"; // 1,000 invalid
      if (i % 100 === 7) record.loan_id = "L0"; // 100 repeats of record 0's id
      if (i % 1000 === 9) return null; // 10 non-objects
      return record;
    });
    const result = debt(records);
    expect(result.invalid).toHaveLength(1_010);
    expect(result.duplicates).toHaveLength(100);
    expect(result.valid).toHaveLength(10_000 - 1_010 - 100);
    expect(result.valid.length + result.invalid.length + result.duplicates.length).toBe(10_000);
    expect(result.duplicates.every((d) => d.firstIndex === 0 && d.id === "L0")).toBe(true);
    expect(new Set(result.valid.map((r) => r.phoneE164)).size).toBe(result.valid.length);
  });

  // How fast, cold and warm: bench/validation.ts.
  it("validates 10,000 valid debt collection records, each once, with distinct phones", () => {
    const records = Array.from({ length: 10_000 }, (_, i) => loan({ loan_id: `L${i}`, phone_number: String(9_000_000_000 + i * 7919) }));
    const result = debt(records);
    expect(result.valid).toHaveLength(10_000);
    expect(result.valid.map((r) => r.id)).toEqual(records.map((r) => r.loan_id));
    expect(new Set(result.valid.map((r) => r.phoneE164)).size).toBe(10_000);
  });
});
