import { describe, expect, it } from "vitest";
import { asciiDigits, detectNumberFormat, readNumber } from "./number-text";
import { validateRecords } from "./validate-records";
import { DEBT_COLLECTION_SCHEMA } from "@/lib/campaigns/field-schema";

const POINT = { decimal: "." } as const;
const COMMA = { decimal: "," } as const;

describe("asciiDigits", () => {
  it("turns every Unicode decimal digit system into ASCII digits", () => {
    expect(asciiDigits("१२,५००")).toBe("12,500"); // Devanagari
    expect(asciiDigits("৩৪৫")).toBe("345"); // Bengali
    expect(asciiDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789"); // Arabic-Indic
    expect(asciiDigits("１２３")).toBe("123"); // fullwidth
    expect(asciiDigits("௧௦")).toBe("10"); // Tamil
    expect(asciiDigits("𝟗𝟖")).toBe("98"); // mathematical bold, outside the BMP
  });

  it("leaves everything else alone", () => {
    expect(asciiDigits("Rs. 1,234.50")).toBe("Rs. 1,234.50");
    expect(asciiDigits("राहुल ½ ²")).toBe("राहुल ½ ²");
  });
});

describe("readNumber", () => {
  it.each([
    ["1,234.56", POINT, 1234.56, "1234.56"],
    ["1.234,56", COMMA, 1234.56, "1234.56"],
    ["12,50,000", POINT, 1250000, "1250000"],
    ["12.50.000", COMMA, 1250000, "1250000"],
    ["1 234,5", COMMA, 1234.5, "1234.5"],
    ["1\u00a0234\u00a0567", POINT, 1234567, "1234567"],
    ["1'234.50", POINT, 1234.5, "1234.50"],
    ["₹1,234.50", POINT, 1234.5, "1234.50"],
    ["₹ 500", POINT, 500, "500"],
    ["Rs. 500/-", POINT, 500, "500"],
    ["rs 750", POINT, 750, "750"],
    ["INR 2,000", POINT, 2000, "2000"],
    ["2.000 INR", COMMA, 2000, "2000"],
    ["€ 12,5", COMMA, 12.5, "12.5"],
    ["$99.99", POINT, 99.99, "99.99"],
    ["-₹500", POINT, -500, "-500"],
    ["₹-500", POINT, -500, "-500"],
    ["१२,५००.५०", POINT, 12500.5, "12500.50"],
    ["١٢٣٤", COMMA, 1234, "1234"],
    [".5", POINT, 0.5, "0.5"],
    ["1.234", POINT, 1.234, "1.234"],
    ["1.234", COMMA, 1234, "1234"],
  ] as const)("%s with %o is %d", (text, format, number, canonical) => {
    expect(readNumber(text, format)).toEqual({ number, text: canonical });
  });

  it.each([
    ["1,234.56", COMMA],
    ["12,5", POINT],
    ["1,23,4", POINT],
    ["1.2.3", COMMA],
    ["12a", POINT],
    ["", POINT],
    ["-", POINT],
    ["₹", POINT],
    ["5.", POINT],
    ["1e5", POINT],
    ["Rs.", POINT],
    ["1".repeat(61), POINT],
  ] as const)("%s with %o is no number", (text, format) => {
    expect(readNumber(text, format)).toBeNull();
  });
});

describe("detectNumberFormat", () => {
  it("a decimal comma is detected from values only it reads", () => {
    const guess = detectNumberFormat(["1.234,56", "250000", "12,5", "3.000"]);
    expect(guess.format).toEqual(COMMA);
    expect(guess.evidence).toEqual({ ".": 0, ",": 2 });
    expect(guess.undecided).toBe(1);
    expect(guess.mixed).toBe(false);
    expect(guess.samples).toEqual(["1.234,56", "12,5", "3.000"]);
  });

  it("a decimal point, with Indian grouping", () => {
    expect(detectNumberFormat(["12,50,000", "1,234.56", "99.5"]).format).toEqual(POINT);
  });

  it("nothing tells: the fallback, and the values that read both ways are counted", () => {
    const guess = detectNumberFormat(["1.234", "5,000", "250000", ""], COMMA);
    expect(guess.format).toEqual(COMMA);
    expect(guess.undecided).toBe(2);
    expect(detectNumberFormat(["100", "200"]).format).toEqual(POINT);
  });

  it("both separators in use as decimals: mixed, the majority wins", () => {
    const guess = detectNumberFormat(["1,5", "2,5", "3.25"]);
    expect(guess.format).toEqual(COMMA);
    expect(guess.mixed).toBe(true);
  });
});

describe("validateRecords with a number format", () => {
  const record = (over: Record<string, unknown> = {}) => ({
    loan_id: "L-1",
    first_name: "Asha",
    last_name: "Verma",
    phone_number: "9876543210",
    loan_amount: "1.234,56",
    emi_amount: "₹ 1.250",
    loan_period: "२४",
    current_emi: "3",
    emi_due_date: "2025-01-05",
    payment_status: "pending",
    ...over,
  });
  const policy = { defaultCountry: "IN", mobileOnly: true };

  it("reads the file's way of writing numbers, and warns where the value was changed", () => {
    const result = validateRecords([record()], DEBT_COLLECTION_SCHEMA, policy, { numberFormat: COMMA });
    expect(result.invalid).toEqual([]);
    expect(result.valid[0].values).toMatchObject({ loan_amount: 1234.56, emi_amount: 1250, loan_period: 24, current_emi: 3 });
    expect(result.warnings).toEqual([
      { index: 0, code: "number_normalised", field: "loan_amount", message: "loan_amount '1.234,56' read as 1234.56" },
      { index: 0, code: "number_normalised", field: "emi_amount", message: "emi_amount '₹ 1.250' read as 1250" },
      { index: 0, code: "number_normalised", field: "loan_period", message: "loan_period '२४' read as 24" },
    ]);
    expect(result.valid[0].fieldErrors.loan_amount).toEqual({
      level: "warning",
      code: "number_normalised",
      message: "loan_amount '1.234,56' read as 1234.56",
    });
  });

  it("no warning where the strict reading agrees; a decimal comma reads '5,000' as five", () => {
    const point = validateRecords(
      [record({ loan_amount: "5,000", emi_amount: "500", loan_period: "24" })],
      DEBT_COLLECTION_SCHEMA,
      policy,
      {
        numberFormat: POINT,
      },
    );
    expect(point.warnings).toEqual([]);
    const comma = validateRecords(
      [record({ loan_amount: "5,000", emi_amount: "500", loan_period: "24" })],
      DEBT_COLLECTION_SCHEMA,
      policy,
      {
        numberFormat: COMMA,
      },
    );
    expect(comma.valid[0].values.loan_amount).toBe(5);
    expect(comma.warnings.map((w) => w.message)).toEqual(["loan_amount '5,000' read as 5"]);
  });

  it("without a format (the APIs) the same values stay errors, as before", () => {
    const result = validateRecords([record()], DEBT_COLLECTION_SCHEMA, policy);
    expect(result.invalid[0].issues.map((i) => i.message)).toEqual([
      "Field 'loan_amount' must be a number",
      "Field 'emi_amount' must be a number",
      "Field 'loan_period' must be a whole number",
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("a value no reading accepts, or out of range once read, is still an error", () => {
    const result = validateRecords(
      [record({ loan_amount: "1,234.56", loan_period: "0", emi_amount: "12,5" })],
      DEBT_COLLECTION_SCHEMA,
      policy,
      {
        numberFormat: COMMA,
      },
    );
    expect(result.invalid[0].issues.map((i) => i.message)).toEqual([
      "Field 'loan_amount' must be a number",
      "Field 'loan_period' must be at least 1",
    ]);
  });
});
