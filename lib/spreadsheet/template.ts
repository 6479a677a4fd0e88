import Papa from "papaparse";
import writeXlsxFile, { type Cell, type SheetData } from "write-excel-file/universal";
import type { FieldDefinition, FieldSchema } from "@/lib/campaigns/field-schema";
import { escapeFormula } from "@/lib/spreadsheet/formula-escape";

// The "download template" files for a campaign: its field keys as headers and one example
// row that passes validation. write-excel-file/universal returns a Blob in both the
// browser and Node (the /node build returns Buffers and imports node:stream). Headers and
// examples come from campaign settings (CRM keys, enum values), so every text cell is
// formula-escaped: an enum value `=HYPERLINK(…)` must not become a live formula.

export const TEMPLATE_XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Empty rows pre-formatted as Text below the example, so typed phones keep their digits. */
export const TEMPLATE_TEXT_ROWS = 1000;

/** Header of field keys plus one example row, UTF-8 with BOM, CRLF. */
export function templateCsv(schema: FieldSchema): string {
  const header = schema.fields.map((f) => escapeFormula(f.key));
  const example = schema.fields.map((f) => escapeFormula(exampleValue(f)));
  return `\uFEFF${Papa.unparse([header, example], { newline: "\r\n" })}\r\n`;
}

/**
 * The same as an .xlsx. Phone, identifier and free-text columns are Text cells (`@`), down to
 * TEMPLATE_TEXT_ROWS, so Excel keeps leading zeros and never shows 9.19877E+11; amounts and
 * counts are numbers, dates real dates.
 */
export async function templateXlsx(schema: FieldSchema): Promise<Blob> {
  const textColumns = schema.fields.map((f) => isTextColumn(f, schema));
  const header: Cell[] = schema.fields.map((f) => ({ value: escapeFormula(f.key), type: String, fontWeight: "bold" }));
  const example: Cell[] = schema.fields.map((f, i) => exampleCell(f, textColumns[i]));
  const blank: Cell[] = textColumns.map((text) => (text ? { type: String, format: "@" } : null));
  const data: SheetData = [header, example, ...Array.from({ length: TEMPLATE_TEXT_ROWS }, () => blank)];
  return writeXlsxFile(data, {
    sheet: "Contacts",
    stickyRowsCount: 1,
    columns: schema.fields.map((f) => ({ width: Math.max(14, f.key.length + 2) })),
  }).toBlob();
}

function isTextColumn(field: FieldDefinition, schema: FieldSchema): boolean {
  return field.type === "phone" || field.key === schema.identifierKey || field.type === "string";
}

function exampleCell(field: FieldDefinition, text: boolean): Cell {
  const value = exampleValue(field);
  if (text) return { value: escapeFormula(value), type: String, format: "@" };
  if (field.type === "number" || field.type === "integer") return { value: Number(value), type: Number };
  if (field.type === "date") return { value: new Date(`${value}T00:00:00Z`), type: Date, format: "yyyy-mm-dd" };
  if (field.type === "boolean") return { value: value === "true", type: Boolean };
  return { value: escapeFormula(value), type: String };
}

// Values that pass the campaign's own validation, including the preset cross-field rule
// current_emi <= loan_period. The phone is a 10-digit Indian mobile: Excel shows up to 11
// digits of a General cell as typed, while a 12-digit +91… would turn into 9.19877E+11.
const BY_KEY: Record<string, string> = {
  first_name: "Asha",
  last_name: "Verma",
  loan_id: "LN-000123",
  lead_id: "LD-000123",
  loan_amount: "250000",
  emi_amount: "12500",
  loan_period: "24",
  current_emi: "3",
  emi_due_date: "2025-01-05",
  lead_date: "2025-01-05",
  user: "agent01",
};

function exampleValue(field: FieldDefinition): string {
  if (Object.hasOwn(BY_KEY, field.key)) return BY_KEY[field.key];
  switch (field.type) {
    case "phone":
      return "9876543210";
    case "number":
      return String(clamp(1000, field.min, field.max));
    case "integer":
      return String(clamp(1, field.min, field.max));
    case "date":
      return "2025-01-05";
    case "datetime":
      return "2025-01-05T10:30:00+05:30";
    case "enum":
      return field.enumValues?.[0] ?? "";
    case "language":
      return "hindi";
    case "email":
      return "asha.verma@example.com";
    case "boolean":
      return "true";
    default:
      return "Example";
  }
}

function clamp(value: number, min?: number, max?: number): number {
  return Math.min(max ?? value, Math.max(min ?? value, value));
}
