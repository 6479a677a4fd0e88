import { describe, expect, it } from "vitest";
import { DEBT_COLLECTION_SCHEMA, type FieldDefinition } from "@/lib/campaigns/field-schema";
import { applyValueMappings, collectUnmapped, enumOf, foldValue, initialChoices, suggest, valuesToRemember } from "./value-mapping";

const status = DEBT_COLLECTION_SCHEMA.fields.find((f) => f.key === "payment_status")!;
const language = DEBT_COLLECTION_SCHEMA.fields.find((f) => f.key === "language")!;
const crm: FieldDefinition = { key: "loan:tier", label: "Tier", type: "enum", required: false, enumValues: ["Gold", "Silver"] };

describe("suggestions", () => {
  it("an equal value once case, accents and spacing are folded is exact", () => {
    expect(foldValue("  Partially--PAID ")).toBe("partially paid");
    expect(foldValue("Tamíl")).toBe("tamil");
    expect(suggest(foldValue("Tamíl"), enumOf(language)!)).toEqual({ value: "tamil", exact: true });
    expect(suggest(foldValue("Gold "), ["Gold", "Silver"])).toEqual({ value: "Gold", exact: true });
    expect(suggest(foldValue("debt collection"), ["debt_collection"])).toEqual({ value: "debt_collection", exact: true });
  });

  it("then the most similar value above the threshold, else nothing", () => {
    expect(suggest(foldValue("Partially Paid"), enumOf(status)!)).toEqual({ value: "partial", exact: false });
    expect(suggest(foldValue("Bounce"), enumOf(status)!)).toEqual({ value: "bounced", exact: false });
    expect(suggest(foldValue("Eng"), enumOf(language)!)).toEqual({ value: "english", exact: false });
    expect(suggest(foldValue("Overdue"), enumOf(status)!)).toBeNull();
    expect(suggest(foldValue("Español"), enumOf(language)!)).toBeNull();
    expect(suggest("", enumOf(status)!)).toBeNull();
  });
});

describe("collectUnmapped", () => {
  it("lists the distinct values outside the enum, folded together, most frequent first, with counts", () => {
    const values = ["pending", "PAID", "Overdue", "overdue ", "Partially Paid", "", "Overdue", "partially  paid", "bounce"];
    expect(collectUnmapped(status, values)).toEqual({
      field: "payment_status",
      label: "Payment status",
      allowed: ["bounced", "pending", "partial", "paid", "received"],
      values: [
        { key: "overdue", text: "Overdue", count: 3, suggestion: null, exact: false },
        { key: "partially paid", text: "Partially Paid", count: 2, suggestion: "partial", exact: false },
        { key: "bounce", text: "bounce", count: 1, suggestion: "bounced", exact: false },
      ],
      otherValues: 0,
      otherRows: 0,
    });
  });

  it("lists at most `limit` values and counts the rest", () => {
    const values = ["a", "a", "a", "b", "b", "c", "d"];
    const column = collectUnmapped(crm, values, 2);
    expect(column.values.map((v) => [v.text, v.count])).toEqual([
      ["a", 3],
      ["b", 2],
    ]);
    expect([column.otherValues, column.otherRows]).toEqual([2, 2]);
  });

  it("a field that is not an enum has nothing to map", () => {
    expect(enumOf({ key: "x", label: "X", type: "string", required: false })).toBeNull();
    expect(enumOf(language)).toContain("hindi");
  });
});

describe("choices", () => {
  const columns = [collectUnmapped(status, ["Overdue", "Partially Paid", "Paíd"]), collectUnmapped(language, ["Español", "Hindī"])];

  it("offers what was remembered, else the exact suggestions; a remembered 'leave it' stays left", () => {
    expect(initialChoices(columns, undefined)).toEqual({ payment_status: { paid: "paid" }, language: { hindi: "hindi" } });
    const remembered = { payment_status: { overdue: "pending", "partially paid": "partial", paid: null }, language: { espanol: "gone" } };
    expect(initialChoices(columns, remembered)).toEqual({
      payment_status: { overdue: "pending", "partially paid": "partial" },
      language: { hindi: "hindi" },
    });
  });

  it("remembers every listed value, a left one as null", () => {
    expect(valuesToRemember(columns, { payment_status: { overdue: "pending" } })).toEqual({
      payment_status: { overdue: "pending", "partially paid": null, paid: null },
      language: { espanol: null, hindi: null },
    });
  });

  it("applies the choices to the cells, in place, and only to enum fields of the schema", () => {
    const records = [
      { payment_status: "Overdue", language: "Español", first_name: "Overdue" },
      { payment_status: "overdue ", language: "hindi", first_name: "x" },
      { payment_status: "Partially Paid", language: "", first_name: "y" },
    ];
    const changed = applyValueMappings(
      records,
      { payment_status: { overdue: "pending" }, language: { espanol: "english" }, first_name: { overdue: "no" } },
      DEBT_COLLECTION_SCHEMA,
    );
    expect(changed).toBe(3);
    expect(records).toEqual([
      { payment_status: "pending", language: "english", first_name: "Overdue" },
      { payment_status: "pending", language: "hindi", first_name: "x" },
      { payment_status: "Partially Paid", language: "", first_name: "y" },
    ]);
  });
});
