import { expect, test } from "@playwright/test";
import writeXlsxFile from "write-excel-file/node";
import {
  acceptHeaderAndColumns,
  createCampaign,
  csv,
  customersOf,
  DEBT_HEADER,
  debtRow,
  deleteCampaign,
  drop,
  figure,
  openWizard,
  query,
  signIn,
  submitJustAdd,
  uploadJobsOf,
  type TestCampaign,
} from "./upload-helpers";

// The upload wizard reading the files operators really have: a clean CSV, a workbook with
// several sheets, a Windows-1252 export with accents, and a ;-delimited European export.
// Each journey checks the screen and then what landed in Postgres.

test.describe("upload wizard: reading files", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  test("a clean CSV goes in whole and is recorded as a spreadsheet upload job", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await signIn(page);
    await openWizard(page, campaign);
    await expect(page.getByText("CSV, TSV, TXT or Excel (.xlsx) · up to 50 MB · up to 1,00,000 rows")).toBeVisible();

    await drop(
      page,
      "clean.csv",
      csv(
        DEBT_HEADER,
        debtRow("C-1"),
        debtRow("C-2", { first: "Ravi", phone: "+91 98765 43211" }),
        debtRow("C-3", { phone: "098765-43212" }),
      ),
    );
    await expect(page.getByRole("heading", { name: "Check how the file was read" })).toBeVisible();
    await expect(page.getByLabel("Delimiter")).toHaveValue(",");
    await acceptHeaderAndColumns(page);
    await expect(figure(page, "Ready to add")).toHaveText("3");
    await expect(figure(page, "Invalid")).toHaveText("0");
    await expect(page.getByText("Checked against the campaign: none of these contacts is there yet.")).toBeVisible();

    await submitJustAdd(page, 3);
    await expect(page.getByRole("heading", { name: "Upload finished" })).toBeVisible();
    await expect(page.getByText(`3 of 3 rows from clean.csv were added to ${campaign.name}.`)).toBeVisible();
    await expect(page.getByText("3 received = 3 added + 0 duplicates + 0 invalid + 0 failed")).toBeVisible();

    const customers = await customersOf(campaign.id);
    expect(customers.map((c) => [c.identifier, c.phoneE164, c.firstName])).toEqual([
      ["C-1", "+919876543210", "Asha"],
      ["C-2", "+919876543211", "Ravi"],
      ["C-3", "+919876543212", "Asha"],
    ]);
    const [job] = await uploadJobsOf(campaign.id);
    expect(job).toMatchObject({ source: "ui", status: "completed", fileName: "clean.csv", total: 3, successful: 3, failed: 0 });
    expect(customers.every((c) => c.uploadJobId === job.id)).toBe(true);
    await expect(page.getByRole("link", { name: "View the upload job" })).toHaveAttribute("href", `/uploads/${job.id}`);
    await expect(page.getByRole("link", { name: "Go to the campaign dashboard" })).toHaveAttribute("href", `/campaigns/${campaign.id}`);
  });

  test("a workbook with several sheets: the operator picks the sheet by its row count", async ({ page, request }) => {
    campaign = await createCampaign(request, "lead");
    const book = await writeXlsxFile([
      { sheet: "Notes", data: [[{ value: "March leads from the Pune branch", type: String }]] },
      {
        sheet: "Leads",
        data: [
          ["First Name", "Last Name", "Mobile", "Lead Date", "Language"].map((value) => ({ value, type: String })),
          // The phone as Excel stores a typed number, and as text with its leading zero.
          [
            { value: "Asha", type: String },
            { value: "Verma", type: String },
            { value: 919876543210, type: Number },
            { value: new Date(Date.UTC(2025, 0, 5)), type: Date, format: "dd/mm/yyyy" },
            { value: "Hindi", type: String },
          ],
          [
            { value: "Ravi", type: String },
            { value: "Kumar", type: String },
            { value: "09876543211", type: String },
            { value: new Date(Date.UTC(2025, 1, 28)), type: Date, format: "dd/mm/yyyy" },
            { value: "english", type: String },
          ],
          [
            { value: "Meena", type: String },
            { value: "Iyer", type: String },
            { value: 9876543212, type: Number },
            { value: new Date(Date.UTC(2024, 1, 29)), type: Date, format: "dd/mm/yyyy" },
            null,
          ],
        ],
      },
      {
        sheet: "Summary",
        data: [
          [
            { value: "Total", type: String },
            { value: 3, type: Number },
          ],
        ],
      },
    ]).toBuffer();

    await signIn(page);
    await openWizard(page, campaign);
    await drop(page, "leads.xlsx", book, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    await expect(page.getByRole("heading", { name: "Which sheet holds the contacts?" })).toBeVisible();
    const sheets = page.getByRole("group", { name: "Sheets" });
    await expect(sheets.locator("label").filter({ hasText: "Notes" })).toContainText("1 row");
    await expect(sheets.locator("label").filter({ hasText: "Leads" })).toContainText("4 rows");
    await expect(sheets.getByRole("radio", { name: /Leads/ })).toBeChecked();
    await page.getByRole("button", { name: "Use this sheet" }).click();
    await expect(page.getByRole("table", { name: "File preview" })).toContainText("919876543210");
    await acceptHeaderAndColumns(page);
    await expect(figure(page, "Ready to add")).toHaveText("3");

    await submitJustAdd(page, 3);
    await expect(page.getByText("3 of 3 rows from leads.xlsx were added")).toBeVisible();
    const customers = await customersOf(campaign.id);
    const byPhone = Object.fromEntries(customers.map((c) => [c.phoneE164, c]));
    expect(Object.keys(byPhone).sort()).toEqual(["+919876543210", "+919876543211", "+919876543212"]);
    expect(byPhone["+919876543211"].phoneRaw).toBe("09876543211");
    expect(byPhone["+919876543210"].data).toMatchObject({ lead_date: "2025-01-05" });
    expect(byPhone["+919876543212"].data).toMatchObject({ lead_date: "2024-02-29" });
    // No lead_id in the file: the server generated one per contact.
    expect(customers.every((c) => /^[0-9a-f-]{36}$/.test(c.identifier))).toBe(true);
  });

  test("a Windows-1252 export keeps its accents", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    const text = csv(
      DEBT_HEADER,
      debtRow("W-1", { first: "José", last: "Müller" }),
      debtRow("W-2", { first: "Zoë", last: "Søren", phone: "9876543211" }),
    );
    await signIn(page);
    await openWizard(page, campaign);
    await drop(page, "accents.csv", latin1(text));
    await expect(page.getByLabel("Encoding")).toHaveValue("windows-1252");
    await expect(page.getByLabel("Encoding").locator("option:checked")).toHaveText("Windows-1252 (Western, Excel on Windows) — detected");
    await expect(page.getByRole("table", { name: "File preview" })).toContainText("José");

    // Reading it as UTF-8 shows what a naive importer would store; back to the detected encoding.
    await page.getByLabel("Encoding").selectOption("utf-8");
    await expect(page.getByRole("table", { name: "File preview" })).toContainText("Jos\uFFFD");
    await page.getByLabel("Encoding").selectOption("windows-1252");
    await expect(page.getByRole("table", { name: "File preview" })).toContainText("Müller");

    await acceptHeaderAndColumns(page);
    await submitJustAdd(page, 2);
    await expect(page.getByText("2 of 2 rows from accents.csv were added")).toBeVisible();
    expect((await customersOf(campaign.id)).map((c) => [c.firstName, c.lastName])).toEqual([
      ["José", "Müller"],
      ["Zoë", "Søren"],
    ]);
  });

  test("a ;-delimited export with a title row, and a column choice remembered for the next file", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    const file = (prefix: string) =>
      csv(
        "Loan book export — March;;;;;;;;;",
        "Loan No;First;Surname;Handy;Principal;EMI;Tenure;EMI number;Due date;Status",
        `${prefix}-1;Asha;Verma;9876543210;250000;12500;24;3;2025-01-05;pending`,
        `${prefix}-2;Ravi;Kumar;9876543211;180000;9000;24;4;2025-01-06;partial`,
      );
    await signIn(page);
    await openWizard(page, campaign);
    await drop(page, "march.csv", file("S"));
    await expect(page.getByLabel("Delimiter")).toHaveValue(";");
    await expect(page.getByLabel("Delimiter").locator("option:checked")).toHaveText("Semicolon ; — detected");
    await expect(page.getByRole("radio", { name: "Row 2 is the header" })).toBeChecked();
    await page.getByRole("button", { name: "Continue to columns" }).click();

    await expect(page.locator(".alert-error")).toHaveText(/^Required field not matched to any column: phone_number\./);
    await expect(page.getByRole("button", { name: "Check 2 rows" })).toBeDisabled();
    await expect(page.getByLabel("Field for column Due date")).toHaveValue("emi_due_date");
    await page.getByLabel("Field for column Handy").selectOption("phone_number");
    await expect(page.getByText("Every required field has a column.")).toBeVisible();
    await page.getByRole("button", { name: "Check 2 rows" }).click();
    await expect(figure(page, "Ready to add")).toHaveText("2");
    await submitJustAdd(page, 2);
    await expect(page.getByText("2 of 2 rows from march.csv were added")).toBeVisible();
    expect((await customersOf(campaign.id)).map((c) => [c.identifier, c.phoneE164, c.data.payment_status])).toEqual([
      ["S-1", "+919876543210", "pending"],
      ["S-2", "+919876543211", "partial"],
    ]);
    const [stored] = await query<{ savedMapping: { columns: Record<string, string | null> } }>(
      `SELECT "savedMapping" FROM campaigns WHERE id = $1`,
      [campaign.id],
    );
    expect(stored.savedMapping.columns).toMatchObject({ handy: "phone_number", loanno: "loan_id" });

    // The next file from the same source maps itself.
    await page.getByRole("button", { name: "Upload another file" }).click();
    await drop(page, "april.csv", file("T"));
    await page.getByRole("button", { name: "Continue to columns" }).click();
    await expect(page.getByLabel("Field for column Handy")).toHaveValue("phone_number");
    await expect(page.getByRole("row", { name: /^Handy saved choice/ })).toBeVisible();
    await expect(page.getByText("Every required field has a column.")).toBeVisible();
  });
});

/** Latin-1 text, which is what Windows-1252 encodes these accents as. */
function latin1(text: string): Buffer {
  return Buffer.from(text, "latin1");
}
