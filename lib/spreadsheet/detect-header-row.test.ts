import { describe, it, expect } from "vitest";
import { detectHeaderRow } from "./detect-header-row";
import { parseDelimited } from "./parse-delimited";

const data = (n: number) =>
  Array.from({ length: n }, (_, i) => [`LN-${i}`, `Name ${i}`, `98765${String(i).padStart(5, "0")}`, `${1000 + i}.50`, "2025-01-05"]);

describe("detectHeaderRow", () => {
  it("is 0 when the file starts with its header", () => {
    expect(detectHeaderRow([["loan_id", "name", "phone", "amount", "due"], ...data(10)])).toBe(0);
  });

  it("skips a title row and a generated-on line above the header", () => {
    const rows = [
      ["Loan book export — March"],
      ["Generated on", "2025-03-01"],
      ["Loan ID", "Customer Name", "Mobile", "Amount", "Due date"],
      ...data(10),
    ];
    expect(detectHeaderRow(rows)).toBe(2);
  });

  it("works on a parsed CSV whose title is followed by a blank line", () => {
    const grid = parseDelimited(
      "Loan book export — March\n\nLoan ID,Name,Mobile,Amount,Due\nL1,Ravi,9876543210,1000,2025-01-05\nL2,Asha,9876500000,2000,2025-01-06\n",
    );
    const index = detectHeaderRow(grid.rows);
    expect(index).toBe(1);
    expect(grid.rowNumbers[index]).toBe(3);
  });

  it("accepts a header wider than sparse data below it", () => {
    const sparse = data(10).map((r) => [r[0], r[1], r[2], "", ""]);
    expect(detectHeaderRow([["Report"], ["loan_id", "name", "phone", "notes", "email"], ...sparse])).toBe(1);
  });

  it("does not take a numeric row for a header", () => {
    const rows = [["2024", "2025", "1", "2", "3"], ["loan_id", "name", "phone", "amount", "due"], ...data(10)];
    expect(detectHeaderRow(rows)).toBe(1);
  });

  it("falls back to 0 when nothing looks like a header, and copes with no rows", () => {
    expect(
      detectHeaderRow([
        ["1", "2"],
        ["3", "4"],
      ]),
    ).toBe(0);
    expect(detectHeaderRow([])).toBe(0);
  });
});
