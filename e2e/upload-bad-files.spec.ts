import { expect, test } from "@playwright/test";
import { createCampaign, DEBT_HEADER, deleteCampaign, drop, openWizard, signIn, type TestCampaign } from "./upload-helpers";

// Bad files said plainly, the moment they are read: a PDF renamed .csv, an old .xls, a file with
// a header and no rows. Nothing is offered as a header row, and nothing is written.

test.describe("upload wizard: bad files said plainly", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  test("a renamed PDF, an old .xls and a header-only file each get their message", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await signIn(page);
    await openWizard(page, campaign);
    const alert = page.locator(".wizard-alert");

    await drop(page, "leads.csv", Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1"));
    await expect(alert).toContainText(
      "This file is a PDF document, not a spreadsheet. Export the contacts as .xlsx or .csv and upload that file.",
    );
    await expect(page.getByText("%PDF-1.4")).toHaveCount(0);
    await page.getByRole("button", { name: "Dismiss" }).click();

    await drop(page, "book.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), "application/vnd.ms-excel");
    await expect(alert).toContainText("This is an old .xls workbook. Save it as .xlsx (or CSV UTF-8) and upload again.");
    await page.getByRole("button", { name: "Dismiss" }).click();

    await drop(page, "header-only.csv", `${DEBT_HEADER}\r\n`);
    await expect(alert).toContainText('There are no contacts in "header-only.csv": it holds only a header row.');
    await expect(page.getByRole("button", { name: "Continue to columns" })).toHaveCount(0);
  });
});
