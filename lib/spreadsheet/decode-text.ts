// Turns the bytes of a CSV/TSV into text. Importers that assume UTF-8 show mojibake for
// files saved by Excel on Windows (cp1252) or as "Unicode Text" (UTF-16); here the encoding
// is detected, reported to the operator, and can be overridden.

export const TEXT_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252", "iso-8859-1"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export type DecodedText = {
  text: string;
  encoding: TextEncoding;
  hadBom: boolean;
};

/**
 * Detects (or takes `override`) the encoding and decodes. The BOM is always stripped.
 * Detection order: BOM, BOM-less UTF-16 (NUL bytes at alternate positions), strict UTF-8,
 * else Windows-1252 — which cannot fail, so a wrong guess is visible and overridable.
 */
export function decodeText(input: Uint8Array | ArrayBuffer, override?: TextEncoding): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const bom = detectBom(bytes);

  if (override) {
    // Only the override's own BOM is stripped; another BOM means the override is wrong
    // and the operator should see that in the preview.
    const ownBom = bom?.encoding === override ? bom : null;
    return { text: decode(bytes.subarray(ownBom?.length ?? 0), override), encoding: override, hadBom: ownBom !== null };
  }
  if (bom) return { text: decode(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, hadBom: true };

  const utf16 = detectBomlessUtf16(bytes);
  if (utf16) return { text: decode(bytes, utf16), encoding: utf16, hadBom: false };

  const utf8 = tryStrictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", hadBom: false };

  return { text: decode(bytes, "windows-1252"), encoding: "windows-1252", hadBom: false };
}

type Bom = { encoding: TextEncoding; length: number };

function detectBom(b: Uint8Array): Bom | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

// ASCII-heavy text in UTF-16 has a NUL in every other byte: odd positions for LE, even for
// BE. Real 8-bit text files essentially never contain NULs, so a high share is decisive.
const UTF16_SAMPLE_BYTES = 4096;
const UTF16_NUL_SHARE = 0.3;

function detectBomlessUtf16(b: Uint8Array): TextEncoding | null {
  const n = Math.min(b.length, UTF16_SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > UTF16_NUL_SHARE && evenNul / pairs < UTF16_NUL_SHARE / 3) return "utf-16le";
  if (evenNul / pairs > UTF16_NUL_SHARE && oddNul / pairs < UTF16_NUL_SHARE / 3) return "utf-16be";
  return null;
}

function tryStrictUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    return null;
  }
}

// ignoreBOM: the BOM was already sliced off; a second U+FEFF would be content.
// Per the WHATWG Encoding Standard "iso-8859-1" is an alias of windows-1252.
function decode(b: Uint8Array, encoding: TextEncoding): string {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(b);
  return encoding === "windows-1252" || encoding === "iso-8859-1" ? fixC1Range(text) : text;
}

// Node 20's TextDecoder decodes windows-1252 as ISO-8859-1, so bytes 0x80–0x9F (€ ‘ ’ “ ” …)
// come out as C1 control characters; browsers get it right. Mapping the C1 range through the
// cp1252 table is correct in both (the five bytes cp1252 leaves undefined map to themselves).
const CP1252_C1 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function fixC1Range(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]);
}
