import { describe, it, expect } from "vitest";
import parsePhoneNumberFromString from "libphonenumber-js/max";
import { normalizePhone, type PhoneErrorCode } from "./phone";

const IN_MOBILE = { defaultCountry: "IN", mobileOnly: true };
const IN_ANY = { defaultCountry: "IN", mobileOnly: false };

describe("normalizePhone: accepted forms", () => {
  it.each([
    ["9876543210"],
    ["+91 98765 43210"],
    ["091-98765-43210"],
    ["919876543210"],
    ["09876543210"],
    ["0091 9876543210"],
    ["(+91) 98765-43210"],
    ["98765.43210"],
    ["+91-0-9876543210"],
    ["９８７６５４３２１０"], // full-width digits
    ["९८७६५४३२१०"], // Devanagari digits: transliterated, not rejected
    ["98765\u00a043210"], // NBSP
    ["98765 43210\u200b"], // zero-width space
    ["  9876543210  "],
  ])("%j → +919876543210", (raw) => {
    const result = normalizePhone(raw, IN_MOBILE);
    expect(result).toMatchObject({ ok: true, e164: "+919876543210" });
  });

  it("keeps what was entered (trimmed) next to the E.164 form", () => {
    expect(normalizePhone(" +91 98765 43210 ", IN_MOBILE)).toEqual({ ok: true, e164: "+919876543210", raw: "+91 98765 43210" });
  });

  it("accepts JS numbers and bigints", () => {
    expect(normalizePhone(9876543210, IN_MOBILE)).toEqual({ ok: true, e164: "+919876543210", raw: "9876543210" });
    expect(normalizePhone(919876543210, IN_MOBILE)).toEqual({ ok: true, e164: "+919876543210", raw: "919876543210" });
    expect(normalizePhone(9876543210n, IN_MOBILE)).toMatchObject({ ok: true, e164: "+919876543210" });
  });

  it("reads a national number starting with 91 as national before trying the trunk-zero rescue", () => {
    // 09198765432 = trunk 0 + mobile 9198765432, not "0" + "91" + 8 digits.
    expect(normalizePhone("09198765432", IN_MOBILE)).toMatchObject({ ok: true, e164: "+919198765432" });
  });

  it("accepts valid mobiles of other countries written with +", () => {
    expect(normalizePhone("+44 7911 123456", IN_MOBILE)).toMatchObject({ ok: true, e164: "+447911123456" });
    expect(normalizePhone("+1 212 555 1234", IN_MOBILE)).toMatchObject({ ok: true, e164: "+12125551234" });
  });

  it("uses the policy's default country for national numbers", () => {
    expect(normalizePhone("2015550123", { defaultCountry: "US", mobileOnly: true })).toMatchObject({ ok: true, e164: "+12015550123" });
    // No silent re-reading of an Indian number under another default country.
    expect(normalizePhone("919876543210", { defaultCountry: "US", mobileOnly: true })).toMatchObject({ ok: false });
  });
});

describe("normalizePhone: '.0' float artefact", () => {
  it("accepts 9876543210.0 as 9876543210 with a FLOAT_ARTEFACT warning", () => {
    expect(normalizePhone("9876543210.0", IN_MOBILE)).toEqual({
      ok: true,
      e164: "+919876543210",
      raw: "9876543210.0",
      warning: { code: "FLOAT_ARTEFACT", message: "had a trailing '.0' from a spreadsheet number; read as 9876543210" },
    });
    expect(normalizePhone("919876543210.00", IN_MOBILE)).toMatchObject({
      ok: true,
      e164: "+919876543210",
      warning: { code: "FLOAT_ARTEFACT" },
    });
  });

  it("rejects a real fraction passed as a JS number", () => {
    expect(normalizePhone(9876543210.5, IN_MOBILE)).toMatchObject({ ok: false, code: "DECIMAL", message: "is a decimal number" });
  });
});

describe("normalizePhone: rejections carry a code and a plain reason", () => {
  const cases: Array<[unknown, PhoneErrorCode, string]> = [
    ["", "EMPTY", "empty"],
    ["   ", "EMPTY", "empty"],
    [null, "EMPTY", "empty"],
    [undefined, "EMPTY", "empty"],
    [{}, "INVALID_TYPE", "must be text or a number"],
    [true, "INVALID_TYPE", "must be text or a number"],
    [Number.NaN, "INVALID_TYPE", "must be text or a number"],
    [
      "9.19877E+11",
      "SCIENTIFIC_NOTATION",
      "was turned into scientific notation by a spreadsheet and its digits are lost; format the column as text",
    ],
    [
      "9.19877e11",
      "SCIENTIFIC_NOTATION",
      "was turned into scientific notation by a spreadsheet and its digits are lost; format the column as text",
    ],
    [
      1e21,
      "SCIENTIFIC_NOTATION",
      "was turned into scientific notation by a spreadsheet and its digits are lost; format the column as text",
    ],
    [
      9.19877e25,
      "SCIENTIFIC_NOTATION",
      "was turned into scientific notation by a spreadsheet and its digits are lost; format the column as text",
    ],
    ["9876543210 ext 12", "EXTENSION", "has an extension, which cannot be dialled"],
    ["9876543210x123", "EXTENSION", "has an extension, which cannot be dialled"],
    ["9876543210#123", "EXTENSION", "has an extension, which cannot be dialled"],
    ["+91 9876543210;ext=1", "EXTENSION", "has an extension, which cannot be dialled"],
    ["98765abc10", "LETTERS", "contains letters"],
    ["tel:+919876543210", "LETTERS", "contains letters"],
    ["Phone: 9876543210 call me", "LETTERS", "contains letters"],
    ["98765*43210", "INVALID_CHARACTERS", "contains characters that are not part of a phone number"],
    ["98765+43210", "INVALID_CHARACTERS", "contains characters that are not part of a phone number"],
    ["9876543210\u0000", "INVALID_CHARACTERS", "contains characters that are not part of a phone number"],
    ["---", "INVALID_CHARACTERS", "contains characters that are not part of a phone number"],
    ["12345", "TOO_SHORT", "too short"],
    ["987654321", "TOO_SHORT", "too short"], // 9 digits
    ["+9198765432", "TOO_SHORT", "too short"],
    ["98765432109", "TOO_LONG", "too long"], // 11 digits
    ["98765432101234567", "TOO_LONG", "too long"],
    ["1".repeat(65), "TOO_LONG", "too long"],
    ["+44 7911 12345", "INVALID_NUMBER", "not a valid phone number"],
    ["+91 55555 55555", "INVALID_NUMBER", "not a valid IN number"],
    ["+880 1234 5678", "INVALID_NUMBER", "not a valid BD number"],
    ["+1 000 555 1234", "INVALID_NUMBER", "not a valid phone number"],
  ];
  it.each(cases)("%j → %s", (raw, code, message) => {
    expect(normalizePhone(raw, IN_MOBILE)).toMatchObject({ ok: false, code, message });
  });

  it("names the default country when a national number is invalid there", () => {
    expect(normalizePhone("0000000000", IN_ANY)).toMatchObject({ ok: false, code: "INVALID_NUMBER", message: "not a valid IN number" });
  });

  it("returns raw text for display, null when the value was not text or a number", () => {
    expect(normalizePhone("12345", IN_MOBILE)).toMatchObject({ raw: "12345" });
    expect(normalizePhone({ n: 1 }, IN_MOBILE)).toMatchObject({ raw: null });
  });

  // How fast: bench/validation.ts.
  it("rejects a 1 MB string as too long without parsing it", () => {
    expect(normalizePhone("9".repeat(1_000_000), IN_MOBILE)).toMatchObject({ ok: false, code: "TOO_LONG" });
  });
});

describe("normalizePhone: mobile-only policy", () => {
  it.each([["8041234567"], ["08041234567"], ["+91 80 4123 4567"], ["080 2345 6789"], ["5876543210"], ["1234567890"], ["7912345678"]])(
    "rejects Indian landline %j as not a mobile number",
    (raw) => {
      expect(normalizePhone(raw, IN_MOBILE)).toMatchObject({ ok: false, code: "NOT_MOBILE", message: "not a mobile number" });
    },
  );

  it("accepts the same landlines when the campaign allows them", () => {
    expect(normalizePhone("+91 80 4123 4567", IN_ANY)).toMatchObject({ ok: true, e164: "+918041234567" });
    expect(normalizePhone("5876543210", IN_ANY)).toMatchObject({ ok: true, e164: "+915876543210" });
  });

  it("follows the metadata for 080 1xxx xxxx: 801x is an allocated mobile series, not a Bengaluru landline", () => {
    // Pinned to libphonenumber-js 1.13.16 max metadata. Bengaluru landlines are 80 + [2-4,6]xxx xxxx;
    // 8010–8019 belong to mobile operators, so 08012345678 is dialled as a mobile.
    expect(parsePhoneNumberFromString("08012345678", "IN")?.getType()).toBe("MOBILE");
    expect(normalizePhone("08012345678", IN_MOBILE)).toMatchObject({ ok: true, e164: "+918012345678" });
    expect(normalizePhone("+91 80 1234 5678", IN_MOBILE)).toMatchObject({ ok: true, e164: "+918012345678" });
  });
});

describe("normalizePhone: policy errors", () => {
  it("throws for a country the library does not know (campaign misconfiguration)", () => {
    expect(() => normalizePhone("9876543210", { defaultCountry: "ZZ", mobileOnly: true })).toThrow(/Unsupported default country 'ZZ'/);
  });

  it("accepts a lower-case country code", () => {
    expect(normalizePhone("9876543210", { defaultCountry: "in", mobileOnly: true })).toMatchObject({ ok: true, e164: "+919876543210" });
  });
});

describe("normalizePhone: idempotence", () => {
  it("normalising an E.164 result again gives the same E.164", () => {
    for (const raw of ["9876543210", "091-98765-43210", "+447911123456", "6000012345", "7000099999"]) {
      const first = normalizePhone(raw, IN_MOBILE);
      expect(first.ok).toBe(true);
      if (first.ok) expect(normalizePhone(first.e164, IN_MOBILE)).toMatchObject({ ok: true, e164: first.e164 });
    }
  });
});
