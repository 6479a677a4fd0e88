import { describe, it, expect } from "vitest";
import Papa from "papaparse";
import { decodeText } from "./decode-text";
import { detectDelimiter } from "./detect-delimiter";
import { parseDelimited } from "./parse-delimited";

describe("detectDelimiter", () => {
  it("picks ; for European files where every column has decimal commas — papaparse picks ,", () => {
    const text = "loan_amount;emi_amount\n1000,50;200,25\n2500,00;310,75\n900,10;90,01\n";
    expect(Papa.parse(text).meta.delimiter).toBe(","); // the documented failure
    expect(detectDelimiter(text)).toBe(";");
  });

  it("picks ; with mixed text and decimal commas, and a title row", () => {
    const text = "Loan book export, March 2024\n\nloan_id;first_name;loan_amount\nL1;José;1000,50\nL2;Zoë;20,5\n";
    expect(detectDelimiter(text)).toBe(";");
  });

  it("picks tab and pipe", () => {
    expect(detectDelimiter("name\tcity\nRavi, K\tPune, MH\nAsha\tMumbai\n")).toBe("\t");
    expect(detectDelimiter("name|amount\nRavi|1,5\nAsha|2,5\n")).toBe("|");
  });

  it("is not fooled by delimiters inside quotes", () => {
    const text = 'name,notes,phone\n"Sharma; Ravi","call after 5; not Sunday",9876543210\n"Iyer; K","a;b;c",9876500000\n';
    expect(detectDelimiter(text)).toBe(",");
  });

  it("defaults to , for a single-column file", () => {
    expect(detectDelimiter("phone\n9876543210\n9876500000\n")).toBe(",");
  });
});

describe("parseDelimited", () => {
  it("parses ; with decimal commas, keeping every cell as typed text", () => {
    const result = parseDelimited("loan_id;phone;amount\n007;09876543210;1000,50\nL2;9.19877E+11;20,5\n");
    expect(result.delimiter).toBe(";");
    expect(result.rows).toEqual([
      ["loan_id", "phone", "amount"],
      ["007", "09876543210", "1000,50"],
      ["L2", "9.19877E+11", "20,5"],
    ]);
    expect(result.rowCount).toBe(3);
    expect(result.problems).toEqual([]);
  });

  it("handles quoted commas, doubled quotes, embedded newlines and CRLF", () => {
    const text = 'name,address,phone\r\n"Sharma, Ravi","Flat 2\r\nMG Road, Pune",919876543210\r\n"Asha ""A"" Verma",Mumbai,9876543210\r\n';
    const result = parseDelimited(text);
    expect(result.delimiter).toBe(",");
    expect(result.rows).toEqual([
      ["name", "address", "phone"],
      ["Sharma, Ravi", "Flat 2\r\nMG Road, Pune", "919876543210"],
      ['Asha "A" Verma', "Mumbai", "9876543210"],
    ]);
  });

  it("parses tab- and pipe-delimited text", () => {
    expect(parseDelimited("a\tb\n1\t2\n").rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseDelimited("a|b\n1|2\n").rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("skips blank lines but keeps each row's number in the file", () => {
    const result = parseDelimited("Loan book export\n\nname,phone\nRavi,1\n,\n\nAsha,2\n");
    expect(result.rows).toEqual([["Loan book export"], ["name", "phone"], ["Ravi", "1"], ["Asha", "2"]]);
    expect(result.rowNumbers).toEqual([1, 3, 4, 7]);
    expect(result.rowCount).toBe(4);
  });

  it("honours a delimiter override", () => {
    const result = parseDelimited("a;b\n1,5;2,5\n", { delimiter: "," });
    expect(result.delimiter).toBe(",");
    expect(result.rows).toEqual([["a;b"], ["1", "5;2", "5"]]);
  });

  it("strips a BOM left in the text", () => {
    expect(parseDelimited("\uFEFFphone\n1\n").rows[0]).toEqual(["phone"]);
  });

  it("reports an unclosed quote instead of silently swallowing rows", () => {
    const result = parseDelimited('name,phone\n"Ravi,1\nAsha,2\n');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: "MissingQuotes", rowNumber: 2 });
  });

  it("decodes and parses 100,000 rows x 8 columns quickly", () => {
    const header = "loan_id,first_name,last_name,phone_number,loan_amount,emi_amount,emi_due_date,payment_status\n";
    const lines = [header];
    for (let i = 0; i < 100_000; i++) {
      const name = i % 10 === 0 ? `"Sharma, Ravi Shankar ${i}"` : `Ravi Shankar Prasad ${i}`;
      const last = `Kumar-Venkataraman-Subramanian-Iyer-${i}`;
      const phone = `+9198765${String(i).padStart(5, "0")}`;
      const due = `2025-03-${String((i % 28) + 1).padStart(2, "0")}`;
      lines.push(
        `LN-HDFC-MUM-${String(i).padStart(8, "0")},${name},${last},${phone},${100000 + i}.50,${2500 + i}.25,${due},partially-paid-${i % 5}\n`,
      );
    }
    const bytes = new TextEncoder().encode(lines.join(""));

    const started = performance.now();
    const { text } = decodeText(bytes);
    const result = parseDelimited(text);
    const elapsed = performance.now() - started;

    console.info(`[perf] decode+parse 100,000 rows x 8 cols (${(bytes.length / 1e6).toFixed(1)} MB): ${elapsed.toFixed(0)} ms`);
    expect(result.rowCount).toBe(100_001);
    expect(result.rows[1]).toEqual([
      "LN-HDFC-MUM-00000000",
      "Sharma, Ravi Shankar 0",
      "Kumar-Venkataraman-Subramanian-Iyer-0",
      "+919876500000",
      "100000.50",
      "2500.25",
      "2025-03-01",
      "partially-paid-0",
    ]);
    expect(result.rows[100_000][0]).toBe("LN-HDFC-MUM-00099999");
    expect(result.rowNumbers[100_000]).toBe(100_001);
  });
});
