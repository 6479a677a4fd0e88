import { MAX_XLSX_ENTRIES, MAX_XLSX_UNCOMPRESSED_BYTES } from "./limits";

// ASVS 5.2.3: check a compressed file's uncompressed size and entry count *before*
// inflating it. read-excel-file inflates every .xml entry at once and fflate sizes its
// output by the size the archive declares, so the declared sizes in the ZIP central
// directory bound the memory used. Reading them needs no dependency: ~20 bytes per entry.

/** `workbook`: the archive holds xl/workbook.xml, so it is a workbook and not any zip. */
export type ArchiveSummary = { entries: number; xmlBytes: number; workbook: boolean };

export type ArchiveProblem = "NOT_ZIP" | "TOO_MANY_ENTRIES" | "TOO_LARGE";

/** Declared totals of the entries read-excel-file will inflate (.xml and .rels). */
export function inspectXlsxArchive(bytes: Uint8Array): ArchiveSummary | { problem: ArchiveProblem } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return { problem: "NOT_ZIP" };

  let entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const zip64 = readZip64Directory(view, eocd);
  if (zip64) ({ entries, offset } = zip64);
  if (entries > MAX_XLSX_ENTRIES) return { problem: "TOO_MANY_ENTRIES" };

  let xmlBytes = 0;
  let workbook = false;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_HEADER) return { problem: "NOT_ZIP" };
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength + extraLength > view.byteLength) return { problem: "NOT_ZIP" };
    const name = latin1(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (name === "xl/workbook.xml") workbook = true;
    if (name.endsWith(".xml") || name.endsWith(".rels")) {
      xmlBytes += declaredSize(view, offset, nameLength, extraLength);
      if (xmlBytes > MAX_XLSX_UNCOMPRESSED_BYTES) return { problem: "TOO_LARGE" };
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, xmlBytes, workbook };
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const ZIP64_EXTRA = 0x0001;
const MAX_COMMENT = 65_535;

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let e = last; e >= first; e--) {
    if (view.getUint32(e, true) === END_OF_CENTRAL_DIRECTORY) return e;
  }
  return -1;
}

function readZip64Directory(view: DataView, eocd: number): { entries: number; offset: number } | null {
  if (eocd < 20 || view.getUint32(eocd - 20, true) !== ZIP64_LOCATOR) return null;
  const at = Number(view.getBigUint64(eocd - 12, true));
  if (at + 56 > view.byteLength || view.getUint32(at, true) !== ZIP64_END) return null;
  return { entries: Number(view.getBigUint64(at + 32, true)), offset: Number(view.getBigUint64(at + 48, true)) };
}

// A 0xFFFFFFFF size means the real one is in the ZIP64 extra field, whose first value is
// the uncompressed size when that is the field that overflowed.
function declaredSize(view: DataView, header: number, nameLength: number, extraLength: number): number {
  const size = view.getUint32(header + 24, true);
  if (size !== 0xffffffff) return size;
  let at = header + 46 + nameLength;
  const end = at + extraLength;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA && length >= 8) return Number(view.getBigUint64(at + 4, true));
    at += 4 + length;
  }
  return Number.POSITIVE_INFINITY;
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
