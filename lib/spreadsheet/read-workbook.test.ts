import { describe, it, expect } from "vitest";
import writeXlsxFile, { type Feature, type SheetData } from "write-excel-file/universal";
import { listSheets, readWorkbook, readWorkbookSheet, WorkbookError } from "./read-workbook";
import { cellToText, SheetNumber } from "./workbook-cell-text";

// Workbooks are built with write-excel-file, as a user's Excel would save them.
async function xlsx(sheets: { sheet: string; data: SheetData }[], features: Feature<Blob>[] = []): Promise<ArrayBuffer> {
  return (await writeXlsxFile(sheets, { features }).toBlob()).arrayBuffer();
}

// The 1904 date system (old Mac Excel): <workbookPr date1904="1"/> in xl/workbook.xml.
const date1904: Feature<Blob> = {
  files: {
    transform: {
      "xl/workbook.xml": {
        transformElementAttributes: (tag, attributes) => (tag === "workbookPr" ? { ...attributes, date1904: 1 } : attributes),
      },
    },
  },
};

const contacts: SheetData = [
  ["Loan book export — March"],
  [],
  ["Phone", "Due date", "Text phone", "Active", "Amount", "Float noise", "Leading zero", "Name", "Visit"],
  [
    919876543210,
    { value: new Date(Date.UTC(2024, 2, 15)), type: Date, format: "dd/mm/yyyy" },
    "9.19877E+11",
    true,
    12.5,
    0.1 + 0.2,
    { value: "09876543210", type: String, format: "@" },
    "José Müller",
    { value: new Date(Date.UTC(2024, 2, 15, 10, 30)), type: Date, format: "yyyy-mm-dd hh:mm" },
  ],
  [],
  [9876543210, null, null, false, -1500, 1e21, null, "Zoë", null],
];

describe("readWorkbook", () => {
  it("lists every sheet with its non-blank row count", async () => {
    const book = await xlsx([
      { sheet: "Contacts", data: contacts },
      { sheet: "Notes", data: [["a"], ["b"], ["c"]] },
    ]);
    expect(await listSheets(book)).toEqual([
      { name: "Contacts", rowCount: 4 },
      { name: "Notes", rowCount: 3 },
    ]);
  });

  it("reads every cell as text: whole numbers as digits, dates as ISO, destroyed values as typed", async () => {
    const book = await xlsx([{ sheet: "Contacts", data: contacts }]);
    const sheet = await readWorkbookSheet(book, "Contacts");
    expect(sheet.rows).toEqual([
      ["Loan book export — March", "", "", "", "", "", "", "", ""],
      ["Phone", "Due date", "Text phone", "Active", "Amount", "Float noise", "Leading zero", "Name", "Visit"],
      ["919876543210", "2024-03-15", "9.19877E+11", "true", "12.5", "0.3", "09876543210", "José Müller", "2024-03-15T10:30:00"],
      ["9876543210", "", "", "false", "-1500", "1000000000000000000000", "", "Zoë", ""],
    ]);
    // Blank rows are dropped but the kept rows know where they were in the sheet.
    expect(sheet.rowNumbers).toEqual([1, 3, 4, 6]);
    expect(sheet.rowCount).toBe(4);
  });

  it("picks a sheet by 0-based position and reports a missing sheet", async () => {
    const book = await xlsx([
      { sheet: "First", data: [["x"]] },
      { sheet: "Second", data: [["y"], ["z"]] },
    ]);
    expect((await readWorkbookSheet(book, 1)).rows).toEqual([["y"], ["z"]]);
    await expect(readWorkbookSheet(book, "Third")).rejects.toMatchObject({ code: "SHEET_NOT_FOUND" });
  });

  it("accepts a Uint8Array that is a view into a larger buffer (a Node Buffer)", async () => {
    const book = new Uint8Array(await xlsx([{ sheet: "S", data: [["phone"], [919876543210]] }]));
    const padded = new Uint8Array(book.length + 16);
    padded.set(book, 8);
    const view = padded.subarray(8, 8 + book.length);
    expect((await readWorkbookSheet(view, 0)).rows).toEqual([["phone"], ["919876543210"]]);
  });

  it("applies the 1904 date system", async () => {
    // Serial 43830: 2024-01-01 counted from 1904-01-01, 2019-12-31 counted from 1900.
    const data: SheetData = [["due"], [{ value: 43830, type: Number, format: "yyyy-mm-dd" }]];
    const in1904 = await xlsx([{ sheet: "S", data }], [date1904]);
    const in1900 = await xlsx([{ sheet: "S", data }]);
    expect((await readWorkbookSheet(in1904, 0)).rows[1]).toEqual(["2024-01-01"]);
    expect((await readWorkbookSheet(in1900, 0)).rows[1]).toEqual(["2019-12-31"]);
  });

  it("rejects a zip bomb from the declared sizes, before inflating anything", async () => {
    const book = new Uint8Array(await xlsx([{ sheet: "S", data: [["phone"], ["1"]] }]));
    declareUncompressedSize(book, "xl/worksheets/sheet1.xml", 300 * 1024 * 1024);
    await expect(readWorkbook(book)).rejects.toMatchObject({ name: "WorkbookError", code: "TOO_LARGE" });
  });

  it("explains files that are not .xlsx", async () => {
    await expect(readWorkbook(new TextEncoder().encode("phone\n9876543210\n"))).rejects.toMatchObject({ code: "NOT_XLSX" });
    const xls = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0);
    await expect(readWorkbook(xls)).rejects.toMatchObject({ code: "XLS_NOT_SUPPORTED" });
    await expect(readWorkbook(new Uint8Array(0))).rejects.toBeInstanceOf(WorkbookError);
  });
});

describe("cellToText", () => {
  it("writes whole numbers without an exponent, rounded to Excel's 15 digits", () => {
    expect(cellToText(new SheetNumber("919876543210"))).toBe("919876543210");
    expect(cellToText(new SheetNumber("9.1987654321E+11"))).toBe("919876543210");
    expect(cellToText(new SheetNumber("1.2345678901234567E+19"))).toBe("12345678901234600000");
    expect(cellToText(new SheetNumber("9876543210.0"))).toBe("9876543210");
    expect(cellToText(new SheetNumber("0.30000000000000004"))).toBe("0.3");
    expect(cellToText(new SheetNumber("-1500"))).toBe("-1500");
  });

  it("keeps text exactly, including text Excel already destroyed", () => {
    expect(cellToText("9.19877E+11")).toBe("9.19877E+11");
    expect(cellToText("09876543210")).toBe("09876543210");
  });

  it("writes dates as YYYY-MM-DD, adding the time only when there is one", () => {
    expect(cellToText(new Date(Date.UTC(2024, 1, 29)))).toBe("2024-02-29");
    // read-excel-file floors serial × 86,400,000 ms, so 10:30 can arrive a millisecond early.
    expect(cellToText(new Date(Date.UTC(2024, 1, 29, 10, 29, 59, 999)))).toBe("2024-02-29T10:30:00");
  });

  it("writes booleans and empties", () => {
    expect(cellToText(true)).toBe("true");
    expect(cellToText(false)).toBe("false");
    expect(cellToText(null)).toBe("");
  });
});

/** Overwrites an entry's uncompressed size in the ZIP central directory. */
function declareUncompressedSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)) === name) {
      view.setUint32(at + 24, size, true);
      return;
    }
  }
  throw new Error(`${name} not in archive`);
}
