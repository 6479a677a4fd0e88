import { expect, test } from "@playwright/test";
import {
  acceptHeaderAndColumns,
  cell,
  createCampaign,
  csv,
  customersOf,
  deleteCampaign,
  drop,
  figure,
  openWizard,
  query,
  signIn,
  submitJustAdd,
  type TestCampaign,
} from "./upload-helpers";

// The same person is not added twice: a phone written two ways in one file, and a re-upload of
// leads (whose ids are generated, so only the phone can tell), are flagged in the review before
// submit and never reach the table. The campaign's "duplicates by" setting decides.

const LEAD_HEADER = "first_name,last_name,phone_number,lead_date,language";
const LEADS = csv(
  LEAD_HEADER,
  "Asha,Verma,9644242175,2025-01-05,hindi",
  "Ravi,Kumar,+91 96442 42175,2025-01-06,english",
  "Meena,Iyer,9876543212,2025-01-07,hindi",
);

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
    await expect(cell(page, "Same phone_number as row 2 (+919644242175)")).toBeVisible();
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
    const header =
      "loan_id,first_name,last_name,phone_number,loan_amount,emi_amount,loan_period,current_emi,emi_due_date,payment_status,language";
    await drop(
      page,
      "shared.csv",
      csv(
        header,
        "S-1,Asha,Verma,9644242175,250000,12500,24,3,2025-01-05,pending,hindi",
        "S-2,Ravi,Verma,+91 96442 42175,250000,12500,24,3,2025-01-05,pending,hindi",
      ),
    );
    await acceptHeaderAndColumns(page);
    await expect(figure(page, "Ready to add")).toHaveText("2");
    await expect(figure(page, "Duplicates in file")).toHaveText("0");
    await submitJustAdd(page, 2);
    await expect(page.getByText("2 of 2 rows from shared.csv were added")).toBeVisible();
    expect((await customersOf(campaign.id)).map((c) => c.identifier)).toEqual(["S-1", "S-2"]);
  });
});

test.describe("upload wizard: dates as people write them", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  const header =
    "loan_id,first_name,last_name,phone_number,loan_amount,emi_amount,loan_period,current_emi,emi_due_date,payment_status,language";
  const loanRow = (id: string, phone: string, due: string) => `${id},Asha,Verma,${phone},250000,12500,24,3,${due},pending,hindi`;

  test("a day-first column is detected with samples; an ambiguous one asks, and after one choice has no date errors", async ({
    page,
    request,
  }) => {
    campaign = await createCampaign(request, "emi");
    await signIn(page);
    await openWizard(page, campaign);
    await drop(page, "dues.csv", csv(header, loanRow("D-1", "9876500001", "15/01/2027"), loanRow("D-2", "9876500002", "03.02.2027")));
    await page.getByRole("button", { name: "Continue to columns" }).click();
    const format = page.getByRole("combobox", { name: "Date format of emi_due_date" });
    await expect(format).toHaveValue("dmy");
    await expect(page.getByRole("list", { name: "Sample dates of emi_due_date" })).toContainText("15/01/2027 → 2027-01-15");
    await page.screenshot({ path: "test-results/screens/dates-map-1280.png", fullPage: true });
    await page.getByRole("button", { name: "Check 2 rows" }).click();
    await expect(page.getByRole("grid", { name: "Rows to review" })).toBeVisible();
    await expect(figure(page, "Ready to add")).toHaveText("2");
    await expect(figure(page, "Invalid")).toHaveText("0");
    await submitJustAdd(page, 2);
    await expect(page.getByText("2 of 2 rows from dues.csv were added")).toBeVisible();
    expect((await customersOf(campaign.id)).map((c) => [c.identifier, c.data.emi_due_date])).toEqual([
      ["D-1", "2027-01-15"],
      ["D-2", "2027-02-03"],
    ]);

    await openWizard(page, campaign);
    await drop(
      page,
      "ambiguous.csv",
      csv(
        header,
        loanRow("A-1", "9876500011", "03/02/2027"),
        loanRow("A-2", "9876500012", "04/05/2027"),
        loanRow("A-3", "9876500013", "31/02/2027"),
      ),
    );
    await page.getByRole("button", { name: "Continue to columns" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Every day in emi_due_date is 12 or less" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Check 3 rows" })).toBeDisabled();
    await page.getByRole("combobox", { name: "Date format of emi_due_date" }).selectOption("dmy");
    await expect(page.getByRole("list", { name: "Sample dates of emi_due_date" })).toContainText("03/02/2027 → 2027-02-03");
    await page.getByRole("button", { name: "Check 3 rows" }).click();
    await expect(figure(page, "Ready to add")).toHaveText("2");
    // An impossible date stays an error.
    await expect(figure(page, "Invalid")).toHaveText("1");
    await expect(cell(page, "Field 'emi_due_date' must be a real date in YYYY-MM-DD format")).toBeVisible();
    await submitJustAdd(page, 2);
    await expect(page.getByText("2 of 3 rows from ambiguous.csv were added")).toBeVisible();
    const stored = Object.fromEntries((await customersOf(campaign.id)).map((c) => [c.identifier, c.data.emi_due_date]));
    expect(stored).toMatchObject({ "A-1": "2027-02-03", "A-2": "2027-05-04" });
    expect(stored["A-3"]).toBeUndefined();
  });
});

test.describe("upload wizard: one rule for the assignee", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  test("an unknown assignee is flagged in the review with the Flexydial wording and not added", async ({ page, request }) => {
    campaign = await createCampaign(request, "custom", {
      crmFields: [{ key: "customer_info:customer_id", required: true }, { key: "customer_info:customer_name" }],
      identifierField: "customer_info:customer_id",
    });
    await signIn(page);
    await openWizard(page, campaign);
    await drop(
      page,
      "agents.csv",
      csv("numeric,user,customer_info:customer_id,customer_info:customer_name", "9876500101,nobody,C-1,Asha", "9876500102,priya,C-2,Ravi"),
    );
    await acceptHeaderAndColumns(page);
    await expect(cell(page, "This user is not present in our database")).toBeVisible();
    await expect(figure(page, "Ready to add")).toHaveText("1");
    await submitJustAdd(page, 1);
    await expect(page.getByText("1 of 2 rows from agents.csv were added")).toBeVisible();
    expect((await customersOf(campaign.id)).map((c) => c.identifier)).toEqual(["C-2"]);
  });
});
