import { describe, it, expect } from "vitest";
import { customSchema, DEBT_COLLECTION_SCHEMA, LEAD_GENERATION_SCHEMA, type FieldDefinition } from "@/lib/campaigns/field-schema";
import { applyMapping, findUnmappedRequired, mapColumns, normaliseHeader, rememberedMappingSchema, rememberMapping } from "./map-columns";

const crm: FieldDefinition[] = [
  { key: "customer_info:customer_name", label: "Name of customer", type: "string", required: true },
  { key: "customer_info:city", label: "City", type: "string", required: false },
];
const CUSTOM = customSchema(crm, null);

describe("normaliseHeader", () => {
  it("ignores case, spaces, punctuation, underscores, accents and camelCase", () => {
    expect(normaliseHeader(" Customer_Name ")).toBe("customername");
    expect(normaliseHeader("customerName")).toBe("customername");
    expect(normaliseHeader("Mobile No.")).toBe("mobileno");
    expect(normaliseHeader("Téléphone")).toBe("telephone");
    expect(normaliseHeader("customer_info:customer_name")).toBe("customerinfocustomername");
  });
});

describe("mapColumns", () => {
  it("maps keys, labels and synonyms of the debt-collection preset", () => {
    const headers = [
      "Loan No",
      "First Name",
      "Surname",
      "Mobile",
      "Principal",
      "EMI",
      "Tenure",
      "EMI Number",
      "Due Date",
      "Status",
      "Lang",
      "Remarks",
    ];
    const { mapping, unmappedRequired } = mapColumns(headers, DEBT_COLLECTION_SCHEMA.fields);
    expect(mapping).toEqual({
      0: "loan_id",
      1: "first_name",
      2: "last_name",
      3: "phone_number",
      4: "loan_amount",
      5: "emi_amount",
      6: "loan_period",
      7: "current_emi",
      8: "emi_due_date",
      9: "payment_status",
      10: "language",
      11: null,
    });
    expect(unmappedRequired).toEqual([]);
  });

  it("maps section:field CRM keys by the full key and by the field part", () => {
    const byPart = mapColumns(["Customer Name", "numeric", "Agent", "CITY"], CUSTOM.fields);
    expect(byPart.mapping).toEqual({ 0: "customer_info:customer_name", 1: "numeric", 2: "user", 3: "customer_info:city" });
    const byKey = mapColumns(["customer_info:customer_name", "contact no"], CUSTOM.fields);
    expect(byKey.mapping).toEqual({ 0: "customer_info:customer_name", 1: "numeric" });
  });

  it("uses each field once and lets the better match win", () => {
    // "Phone Number" is the label (90); "Mobile" only a synonym (80).
    const { mapping } = mapColumns(["Mobile", "Phone Number", "Alternate phone"], LEAD_GENERATION_SCHEMA.fields);
    expect(mapping).toEqual({ 0: null, 1: "phone_number", 2: null });
  });

  it("matches a synonym inside a longer header, but not a stray word", () => {
    const { mapping } = mapColumns(["Customer Mobile", "First Payment Date", "Cancelled"], LEAD_GENERATION_SCHEMA.fields);
    expect(mapping).toEqual({ 0: "phone_number", 1: null, 2: null });
  });

  it("reports required fields that no column maps to, in schema order", () => {
    const { unmappedRequired } = mapColumns(["Phone", "Remarks"], DEBT_COLLECTION_SCHEMA.fields);
    expect(unmappedRequired).toEqual([
      "loan_id",
      "first_name",
      "last_name",
      "loan_amount",
      "emi_amount",
      "loan_period",
      "current_emi",
      "emi_due_date",
      "payment_status",
    ]);
    // lead_id is optional (generated), so only the rest are required.
    expect(mapColumns(["phone", "first", "last"], LEAD_GENERATION_SCHEMA.fields).unmappedRequired).toEqual(["lead_date"]);
  });

  it("leaves blank headers unmapped", () => {
    expect(mapColumns(["", "Phone"], LEAD_GENERATION_SCHEMA.fields).mapping).toEqual({ 0: null, 1: "phone_number" });
  });
});

describe("remembered mapping", () => {
  it("re-applies saved choices first, then auto-matches the rest", () => {
    const headers = ["Cust Ref", "Ph", "Given", "Family", "Notes", "Lead Date"];
    const first = mapColumns(headers, LEAD_GENERATION_SCHEMA.fields);
    expect(first.mapping).toMatchObject({ 0: null, 1: null, 5: "lead_date" });

    // The operator fixes the mapping by hand and "Notes" is set to do-not-import.
    const chosen = { 0: "lead_id", 1: "phone_number", 2: "first_name", 3: "last_name", 4: null, 5: "lead_date" };
    const saved = rememberedMappingSchema.parse(JSON.parse(JSON.stringify(rememberMapping(headers, chosen))));
    expect(saved).toEqual({
      version: 1,
      columns: { custref: "lead_id", ph: "phone_number", given: "first_name", family: "last_name", notes: null, leaddate: "lead_date" },
    });

    // Next month's file: different order, different casing, and one new column.
    const next = mapColumns(["PH", "Lead date", "cust_ref", "Language", "family", "given", "notes"], LEAD_GENERATION_SCHEMA.fields, saved);
    expect(next.mapping).toEqual({
      0: "phone_number",
      1: "lead_date",
      2: "lead_id",
      3: "language",
      4: "last_name",
      5: "first_name",
      6: null,
    });
    expect(next.unmappedRequired).toEqual([]);
  });

  it("keeps a remembered 'do not import' even where auto-match would map the column", () => {
    const saved = rememberMapping(["Phone"], { 0: null });
    expect(mapColumns(["Phone"], LEAD_GENERATION_SCHEMA.fields, saved).mapping).toEqual({ 0: null });
  });

  it("ignores remembered fields the campaign no longer has, and layers over older choices", () => {
    const older = rememberMapping(["Ph"], { 0: "phone_number" });
    const saved = rememberMapping(["X"], { 0: "gone_field" }, older);
    expect(saved.columns).toEqual({ ph: "phone_number", x: "gone_field" });
    expect(mapColumns(["X", "Ph"], LEAD_GENERATION_SCHEMA.fields, saved).mapping).toEqual({ 0: null, 1: "phone_number" });
  });

  it("does not read inherited properties for headers like 'constructor'", () => {
    const saved = rememberMapping(["Phone"], { 0: "phone_number" });
    expect(mapColumns(["constructor", "Phone"], LEAD_GENERATION_SCHEMA.fields, saved).mapping).toEqual({ 0: null, 1: "phone_number" });
  });
});

describe("findUnmappedRequired", () => {
  it("follows manual changes", () => {
    expect(findUnmappedRequired({ 0: "phone_number", 1: "first_name" }, LEAD_GENERATION_SCHEMA.fields)).toEqual(["last_name", "lead_date"]);
  });
});

describe("applyMapping", () => {
  const rows = [
    ["Loan book export"],
    ["Phone", "Name", "Notes"],
    [" 9876543210 ", "Ravi"],
    ["'+919876500000", '\'=HYPERLINK("http://x")', "ignored"],
  ];

  it("builds records below the header with the file's row numbers", () => {
    const records = applyMapping(rows, 1, { 0: "phone_number", 1: "first_name", 2: null }, [1, 3, 4, 7]);
    expect(records).toEqual([
      { rowNumber: 4, values: { phone_number: "9876543210", first_name: "Ravi" } },
      // Our own formula escape is undone so a fixed error report re-imports cleanly.
      { rowNumber: 7, values: { phone_number: "+919876500000", first_name: '=HYPERLINK("http://x")' } },
    ]);
  });

  it("fills short rows with empty strings and defaults row numbers to position + 1", () => {
    const records = applyMapping([["a", "b"], ["1"]], 0, { 0: "x", 1: "y" });
    expect(records).toEqual([{ rowNumber: 2, values: { x: "1", y: "" } }]);
  });

  it("never lets a field key touch Object.prototype", () => {
    const [record] = applyMapping([["h"], ["polluted"]], 0, { 0: "__proto__" });
    expect(Object.hasOwn(record.values, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
