import { describe, it, expect } from "vitest";
import { customSchema, DEBT_COLLECTION_SCHEMA, LEAD_GENERATION_SCHEMA } from "@/lib/campaigns/field-schema";
import { decodeText } from "./decode-text";
import { mapColumns } from "./map-columns";
import { parseDelimited } from "./parse-delimited";
import { readWorkbookSheet } from "./read-workbook";
import { TEMPLATE_TEXT_ROWS, templateCsv, templateXlsx } from "./template";

const DEBT_EXAMPLE = ["LN-000123", "Asha", "Verma", "9876543210", "250000", "12500", "24", "3", "2025-01-05", "bounced", "hindi"];

describe("templateCsv", () => {
  it("is the field keys and one example row, with a BOM", () => {
    const csv = templateCsv(DEBT_COLLECTION_SCHEMA);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const grid = parseDelimited(decodeText(new TextEncoder().encode(csv)).text);
    expect(grid.rows).toEqual([DEBT_COLLECTION_SCHEMA.fields.map((f) => f.key), DEBT_EXAMPLE]);
  });

  it("maps onto its own campaign without manual work", () => {
    for (const schema of [DEBT_COLLECTION_SCHEMA, LEAD_GENERATION_SCHEMA]) {
      const [header] = parseDelimited(templateCsv(schema)).rows;
      const { mapping, unmappedRequired } = mapColumns(header, schema.fields);
      expect(Object.values(mapping)).toEqual(schema.fields.map((f) => f.key));
      expect(unmappedRequired).toEqual([]);
    }
  });

  it("quotes CRM keys and enum values as needed", () => {
    const schema = customSchema(
      [{ key: "loan:status", label: "Status", type: "enum", required: true, enumValues: ["open, overdue", "closed"] }],
      null,
    );
    expect(parseDelimited(templateCsv(schema)).rows).toEqual([
      ["numeric", "user", "loan:status"],
      ["9876543210", "agent01", "open, overdue"],
    ]);
  });

  it("never carries a live formula from a campaign's enum values or keys", () => {
    const schema = customSchema(
      [{ key: "loan:status", label: "Status", type: "enum", required: true, enumValues: ['=HYPERLINK("http://x.test","go")', "closed"] }],
      null,
    );
    const [, example] = parseDelimited(templateCsv(schema)).rows;
    expect(example[2]).toBe(`'=HYPERLINK("http://x.test","go")`);
  });
});

describe("templateXlsx", () => {
  it("reads back as the same header and example row", async () => {
    const blob = await templateXlsx(DEBT_COLLECTION_SCHEMA);
    const sheet = await readWorkbookSheet(await blob.arrayBuffer(), "Contacts");
    expect(sheet.rows).toEqual([DEBT_COLLECTION_SCHEMA.fields.map((f) => f.key), DEBT_EXAMPLE]);
  });

  it("formats phone and identifier columns as Text, down to TEMPLATE_TEXT_ROWS", async () => {
    const blob = await templateXlsx(LEAD_GENERATION_SCHEMA);
    const xml = await sheetXml(new Uint8Array(await blob.arrayBuffer()));
    const textStyle = /<c r="A2" s="(\d+)" t="s">/.exec(xml)?.[1];
    expect(textStyle).toBeDefined();
    // lead_id (A) and phone_number (D) carry the Text style; lead_date (E) does not.
    expect(xml).toContain(`<c r="D2" s="${textStyle}" t="s">`);
    expect(xml).toContain(`<c r="A${TEMPLATE_TEXT_ROWS + 2}" s="${textStyle}"/>`);
    expect(xml).toContain(`<c r="D${TEMPLATE_TEXT_ROWS + 2}" s="${textStyle}"/>`);
    expect(xml).not.toContain(`<c r="E${TEMPLATE_TEXT_ROWS + 2}"`);
    const styles = await entryText(new Uint8Array(await blob.arrayBuffer()), "xl/styles.xml");
    expect(styles).toMatch(/formatCode="@"/);
  });
});

describe("templateXlsx formulas", () => {
  it("writes a formula-looking enum value as escaped text, never a formula cell", async () => {
    const schema = customSchema(
      [{ key: "loan:status", label: "Status", type: "enum", required: true, enumValues: ["=1+1", "closed"] }],
      null,
    );
    const blob = await templateXlsx(schema);
    const sheet = await readWorkbookSheet(await blob.arrayBuffer(), "Contacts");
    expect(sheet.rows[1][2]).toBe("'=1+1");
    expect(await sheetXml(new Uint8Array(await blob.arrayBuffer()))).not.toContain("<f>");
  });
});

// The sheet XML is stored deflated inside the ZIP; DecompressionStream inflates it.
async function sheetXml(zip: Uint8Array): Promise<string> {
  return entryText(zip, "xl/worksheets/sheet1.xml");
}

async function entryText(zip: Uint8Array, name: string): Promise<string> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 30 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x04034b50) continue;
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength)) !== name) continue;
    const data = zip.slice(at + 30 + nameLength + extraLength, at + 30 + nameLength + extraLength + size);
    if (method === 0) return new TextDecoder().decode(data);
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).text();
  }
  throw new Error(`${name} not in archive`);
}
