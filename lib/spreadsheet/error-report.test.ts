import { describe, it, expect } from "vitest";
import { buildErrorReport } from "./error-report";
import { escapeFormula, stripFormulaEscape } from "./formula-escape";
import { parseDelimited } from "./parse-delimited";
import { applyMapping } from "./map-columns";

describe("escapeFormula", () => {
  it("prefixes a quote to every formula trigger character (OWASP, ASVS 1.2.10)", () => {
    for (const trigger of ["=", "+", "-", "@", "\t", "\r", "\n", "\0"]) {
      expect(escapeFormula(`${trigger}cmd|' /C calc'!A0`)).toBe(`'${trigger}cmd|' /C calc'!A0`);
    }
    expect(escapeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(escapeFormula("+91 98765 43210")).toBe("'+91 98765 43210");
    expect(escapeFormula("-2+3")).toBe("'-2+3");
  });

  it("leaves plain signed numbers readable: E.164 phones and negative amounts", () => {
    expect(escapeFormula("+919876543210")).toBe("+919876543210");
    expect(escapeFormula("-1500.50")).toBe("-1500.50");
    expect(escapeFormula("José")).toBe("José");
    expect(escapeFormula("")).toBe("");
  });

  it("is undone on import, for our escape and for a quote before a plain number", () => {
    expect(stripFormulaEscape("'=1+2")).toBe("=1+2");
    expect(stripFormulaEscape("'+919876543210")).toBe("+919876543210");
    expect(stripFormulaEscape("O'Brien")).toBe("O'Brien");
    expect(stripFormulaEscape("'quoted'")).toBe("'quoted'");
  });
});

describe("buildErrorReport", () => {
  it("matches the OWASP examples exactly: quote-prefixed, RFC 4180 quoted, quotes doubled", () => {
    const csv = buildErrorReport(
      ["notes"],
      [
        { rowNumber: 2, cells: ['=1+2";=1+2'], errors: [] },
        { rowNumber: 3, cells: ["=1+2'\" ;,=1+2"], errors: [] },
      ],
    );
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toBe('"\'=1+2"";=1+2","2",""');
    expect(lines[2]).toBe('"\'=1+2\'"" ;,=1+2","3",""');
  });

  it("writes a UTF-8 BOM, the original columns, row and errors", () => {
    const csv = buildErrorReport(
      ["Loan ID", "Name", "Phone"],
      [
        {
          rowNumber: 4,
          cells: ["L1", "José Müller", "9.19877E+11"],
          errors: ["phone: the number is in scientific notation", "loan_amount: required"],
        },
        { rowNumber: 9, cells: ["@SUM(A1)", "Zoë", "+919876543210"], errors: ["loan_id: invalid"] },
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toBe(
      "\uFEFF" +
        '"Loan ID","Name","Phone","row","errors"\r\n' +
        '"L1","José Müller","9.19877E+11","4","phone: the number is in scientific notation; loan_amount: required"\r\n' +
        '"\'@SUM(A1)","Zoë","+919876543210","9","loan_id: invalid"\r\n',
    );
  });

  it("keeps cells beyond the header so nothing is dropped", () => {
    const csv = buildErrorReport(["a"], [{ rowNumber: 2, cells: ["1", "extra"], errors: ["x"] }]);
    expect(csv).toBe('\uFEFF"a","","row","errors"\r\n"1","extra","2","x"\r\n');
  });

  it("round-trips: the report re-uploads to the original values", () => {
    const original = ['=HYPERLINK("http://x")', "+919876543210", "-5"];
    const csv = buildErrorReport(["name", "phone", "amount"], [{ rowNumber: 2, cells: original, errors: ["bad"] }]);
    const grid = parseDelimited(csv);
    expect(grid.rows[0]).toEqual(["name", "phone", "amount", "row", "errors"]);
    const [record] = applyMapping(grid.rows, 0, { 0: "name", 1: "phone", 2: "amount", 3: null, 4: null });
    expect(record.values).toEqual({ name: original[0], phone: original[1], amount: original[2] });
  });
});
