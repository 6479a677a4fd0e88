import { describe, expect, it } from "vitest";
import { DEBT_COLLECTION_SCHEMA } from "@/lib/campaigns/field-schema";
import { mapColumns } from "@/lib/spreadsheet/map-columns";
import { connectInMemory } from "./in-memory-worker";

// The value step and the number format through the worker protocol: what the worker finds in the
// file, and the choices applied before the validation core judges the rows.

const POLICY = { defaultCountry: "IN", mobileOnly: true };
const HEADER =
  "loan_id;first_name;last_name;phone_number;loan_amount;emi_amount;loan_period;current_emi;emi_due_date;payment_status;language";
const row = (id: string, phone: string, amount: string, status: string, language: string) =>
  `${id};Asha;Verma;${phone};${amount};1.250;२४;3;2025-01-05;${status};${language}`;
const CSV = [
  HEADER,
  row("V1", "9876543210", "1.234,56", "Overdue", "Español"),
  row("V2", "9876543211", "₹ 2.000", "Partially Paid", "hindi"),
  row("V3", "9876543212", "3.500,5", "overdue", "English"),
  row("V4", "9876543213", "12,5", "Unknown", "Tamíl"),
].join("\n");

async function mapped(fetch?: typeof globalThis.fetch) {
  const client = connectInMemory(fetch);
  await client.call("open", { name: "values.csv", data: new TextEncoder().encode(CSV).buffer as ArrayBuffer });
  const preview = await client.call("selectSheet", { sheet: 0 });
  const { columns } = await client.call("setHeader", { headerRow: preview.detectedHeader });
  const { mapping } = mapColumns(
    columns.map((c) => c.header),
    DEBT_COLLECTION_SCHEMA.fields,
  );
  return { client, mapping, headerRow: preview.detectedHeader };
}

describe("valueColumns", () => {
  it("lists the enum values the file has outside the enums, and detects the decimal comma", async () => {
    const { client, mapping, headerRow } = await mapped();
    const found = await client.call("valueColumns", { headerRow, mapping, schema: DEBT_COLLECTION_SCHEMA, fallback: { decimal: "." } });
    expect(found.enums.map((c) => [c.field, c.values.map((v) => [v.text, v.count, v.suggestion, v.exact])])).toEqual([
      [
        "payment_status",
        [
          ["Overdue", 2, null, false],
          ["Partially Paid", 1, "partial", false],
          ["Unknown", 1, null, false],
        ],
      ],
      [
        "language",
        [
          ["Español", 1, null, false],
          ["Tamíl", 1, "tamil", true],
        ],
      ],
    ]);
    expect(found.numbers).toMatchObject({
      format: { decimal: "," },
      fields: ["loan_amount", "emi_amount", "loan_period", "current_emi"],
      mixed: false,
    });
  });
});

describe("review with value choices", () => {
  it("maps the chosen values and reads numbers the file's way, with warnings; unmapped values stay errors", async () => {
    const { client, mapping } = await mapped();
    const state = await client.call("review", {
      mapping,
      schema: DEBT_COLLECTION_SCHEMA,
      policy: POLICY,
      duplicatesBy: "both",
      dates: {},
      values: { payment_status: { overdue: "pending", "partially paid": "partial" }, language: { espanol: "english", tamil: "tamil" } },
      numbers: { decimal: "," },
    });
    expect(state.counts).toMatchObject({ rows: 4, valid: 3, invalid: 1, warnings: 3 });
    const { rows } = await client.call("rows", { rows: [0, 3] });
    expect(rows[0].cells).toMatchObject({ payment_status: "pending", language: "english", loan_amount: "1.234,56" });
    expect(rows[0].issues.loan_amount).toEqual({
      level: "warning",
      code: "number_normalised",
      message: "loan_amount '1.234,56' read as 1234.56",
      source: "check",
    });
    expect(rows[1].issues.payment_status).toMatchObject({ level: "error", code: "not_in_enum" });
    expect(rows[1].cells.language).toBe("tamil");
  });

  it("sends the numbers to the server in the form the API reads strictly (rows still in error are not sent)", async () => {
    const sent: Record<string, unknown>[] = [];
    const fetch = (async (_url: string, init?: RequestInit) => {
      sent.push(...JSON.parse(String(init?.body)).records);
      return Response.json({ invalid: [], notWritten: [] });
    }) as unknown as typeof globalThis.fetch;
    const { client, mapping } = await mapped(fetch);
    await client.call("review", {
      mapping,
      schema: DEBT_COLLECTION_SCHEMA,
      policy: POLICY,
      duplicatesBy: "both",
      dates: {},
      values: { payment_status: { overdue: "pending", "partially paid": "partial", unknown: "bounced" } },
      numbers: { decimal: "," },
    });
    await client.call("checkNext", { campaignId: "camp_1", limit: 10 });
    expect(sent.map((r) => [r.loan_id, r.loan_amount, r.emi_amount, r.loan_period, r.payment_status])).toEqual([
      ["V2", "2000", "1250", "24", "partial"],
      ["V3", "3500.5", "1250", "24", "pending"],
    ]);
  });

  it("without choices the same file is judged strictly, as before", async () => {
    const { client, mapping } = await mapped();
    const state = await client.call("review", { mapping, schema: DEBT_COLLECTION_SCHEMA, policy: POLICY, duplicatesBy: "both", dates: {} });
    expect(state.counts).toMatchObject({ rows: 4, valid: 0, invalid: 4 });
  });
});
