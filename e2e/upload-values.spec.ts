import { expect, test, type Page } from "@playwright/test";
import {
  cell,
  createCampaign,
  deleteCampaign,
  drop,
  figure,
  openWizard,
  query,
  signIn,
  submitJustAdd,
  type TestCampaign,
} from "./upload-helpers";

// Values outside the enums (Overdue, Partially Paid, Español) mapped in their own step and
// remembered for the campaign's next file; amounts written "1.234,56", with a currency or in
// Devanagari digits, read the file's way and shown as warnings, stored as numbers.

const HEADER =
  "loan_id;first_name;last_name;phone_number;loan_amount;emi_amount;loan_period;current_emi;emi_due_date;payment_status;language";
const row = (id: string, phone: string, amount: string, emi: string, status: string, language: string) =>
  `${id};Asha;Verma;${phone};${amount};${emi};24;3;2025-01-05;${status};${language}`;
const FILE = [
  HEADER,
  row("VM-1", "9876543210", "1.234,56", "₹ 1.250,00", "Overdue", "Español"),
  row("VM-2", "9876543211", "2.500", "Rs. 500", "Partially Paid", "hindi"),
  row("VM-3", "9876543212", "१२.५००,५०", "750", "paid", "english"),
  row("VM-4", "9876543213", "10.000", "1.000", "overdue", "Español"),
].join("\r\n");

async function screens(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `test-results/screens/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screens/${name}-390.png`, fullPage: true });
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > 390.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(el.getBoundingClientRect().right)}`),
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: ${wide.join(", ")}`).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe("upload wizard: values and numbers as people write them", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  test("values mapped in their step and remembered, decimal-comma amounts converted with warnings", async ({ page, request }) => {
    // A long journey (two files, a submit) on a machine shared with other builds.
    test.setTimeout(240_000);
    campaign = await createCampaign(request, "emi");
    await signIn(page);
    await openWizard(page, campaign);
    await drop(page, "values.csv", FILE);
    await page.getByRole("button", { name: "Continue to columns" }).click();

    // The numbers panel: the decimal comma detected from "1.234,56", with what the values become.
    await expect(page.getByRole("combobox", { name: "Number format" })).toHaveValue(",");
    await expect(page.getByRole("list", { name: "Sample numbers" })).toContainText("1.234,56 → 1234.56");
    await page.getByRole("button", { name: "Continue to values" }).click();

    // The value step: each value outside the enum with its rows and a suggestion.
    await expect(page.getByRole("heading", { name: "Match the values your file uses" })).toBeVisible();
    const status = page.getByRole("region", { name: "Values of payment_status" });
    await expect(status).toContainText("Overdue");
    await expect(status).toContainText("2 rows");
    await expect(page.getByRole("combobox", { name: "payment_status value Overdue" })).toHaveValue("");
    await expect(page.getByRole("status").filter({ hasText: "left as" })).toHaveText("3 values left as they are (5 rows)");
    await screens(page, "upload-values");

    await page.getByRole("combobox", { name: "payment_status value Overdue" }).selectOption("pending");
    await page.getByRole("button", { name: "Use partial for Partially Paid" }).click();
    await expect(page.getByRole("combobox", { name: "payment_status value Partially Paid" })).toHaveValue("partial");
    await page.getByRole("combobox", { name: "language value Español" }).selectOption("english");
    await expect(page.getByText("Every value has a meaning.")).toBeVisible();
    await page.getByRole("button", { name: "Check 4 rows" }).click();

    // The review: every row ready, the converted numbers shown as warnings.
    await expect(page.getByRole("grid", { name: "Rows to review" })).toBeVisible();
    await expect(figure(page, "Ready to add")).toHaveText("4");
    await expect(figure(page, "Invalid")).toHaveText("0");
    await expect(figure(page, "Ready, with a warning")).toHaveText("4");
    await expect(cell(page, "loan_amount '1.234,56' read as 1234.56")).toBeVisible();
    await expect(cell(page, "loan_amount '१२.५००,५०' read as 12500.5")).toBeVisible();

    await submitJustAdd(page, 4);
    await expect(page.getByText("4 of 4 rows from values.csv were added")).toBeVisible();
    const customers = await query<{ identifier: string; language: string | null; data: Record<string, unknown> }>(
      `SELECT identifier, language, data FROM customers WHERE "campaignId" = $1 ORDER BY identifier`,
      [campaign.id],
    );
    expect(customers.map((c) => [c.identifier, c.data.loan_amount, c.data.emi_amount, c.data.payment_status, c.language])).toEqual([
      ["VM-1", 1234.56, 1250, "pending", "english"],
      ["VM-2", 2500, 500, "partial", "hindi"],
      ["VM-3", 12500.5, 750, "paid", "english"],
      ["VM-4", 10000, 1000, "pending", "english"],
    ]);
    const [stored] = await query<{ savedMapping: { values: Record<string, Record<string, string | null>> } }>(
      `SELECT "savedMapping" FROM campaigns WHERE id = $1`,
      [campaign.id],
    );
    expect(stored.savedMapping.values).toEqual({
      payment_status: { overdue: "pending", "partially paid": "partial" },
      language: { espanol: "english" },
    });

    // The next file of the campaign: the value step offers the remembered choices.
    await openWizard(page, campaign);
    await drop(page, "again.csv", [HEADER, row("VM-5", "9876543214", "99,5", "10", "OVERDUE", "Español")].join("\r\n"));
    await page.getByRole("button", { name: "Continue to columns" }).click();
    await page.getByRole("button", { name: "Continue to values" }).click();
    await expect(page.getByRole("combobox", { name: "payment_status value OVERDUE" })).toHaveValue("pending");
    await expect(page.getByRole("combobox", { name: "language value Español" })).toHaveValue("english");
    await expect(page.getByRole("region", { name: "Values of payment_status" }).getByText("saved choice")).toBeVisible();
    await page.getByRole("button", { name: "Check 1 row" }).click();
    await expect(figure(page, "Ready to add")).toHaveText("1");
  });
});
