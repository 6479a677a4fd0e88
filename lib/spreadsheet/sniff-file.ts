// Files that are no spreadsheet, recognised by their first bytes whatever their name says (a PDF
// renamed .csv would otherwise be read as Windows-1252 text and "%PDF-1.4" offered as a header).
// Zip archives and old .xls workbooks go to the workbook reader, which explains those.

const SIGNATURES: { bytes: (number | null)[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "a PDF document" }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" }, // GIF8
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], what: "a WebP image" }, // RIFF....WEBP
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: "a RAR archive" }, // Rar!
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: "a 7-Zip archive" },
];

/** The operator's message when `head` (the file's first bytes) is not a spreadsheet; null otherwise. */
export function notASpreadsheet(head: Uint8Array): string | null {
  const found = SIGNATURES.find((s) => s.bytes.length <= head.length && s.bytes.every((b, i) => b === null || head[i] === b));
  if (!found) return null;
  return `This file is ${found.what}, not a spreadsheet. Export the contacts as .xlsx or .csv and upload that file.`;
}

/** A zip (an .xlsx is one) or an old OLE2 .xls, by content. */
export function isWorkbookContainer(head: Uint8Array): boolean {
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const ole2 = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  return zip || ole2;
}
