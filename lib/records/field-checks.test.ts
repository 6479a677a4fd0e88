import { describe, it, expect } from "vitest";
import type { FieldDefinition } from "@/lib/campaigns/field-schema";
import { checkExtraValue, fieldCheck, isBlank, MAX_TEXT_LENGTH } from "./field-checks";

const POLICY = { defaultCountry: "IN", mobileOnly: true };
const check = (def: Partial<FieldDefinition> & Pick<FieldDefinition, "type">) =>
  fieldCheck({ key: "f", label: "F", required: false, ...def }, POLICY);

describe("isBlank", () => {
  it("treats absent, null and whitespace-only as blank, and nothing else", () => {
    expect([undefined, null, "", "   ", "\t\n"].map(isBlank)).toEqual([true, true, true, true, true]);
    expect([0, false, "0", "a", [], {}].map(isBlank)).toEqual([false, false, false, false, false, false]);
  });
});

describe("string", () => {
  const text = check({ type: "string", maxLength: 5 });

  it("trims, and turns numbers into text", () => {
    expect(text("  abc ")).toMatchObject({ ok: true, value: "abc" });
    expect(text(12345)).toMatchObject({ ok: true, value: "12345" });
    expect(text(12345n)).toMatchObject({ ok: true, value: "12345" });
  });

  it("enforces maxLength after trimming", () => {
    expect(text("abcde")).toMatchObject({ ok: true });
    expect(text("abcdef")).toEqual(expect.objectContaining({ ok: false, message: "Field 'f' must be at most 5 characters" }));
  });

  it("rejects NUL bytes, non-text values and numbers a spreadsheet put in scientific notation", () => {
    expect(text("a\u0000b")).toMatchObject({ ok: false, message: "Field 'f' must not contain NUL characters" });
    expect(text({})).toMatchObject({ ok: false, message: "Field 'f' must be text" });
    expect(text(true)).toMatchObject({ ok: false, message: "Field 'f' must be text" });
    expect(check({ type: "string" })(1.2345e21)).toMatchObject({
      ok: false,
      message: "Field 'f' was turned into scientific notation by a spreadsheet and its digits are lost; format the column as text",
    });
  });

  it("caps fields without maxLength at MAX_TEXT_LENGTH", () => {
    const free = check({ type: "string" });
    expect(free("x".repeat(MAX_TEXT_LENGTH))).toMatchObject({ ok: true });
    expect(free("x".repeat(MAX_TEXT_LENGTH + 1))).toMatchObject({
      ok: false,
      message: `Field 'f' must be at most ${MAX_TEXT_LENGTH} characters`,
    });
  });
});

describe("number and integer", () => {
  const amount = check({ type: "number" });
  const period = check({ type: "integer", min: 1, max: 360 });

  it.each([
    [50000, 50000],
    ["50000", 50000],
    [" 50000 ", 50000],
    ["50,000.50", 50000.5],
    ["1,250,000", 1250000],
    ["12,50,000", 1250000], // Indian grouping
    ["0", 0],
    [0.5, 0.5],
  ])("number accepts %j as %j", (input, expected) => {
    expect(amount(input)).toMatchObject({ ok: true, value: expected });
  });

  it.each([["abc"], ["NaN"], ["Infinity"], [Number.NaN], [Number.POSITIVE_INFINITY], ["1e5"], ["5,0"], ["₹500"], [""], [true], [{}]])(
    "number rejects %j",
    (input) => {
      expect(amount(input)).toMatchObject({ ok: false, message: "Field 'f' must be a number" });
    },
  );

  it("defaults min to 0 and honours min/max", () => {
    expect(amount(-1)).toMatchObject({ ok: false, message: "Field 'f' must be at least 0" });
    expect(amount("-50,000")).toMatchObject({ ok: false, message: "Field 'f' must be at least 0" });
    expect(check({ type: "number", min: -10 })(-5)).toMatchObject({ ok: true, value: -5 });
    expect(period(0)).toMatchObject({ ok: false, message: "Field 'f' must be at least 1" });
    expect(period(361)).toMatchObject({ ok: false, message: "Field 'f' must be at most 360" });
  });

  it("integer accepts whole numbers, also as text, and rejects fractions", () => {
    expect(period(12)).toMatchObject({ ok: true, value: 12 });
    expect(period("12")).toMatchObject({ ok: true, value: 12 });
    expect(period("12.0")).toMatchObject({ ok: true, value: 12 });
    expect(period(12.5)).toMatchObject({ ok: false, message: "Field 'f' must be a whole number" });
    expect(period("twelve")).toMatchObject({ ok: false, message: "Field 'f' must be a whole number" });
    expect(check({ type: "integer" })(2 ** 60)).toMatchObject({ ok: false, message: "Field 'f' must be a whole number" });
  });
});

describe("date", () => {
  const date = check({ type: "date" });
  const message = "Field 'f' must be a real date in YYYY-MM-DD format";

  it("accepts real calendar dates, including Feb 29 of leap years", () => {
    expect(date("2025-03-15")).toMatchObject({ ok: true, value: "2025-03-15" });
    expect(date(" 2024-02-29 ")).toMatchObject({ ok: true, value: "2024-02-29" });
    expect(date("2000-02-29")).toMatchObject({ ok: true });
  });

  it.each([
    ["2025-02-29"],
    ["1900-02-29"],
    ["2025-02-30"],
    ["2025-04-31"],
    ["2025-13-01"],
    ["2025-00-10"],
    ["2025-3-5"],
    ["15/03/2025"],
    ["2025-03-15T00:00:00Z"],
    [20250315],
    ["tomorrow"],
  ])("rejects %j", (input) => {
    expect(date(input)).toMatchObject({ ok: false, message });
  });

  it("accepts a Date (a spreadsheet reader's cell) as its UTC calendar day", () => {
    expect(date(new Date(Date.UTC(2025, 2, 15)))).toMatchObject({ ok: true, value: "2025-03-15" });
    expect(date(new Date("nope"))).toMatchObject({ ok: false, message });
  });
});

describe("datetime", () => {
  const datetime = check({ type: "datetime" });

  it("accepts ISO 8601 with a zone and stores it as UTC", () => {
    expect(datetime("2025-01-31T09:30:00+05:30")).toMatchObject({ ok: true, value: "2025-01-31T04:00:00.000Z" });
    expect(datetime("2025-01-31T09:30:00Z")).toMatchObject({ ok: true, value: "2025-01-31T09:30:00.000Z" });
  });

  it("rejects datetimes without a zone, impossible dates and other text", () => {
    for (const input of ["2025-01-31T09:30:00", "2025-02-30T09:30:00Z", "2025-01-31 09:30:00Z", "soon", 5]) {
      expect(datetime(input)).toMatchObject({
        ok: false,
        message: "Field 'f' must be a date and time in ISO 8601 format with a time zone (e.g. 2025-01-31T09:30:00+05:30)",
      });
    }
  });
});

describe("enum and language", () => {
  it("matches enum values case-insensitively and returns the canonical spelling", () => {
    const tier = check({ type: "enum", enumValues: ["gold", "Silver"] });
    expect(tier(" GOLD ")).toMatchObject({ ok: true, value: "gold" });
    expect(tier("silver")).toMatchObject({ ok: true, value: "Silver" });
    expect(tier("bronze")).toMatchObject({ ok: false, message: "Field 'f' must be one of gold, Silver" });
    expect(tier(1)).toMatchObject({ ok: false });
  });

  it("knows the 12 languages, case-insensitively", () => {
    const language = check({ type: "language" });
    expect(language("TAMIL")).toMatchObject({ ok: true, value: "tamil" });
    expect(language("Odia")).toMatchObject({ ok: true, value: "odia" });
    expect(language("klingon")).toMatchObject({
      ok: false,
      message:
        "Field 'f' must be one of hindi, english, bengali, telugu, marathi, tamil, gujarati, kannada, malayalam, punjabi, odia, assamese",
    });
  });
});

describe("email and boolean", () => {
  it("checks email addresses", () => {
    const email = check({ type: "email" });
    expect(email(" priya@example.in ")).toMatchObject({ ok: true, value: "priya@example.in" });
    for (const input of ["priya@", "not an email", 42, `${"a".repeat(250)}@example.in`]) {
      expect(email(input)).toMatchObject({ ok: false, message: "Field 'f' must be an email address" });
    }
  });

  it("reads spreadsheet booleans", () => {
    const flag = check({ type: "boolean" });
    expect([true, "TRUE", "yes", "Y", 1, "1"].map((v) => flag(v))).toEqual(
      Array(6).fill(expect.objectContaining({ ok: true, value: true })),
    );
    expect([false, "False", "no", "n", 0, "0"].map((v) => flag(v))).toEqual(
      Array(6).fill(expect.objectContaining({ ok: true, value: false })),
    );
    expect(flag("maybe")).toMatchObject({ ok: false, message: "Field 'f' must be true or false" });
  });
});

describe("phone", () => {
  const phone = check({ type: "phone", key: "phone_number" });

  it("returns E.164 as the value and what was entered as raw", () => {
    expect(phone("+91 98765 43210")).toMatchObject({ ok: true, value: "+919876543210", raw: "+91 98765 43210" });
  });

  it("writes the field, the entered value and the reason into one message", () => {
    expect(phone("12345")).toMatchObject({ ok: false, message: "Invalid phone_number '12345': too short" });
    expect(phone({})).toMatchObject({ ok: false, message: "Invalid phone_number: must be text or a number" });
  });

  it("shows at most 40 characters of a long entry", () => {
    const result = phone("9".repeat(100));
    expect(result).toMatchObject({ ok: false, message: `Invalid phone_number '${"9".repeat(40)}…': too long` });
  });

  it("turns the '.0' artefact into a warning", () => {
    expect(phone("9876543210.0")).toMatchObject({
      ok: true,
      value: "+919876543210",
      warning: "phone_number '9876543210.0' had a trailing '.0' from a spreadsheet number; read as 9876543210",
    });
  });
});

describe("checkExtraValue (kept unknown keys)", () => {
  it("keeps trimmed text, finite numbers and booleans", () => {
    expect(checkExtraValue("note", " hi ")).toMatchObject({ ok: true, value: "hi" });
    expect(checkExtraValue("score", 7)).toMatchObject({ ok: true, value: 7 });
    expect(checkExtraValue("vip", false)).toMatchObject({ ok: true, value: false });
  });

  it("rejects nested values, NUL bytes and huge text", () => {
    expect(checkExtraValue("meta", { a: 1 })).toMatchObject({ ok: false, message: "Field 'meta' must be text, a number or true/false" });
    expect(checkExtraValue("tags", ["a"])).toMatchObject({ ok: false, message: "Field 'tags' must be text, a number or true/false" });
    expect(checkExtraValue("note", "a\u0000")).toMatchObject({ ok: false, message: "Field 'note' must not contain NUL characters" });
    expect(checkExtraValue("note", "x".repeat(MAX_TEXT_LENGTH + 1))).toMatchObject({
      ok: false,
      message: `Field 'note' must be at most ${MAX_TEXT_LENGTH} characters`,
    });
  });
});
