import { expect, test } from "@playwright/test";
import { acceptHeaderAndColumns, cell, createCampaign, csv, customersOf, deleteCampaign, drop, figure, openWizard, query, signIn, submitJustAdd, type TestCampaign } from "./upload-helpers";

// The same person is not added twice: a phone written two ways in one file, and a re-upload of
// leads (whose ids are generated, so only the phone can tell), are flagged in the review before
// submit and never reach the table. The campaign's "duplicates by" setting decides.

const LEAD_HEADER = "first_name,last_name,phone_number,lead_date,language";
const LEADS = csv(LEAD_HEADER, "Asha,Verma,9644242175,2025-01-05,hindi", "Ravi,Kumar,+91 96442 42175,2025-01-06,english", "Meena,Iyer,9876543212,2025-01-07,hindi");

test.describe("upload wizard: duplicates on the person", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  test("a reformatted phone and a lead re-upload are flagged before submit and not added", async ({ page, request }) => {
    campaign = await createCampaign(request, "lead");
    await signIn(page);
    await openWizard(page, campaign);
    await drop(page, "leads.csv", LEADS);
    await acceptHeaderAndColumns(page);
    await expect(figure(page, "Ready to add")).toHaveText("2");
    await expect(figure(page, "Duplicates in file")).toHaveText("1");
    await expect(cell(page, "Same phone_number as row 2 (+919644242175): the same person would be added twice")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/duplicates-review-1280.png", fullPage: true });
    await submitJustAdd(page, 2);
    await expect(page.getByText("2 of 3 rows from leads.csv were added")).toBeVisible();
    expect((await customersOf(campaign.id)).map((c) => c.phoneE164).sort()).toEqual(["+919644242175", "+919876543212"]);

    // The same leads again: new generated ids, the same people.
    await openWizard(page, campaign);
    await drop(page, "leads.csv", LEADS);
    await acceptHeaderAndColumns(page);
    await expect(figure(page, "Already in campaign")).toHaveText("2");
    await expect(figure(page, "Duplicates in file")).toHaveText("1");
    await expect(figure(page, "Ready to add")).toHaveText("0");
    await expect(cell(page, "A customer with phone_number '+919644242175' already exists in this campaign")).toBeVisible();
    await expect(cell(page, "A customer with phone_number '+919876543212' already exists in this campaign")).toBeVisible();
    await expect(page.getByRole("button", { name: "Continue to submit" })).toBeDisabled();
    expect(await customersOf(campaign.id)).toHaveLength(2);
  });

  test("the campaign's setting: by identifier only lets customers share a phone", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await signIn(page);
    await page.goto(`/campaigns/${campaign.id}`);
    const setting = page.getByRole("combobox", { name: "Duplicates" });
    await expect(setting).toHaveValue("both");
    await page.screenshot({ path: "test-results/screens/campaign-duplicates-1280.png", fullPage: true });
    await setting.selectOption("identifier");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved: by identifier only." })).toBeVisible();
    expect(await query(`SELECT "duplicatesBy" FROM campaigns WHERE id = $1`, [campaign.id])).toEqual([{ duplicatesBy: "identifier" }]);
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Duplicates" })).toHaveValue("identifier");

    await openWizard(page, campaign);
    const header = "loan_id,first_name,last_name,phone_number,loan_amount,emi_amount,loan_period,current_emi,emi_due_date,payment_status,language";
    await drop(page, "shared.csv", csv(header, "S-1,Asha,Verma,9644242175,250000,12500,24,3,2025-01-05,pending,hindi", "S-2,Ravi,Verma,+91 96442 42175,250000,12500,24,3,2025-01-05,pending,hindi"));
    await acceptHeaderAndColumns(page);
    await expect(figure(page, "Ready to add")).toHaveText("2");
    await expect(figure(page, "Duplicates in file")).toHaveText("0");
    await submitJustAdd(page, 2);
    await expect(page.getByText("2 of 2 rows from shared.csv were added")).toBeVisible();
    expect((await customersOf(campaign.id)).map((c) => c.identifier)).toEqual(["S-1", "S-2"]);
  });
});
