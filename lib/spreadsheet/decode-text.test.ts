import { describe, it, expect } from "vitest";
import { decodeText } from "./decode-text";

const SAMPLE = "name,city\nJosé,Zoë Müller\n";

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function utf16be(text: string): Uint8Array {
  const le = utf16le(text);
  const out = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) [out[i], out[i + 1]] = [le[i + 1], le[i]];
  return out;
}

// cp1252 and Latin-1 agree for these letters: é=E9, ë=EB, ü=FC.
function cp1252(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in cp1252 test table: ${c}`);
    return code;
  });
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe("decodeText", () => {
  it("decodes UTF-8 without a BOM", () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE))).toEqual({ text: SAMPLE, encoding: "utf-8", hadBom: false });
  });

  it("strips a UTF-8 BOM and reports it", () => {
    const bytes = concat(Uint8Array.of(0xef, 0xbb, 0xbf), new TextEncoder().encode(SAMPLE));
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: "utf-8", hadBom: true });
  });

  it("accepts an ArrayBuffer", () => {
    const bytes = new TextEncoder().encode(SAMPLE);
    expect(decodeText(bytes.buffer.slice(0)).text).toBe(SAMPLE);
  });

  it("decodes UTF-16 LE with a BOM (Excel 'Unicode Text')", () => {
    const bytes = concat(Uint8Array.of(0xff, 0xfe), utf16le(SAMPLE));
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: "utf-16le", hadBom: true });
  });

  it("decodes UTF-16 BE with a BOM", () => {
    const bytes = concat(Uint8Array.of(0xfe, 0xff), utf16be(SAMPLE));
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: "utf-16be", hadBom: true });
  });

  it("detects UTF-16 LE and BE without a BOM from the NUL pattern", () => {
    expect(decodeText(utf16le(SAMPLE))).toEqual({ text: SAMPLE, encoding: "utf-16le", hadBom: false });
    expect(decodeText(utf16be(SAMPLE))).toEqual({ text: SAMPLE, encoding: "utf-16be", hadBom: false });
  });

  it("falls back to Windows-1252 for bytes that are not valid UTF-8", () => {
    const result = decodeText(cp1252(SAMPLE));
    expect(result).toEqual({ text: SAMPLE, encoding: "windows-1252", hadBom: false });
    expect(result.text).toContain("José");
    expect(result.text).toContain("Zoë Müller");
  });

  it("decodes cp1252-only characters (euro sign, curly quotes)", () => {
    const bytes = Uint8Array.of(0x80, 0x20, 0x93, 0x68, 0x69, 0x94);
    expect(decodeText(bytes)).toMatchObject({ text: "€ “hi”", encoding: "windows-1252" });
  });

  it("treats pure ASCII as UTF-8", () => {
    expect(decodeText(new TextEncoder().encode("phone\n9876543210\n")).encoding).toBe("utf-8");
  });

  it("honours an override, even when detection would say otherwise", () => {
    const utf8 = new TextEncoder().encode("José");
    // Read as cp1252 on purpose: the operator sees the mojibake and can switch back.
    expect(decodeText(utf8, "windows-1252")).toEqual({ text: "JosÃ©", encoding: "windows-1252", hadBom: false });
    expect(decodeText(cp1252("Müller"), "iso-8859-1")).toEqual({ text: "Müller", encoding: "iso-8859-1", hadBom: false });
  });

  it("strips the override's own BOM but not another encoding's", () => {
    const withBom = concat(Uint8Array.of(0xef, 0xbb, 0xbf), new TextEncoder().encode("a"));
    expect(decodeText(withBom, "utf-8")).toEqual({ text: "a", encoding: "utf-8", hadBom: true });
    expect(decodeText(withBom, "windows-1252")).toEqual({ text: "ï»¿a", encoding: "windows-1252", hadBom: false });
  });

  it("decodes an empty file", () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: "", encoding: "utf-8", hadBom: false });
  });
});
