import { describe, it, expect } from "vitest";
import parsePhoneNumberFromString, { type CountryCode } from "libphonenumber-js/max";
import { fastMobileE164, mobileLengthRange } from "./phone-fast-path";

// The fast path must never say "valid mobile" where libphonenumber-js would not, and must give
// the same E.164. These sweeps pin that against the installed metadata (1.13.16, max).

function libraryMobile(input: string, country: CountryCode): string | undefined {
  const parsed = parsePhoneNumberFromString(input, country);
  if (!parsed?.isValid()) return undefined;
  const type = parsed.getType();
  return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE" ? parsed.number : undefined;
}

function compare(inputs: string[], country: CountryCode) {
  let agreed = 0;
  let fastHits = 0;
  let libraryHits = 0;
  const disagreements: string[] = [];
  for (const input of inputs) {
    const plus = input.startsWith("+");
    const fast = fastMobileE164(plus ? input.slice(1) : input, plus, country);
    const library = libraryMobile(input, country);
    if (fast !== undefined) fastHits++;
    if (library !== undefined) libraryHits++;
    if (fast === undefined || fast === library) agreed++;
    else disagreements.push(`${input}: fast ${fast}, library ${library}`);
  }
  return { agreed, fastHits, libraryHits, disagreements };
}

describe("fastMobileE164 agrees with libphonenumber-js", () => {
  it("on every Indian 4-digit prefix 6000–9999, in national, trunk-0, 91… and +91… forms", () => {
    const inputs: string[] = [];
    for (let prefix = 6000; prefix <= 9999; prefix++) {
      for (const rest of ["000000", "987654"]) {
        const national = `${prefix}${rest}`;
        inputs.push(national, `0${national}`, `91${national}`, `+91${national}`);
      }
    }
    const { agreed, fastHits, libraryHits, disagreements } = compare(inputs, "IN");
    expect(disagreements).toEqual([]);
    expect(agreed).toBe(inputs.length);
    // Every valid Indian mobile in these forms takes the fast path (this is what makes 10k fast).
    expect(fastHits).toBe(libraryHits);
    expect(fastHits).toBeGreaterThan(25_000);
  }, 60_000);

  it("never accepts landlines, wrong lengths or other countries' numbers that the library rejects", () => {
    const inputs: string[] = [];
    for (let prefix = 1000; prefix <= 5999; prefix += 7) inputs.push(`${prefix}123456`, `0${prefix}123456`);
    for (const n of ["987654321", "98765432101", "919876543", "0919876543210", "00919876543210", "91919876543210"]) inputs.push(n);
    for (const n of ["+9198765432101", "+920300123456", "+447911123456", "+12125551234"]) inputs.push(n);
    const { disagreements } = compare(inputs, "IN");
    expect(disagreements).toEqual([]);
  });

  it("also agrees for other simple numbering plans (PK, BD, LK)", () => {
    const samples: Array<[CountryCode, string[]]> = [
      ["PK", ["3001234567", "03001234567", "923001234567", "+923001234567", "2134567890"]],
      ["BD", ["1712345678", "01712345678", "8801712345678", "+8801712345678", "29123456"]],
      ["LK", ["712345678", "0712345678", "94712345678", "+94712345678", "112345678"]],
    ];
    for (const [country, inputs] of samples) expect(compare(inputs, country).disagreements).toEqual([]);
  });

  it("stays off for shared calling codes (+1, +44), where the library picks the exact country", () => {
    expect(fastMobileE164("2015550123", false, "US")).toBeUndefined();
    expect(fastMobileE164("7911123456", false, "GB")).toBeUndefined();
  });

  it("reports India's mobile length range", () => {
    expect(mobileLengthRange("IN")).toEqual({ callingCode: "91", min: 10, max: 10 });
  });
});
