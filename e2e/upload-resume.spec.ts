import { expect, test, type Page, type Route } from "@playwright/test";
import {
  acceptHeaderAndColumns,
  cell,
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
  type TestCampaign,
} from "./upload-helpers";

// Never lose work (issue 12 item 6): the wizard's work is kept in IndexedDB and offered back
// after a reload, a resumed upload lands exactly once, and leaving mid-submit cancels the job
// with exact counts. Plus Tab through the review grid's editable cells (item 9).

// 2,500-row files are read, checked and sent in three chunks: generous limits on a busy machine.
test.describe.configure({ timeout: 240_000 });
const slow = expect.configure({ timeout: 60_000 });

const LEAVE_SUBMIT = "Leave this upload? The upload is cancelled: rows not sent yet are not sent. The upload page offers to resume it.";

/** The draft the page keeps for a campaign, straight from IndexedDB (null when there is none). */
async function draftOf(page: Page, campaignId: string) {
  return page.evaluate(
    (key) =>
      new Promise<{ step: string; edits: number; submission: boolean } | null>((resolve, reject) => {
        const open = indexedDB.open("dialsheet-upload");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("drafts")) return resolve(null);
          const get = db.transaction("drafts").objectStore("drafts").get(key);
          get.onsuccess = () => {
            const d = get.result;
            resolve(d ? { step: d.step, edits: d.edits.length, submission: d.submission !== null } : null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    `draft:${campaignId}`,
  );
}

/** `rows` valid leads with distinct phones. */
function leads(prefix: string, rows: number): string {
  return csv(
    DEBT_HEADER,
    ...Array.from({ length: rows }, (_, i) => debtRow(`${prefix}-${i + 1}`, { phone: `98${String(i).padStart(8, "0")}` })),
  );
}

/** Holds the second chunk of every upload until released: the submission stays mid-way. */
async function holdSecondChunk(page: Page) {
  let chunks = 0;
  let held: Route | null = null;
  await page.context().route("**/api/uploads/*/chunks", async (route) => {
    chunks++;
    if (chunks === 2) held = route;
    else await route.continue();
  });
  return {
    /** The held chunk never reaches the server (the page that sent it is gone). */
    drop: async () => {
      await (held as Route | null)?.abort().catch(() => {});
      await page.context().unroute("**/api/uploads/*/chunks");
    },
  };
}

async function jobOf(campaignId: string) {
  const jobs = await query<{
    id: string;
    status: string;
    total: number;
    processed: number;
    successful: number;
    duplicates: number;
    invalid: number;
    failed: number;
  }>(
    `SELECT id, status, total, processed, successful, duplicates, invalid, failed FROM upload_jobs WHERE "campaignId" = $1 ORDER BY "createdAt"`,
    [campaignId],
  );
  return jobs;
}

test.describe("upload wizard: resume after a reload", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  test("a reload mid-review offers the upload back with its edits; resumed, it lands exactly once", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    const id = campaign.id;
    await signIn(page);
    await openWizard(page, campaign);
    await drop(
      page,
      "leads.csv",
      csv(DEBT_HEADER, debtRow("R-1"), debtRow("R-2", { phone: "12345" }), debtRow("R-3", { phone: "9876543212" })),
    );
    await acceptHeaderAndColumns(page);
    await expect(figure(page, "Invalid")).toHaveText("1");

    // Two edits: the bad phone fixed, a first name changed.
    await cell(page, "Invalid phone_number '12345': too short").dblclick();
    await page.getByRole("textbox", { name: "Edit phone_number, row 3" }).fill("9876543211");
    await page.keyboard.press("Enter");
    await expect(figure(page, "Invalid")).toHaveText("0");
    await cell(page, "Asha").first().dblclick();
    await page.getByRole("textbox", { name: "Edit first_name, row 2" }).fill("Ravi");
    await page.keyboard.press("Enter");
    await expect(cell(page, "Ravi")).toBeVisible();
    await expect.poll(() => draftOf(page, id)).toEqual({ step: "review", edits: 2, submission: false });

    page.on("dialog", (dialog) => void dialog.accept());
    await page.reload();
    const banner = page.getByRole("region", { name: "Unfinished upload" });
    await expect(banner.getByRole("heading")).toHaveText("Resume the upload of leads.csv: 3 rows, 2 edits");
    await page.screenshot({ path: "test-results/screens/resume-banner-1280.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/screens/resume-banner-390.png", fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 800 });

    await banner.getByRole("button", { name: "Resume" }).click();
    await expect(page.getByRole("grid", { name: "Rows to review" })).toBeVisible();
    await expect(figure(page, "Ready to add")).toHaveText("3");
    await expect(cell(page, "Ravi")).toBeVisible();
    await expect(cell(page, "9876543211")).toBeVisible();

    await submitJustAdd(page, 3);
    await expect(page.getByText("3 of 3 rows from leads.csv were added")).toBeVisible();
    const customers = await customersOf(id);
    expect(customers.map((c) => [c.identifier, c.firstName, c.phoneRaw])).toEqual([
      ["R-1", "Ravi", "9876543210"],
      ["R-2", "Asha", "9876543211"],
      ["R-3", "Asha", "9876543212"],
    ]);
    // A finished upload leaves nothing to resume.
    await expect.poll(() => draftOf(page, id)).toBeNull();
    await openWizard(page, campaign);
    await expect(page.getByRole("region", { name: "Unfinished upload" })).toHaveCount(0);
  });

  test("a reload mid-submit cancels the job, and the resumed upload sends the rest: every row exactly once", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    const id = campaign.id;
    await signIn(page);
    await openWizard(page, campaign);
    const hold = await holdSecondChunk(page);
    await drop(page, "big.csv", leads("B", 2500));
    await page.getByRole("button", { name: "Continue to columns" }).click({ timeout: 60_000 });
    await page.getByRole("button", { name: "Check 2,500 rows" }).click({ timeout: 60_000 });
    await slow(figure(page, "Ready to add")).toHaveText("2,500");
    await page.getByRole("button", { name: "Continue to submit" }).click();
    await page.getByRole("button", { name: "Add 2,500 contacts" }).click();
    await slow(page.getByRole("status").filter({ hasText: "Sent 1,000 of 2,500 rows" })).toBeVisible();
    await expect.poll(() => draftOf(page, id)).toEqual({ step: "submit", edits: 0, submission: true });

    page.on("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await hold.drop();
    // The page went away mid-submit: the job is closed with what was sent, the rest not sent.
    await expect
      .poll(async () => (await jobOf(id)).map((j) => [j.status, j.total, j.processed, j.successful]))
      .toEqual([["cancelled", 2500, 1000, 1000]]);

    const banner = page.getByRole("region", { name: "Unfinished upload" });
    await slow(banner.getByRole("heading")).toHaveText("Resume the upload of big.csv: 2,500 rows, 0 edits");
    await expect(banner).toContainText("Sending had started");
    await banner.getByRole("button", { name: "Resume" }).click();
    await slow(page.getByText("2,500 of 2,500 rows from big.csv were added")).toBeVisible({ timeout: 120_000 });

    const customers = await customersOf(id);
    expect(customers).toHaveLength(2500);
    expect(new Set(customers.map((c) => c.identifier)).size).toBe(2500);
    const jobs = await jobOf(id);
    expect(jobs.map((j) => [j.status, j.total, j.processed, j.successful, j.duplicates, j.invalid, j.failed])).toEqual([
      ["completed", 2500, 2500, 2500, 0, 0, 0],
    ]);
    expect(customers.every((c) => c.uploadJobId === jobs[0].id)).toBe(true);
    await expect.poll(() => draftOf(page, id)).toBeNull();
  });

  test("leaving mid-submit by a sidebar link asks, then cancels: the job says cancelled with counts that match the table", async ({
    page,
    request,
  }) => {
    campaign = await createCampaign(request, "emi");
    const id = campaign.id;
    await signIn(page);
    await openWizard(page, campaign);
    const hold = await holdSecondChunk(page);
    await drop(page, "leave.csv", leads("L", 2500));
    await page.getByRole("button", { name: "Continue to columns" }).click({ timeout: 60_000 });
    await page.getByRole("button", { name: "Check 2,500 rows" }).click({ timeout: 60_000 });
    await slow(figure(page, "Ready to add")).toHaveText("2,500");
    await page.getByRole("button", { name: "Continue to submit" }).click();
    await page.getByRole("button", { name: "Add 2,500 contacts" }).click();
    await slow(page.getByRole("status").filter({ hasText: "Sent 1,000 of 2,500 rows" })).toBeVisible();

    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("link", { name: "Uploads", exact: true }).click();
    await expect.poll(() => asked).toEqual([LEAVE_SUBMIT]);
    expect(new URL(page.url()).pathname).toBe(`/campaigns/${id}/upload`);

    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await page.getByRole("link", { name: "Uploads", exact: true }).click();
    await expect(page).toHaveURL(/\/uploads$/);
    await hold.drop();

    await slow.poll(async () => (await jobOf(id)).map((j) => j.status)).toEqual(["cancelled"]);
    const [job] = await jobOf(id);
    const added = (await customersOf(id)).length;
    expect(added).toBe(1000);
    expect([job.total, job.processed, job.successful, job.duplicates, job.invalid, job.failed]).toEqual([2500, 1000, added, 0, 0, 0]);
    // received = added + duplicates + invalid + failed + not sent
    expect(job.total).toBe(job.successful + job.duplicates + job.invalid + job.failed + (job.total - job.processed));

    await page.goto(`/uploads/${job.id}`);
    await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible();
    await expect(page.locator(".reconcile-equation")).toHaveText(
      "2,500 received = 1,000 added + 0 duplicates + 0 invalid + 0 failed + 1,500 not sent",
    );
  });

  test("mapped values and decimal-comma numbers survive a reload: the resumed review is the same, back returns to the values, it lands once", async ({
    page,
    request,
  }) => {
    campaign = await createCampaign(request, "emi");
    const id = campaign.id;
    await signIn(page);
    await openWizard(page, campaign);
    const header =
      "loan_id;first_name;last_name;phone_number;loan_amount;emi_amount;loan_period;current_emi;emi_due_date;payment_status;language";
    const row = (loan: string, phone: string, amount: string, status: string, language: string) =>
      `${loan};Asha;Verma;${phone};${amount};500;24;3;2025-01-05;${status};${language}`;
    await drop(
      page,
      "values.csv",
      [
        header,
        row("RV-1", "9876543210", "1.234,56", "Overdue", "Español"),
        row("RV-2", "9876543211", "2.500", "paid", "hindi"),
        row("RV-3", "9876543212", "10.000,5", "overdue", "english"),
      ].join("\r\n"),
    );
    await page.getByRole("button", { name: "Continue to columns" }).click();
    await expect(page.getByRole("combobox", { name: "Number format" })).toHaveValue(",");
    await page.getByRole("button", { name: "Continue to values" }).click();
    await page.getByRole("combobox", { name: "payment_status value Overdue" }).selectOption("pending");
    await page.getByRole("combobox", { name: "language value Español" }).selectOption("english");
    await expect(page.getByText("Every value has a meaning.")).toBeVisible();
    await page.getByRole("button", { name: "Check 3 rows" }).click();

    const reviewed = async () => {
      await expect(page.getByRole("grid", { name: "Rows to review" })).toBeVisible();
      await expect(figure(page, "Ready to add")).toHaveText("3");
      await expect(figure(page, "Invalid")).toHaveText("0");
      await expect(figure(page, "Ready, with a warning")).toHaveText("3");
      await expect(cell(page, "loan_amount '1.234,56' read as 1234.56")).toBeVisible();
      await expect(cell(page, "loan_amount '10.000,5' read as 10000.5")).toBeVisible();
    };
    const reloadAndResume = async () => {
      await expect.poll(() => draftOf(page, id)).toEqual({ step: "review", edits: 0, submission: false });
      await page.reload();
      const banner = page.getByRole("region", { name: "Unfinished upload" });
      await expect(banner.getByRole("heading")).toContainText("Resume the upload of values.csv: 3 rows");
      await banner.getByRole("button", { name: "Resume" }).click();
    };
    await reviewed();
    page.on("dialog", (dialog) => void dialog.accept());

    // Resumed, back leads to the value step with the choices made before the reload.
    await reloadAndResume();
    await reviewed();
    await page.getByRole("button", { name: "Back to values" }).click();
    await expect(page.getByRole("heading", { name: "Match the values your file uses" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "payment_status value Overdue" })).toHaveValue("pending");
    await expect(page.getByRole("combobox", { name: "language value Español" })).toHaveValue("english");
    await expect(page.getByText("Every value has a meaning.")).toBeVisible();
    await page.getByRole("button", { name: "Check 3 rows" }).click();
    await reviewed();

    // Resumed again, straight to the submission: the mapped values and numbers land, once.
    await reloadAndResume();
    await reviewed();
    await submitJustAdd(page, 3);
    await expect(page.getByText("3 of 3 rows from values.csv were added")).toBeVisible();
    const customers = await query<{ identifier: string; language: string | null; data: Record<string, unknown> }>(
      `SELECT identifier, language, data FROM customers WHERE "campaignId" = $1 ORDER BY identifier`,
      [id],
    );
    expect(customers.map((c) => [c.identifier, c.data.loan_amount, c.data.payment_status, c.language])).toEqual([
      ["RV-1", 1234.56, "pending", "english"],
      ["RV-2", 2500, "paid", "hindi"],
      ["RV-3", 10000.5, "pending", "english"],
    ]);
    const jobs = await jobOf(id);
    expect(jobs.map((j) => [j.total, j.successful])).toEqual([[3, 3]]);
    await expect.poll(() => draftOf(page, id)).toBeNull();
  });
  test("a chosen date format and number format survive a reload: resumed, back to the columns and forward, the dates land converted", async ({
    page,
    request,
  }) => {
    campaign = await createCampaign(request, "emi");
    const id = campaign.id;
    await signIn(page);
    await openWizard(page, campaign);
    const header =
      "loan_id;first_name;last_name;phone_number;loan_amount;emi_amount;loan_period;current_emi;emi_due_date;payment_status;language";
    const row = (loan: string, phone: string, amount: string, due: string) =>
      `${loan};Asha;Verma;${phone};${amount};500;24;3;${due};pending;hindi`;
    // Every day is 12 or less: the dates read both ways, and the operator says month first.
    await drop(
      page,
      "dates.csv",
      [
        header,
        row("RD-1", "9876543210", "1.234,56", "03/04/2025"),
        row("RD-2", "9876543211", "2.500", "11/05/2025"),
        row("RD-3", "9876543212", "10.000,5", "07/12/2025"),
      ].join("\r\n"),
    );
    await page.getByRole("button", { name: "Continue to columns" }).click();
    const format = page.getByRole("combobox", { name: "Date format of emi_due_date" });
    const samples = page.getByRole("list", { name: "Sample dates of emi_due_date" });
    const check = page.getByRole("button", { name: "Check 3 rows" });
    await expect(page.getByText("Every day in emi_due_date is 12 or less")).toBeVisible();
    await expect(check).toBeDisabled();
    await format.selectOption("mdy");
    await expect(samples).toContainText("03/04/2025 → 2025-03-04");
    await expect(page.getByRole("combobox", { name: "Number format" })).toHaveValue(",");

    const reviewed = async () => {
      await expect(page.getByRole("grid", { name: "Rows to review" })).toBeVisible();
      await expect(figure(page, "Ready to add")).toHaveText("3");
      await expect(figure(page, "Invalid")).toHaveText("0");
      await expect(cell(page, "loan_amount '1.234,56' read as 1234.56")).toBeVisible();
    };
    await check.click();
    await reviewed();

    await expect.poll(() => draftOf(page, id)).toEqual({ step: "review", edits: 0, submission: false });
    page.on("dialog", (dialog) => void dialog.accept());
    await page.reload();
    const banner = page.getByRole("region", { name: "Unfinished upload" });
    await expect(banner.getByRole("heading")).toContainText("Resume the upload of dates.csv: 3 rows");
    await banner.getByRole("button", { name: "Resume" }).click();
    await reviewed();

    // Back to the columns: the month-first choice and the decimal comma are still the ones in use.
    await page.getByRole("button", { name: "Back to columns" }).click();
    await expect(page.getByRole("heading", { name: "Match your columns to the campaign’s fields" })).toBeVisible();
    await expect(format).toHaveValue("mdy");
    await expect(samples).toContainText("03/04/2025 → 2025-03-04");
    await expect(page.getByText("Every day in emi_due_date is 12 or less")).toBeHidden();
    await expect(page.getByRole("combobox", { name: "Number format" })).toHaveValue(",");
    await check.click();
    await reviewed();
    // And once more back and forward: nothing was lost by the first round trip.
    await page.getByRole("button", { name: "Back to columns" }).click();
    await expect(format).toHaveValue("mdy");
    await check.click();
    await reviewed();

    await submitJustAdd(page, 3);
    await expect(page.getByText("3 of 3 rows from dates.csv were added")).toBeVisible();
    const customers = await query<{ identifier: string; data: Record<string, unknown> }>(
      `SELECT identifier, data FROM customers WHERE "campaignId" = $1 ORDER BY identifier`,
      [id],
    );
    expect(customers.map((c) => [c.identifier, c.data.emi_due_date, c.data.loan_amount])).toEqual([
      ["RD-1", "2025-03-04", 1234.56],
      ["RD-2", "2025-11-05", 2500],
      ["RD-3", "2025-07-12", 10000.5],
    ]);
    expect((await jobOf(id)).map((j) => [j.total, j.successful])).toEqual([[3, 3]]);
    await expect.poll(() => draftOf(page, id)).toBeNull();
  });
});

test.describe("upload wizard: Tab through the grid", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  test("Tab and Shift+Tab move across editable cells and wrap to the next row", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await signIn(page);
    await openWizard(page, campaign);
    await drop(page, "tab.csv", csv(DEBT_HEADER, debtRow("T-1"), debtRow("T-2", { first: "Meena", phone: "9876543211" })));
    await acceptHeaderAndColumns(page);
    const grid = page.getByRole("grid", { name: "Rows to review" });
    const active = async () => {
      const id = await grid.getAttribute("aria-activedescendant");
      return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? "").trim() : null;
    };

    await cell(page, "Asha").click();
    await expect.poll(active).toBe("Asha");
    await page.keyboard.press("Tab");
    await expect.poll(active).toBe("Verma");
    await page.keyboard.press("Shift+Tab");
    await expect.poll(active).toBe("Asha");

    // From the last column of row 1 to the first editable cell of row 2.
    await cell(page, "hindi").first().click();
    await page.keyboard.press("Tab");
    await expect.poll(active).toBe("T-2");
    await page.keyboard.press("Tab");
    await expect.poll(active).toBe("Meena");
    // Tab in the editor keeps the value and moves on.
    await page.keyboard.press("Enter");
    await page.getByRole("textbox", { name: "Edit first_name, row 3" }).fill("Mina");
    await page.keyboard.press("Tab");
    await expect.poll(active).toBe("Verma");
    await expect(cell(page, "Mina")).toBeVisible();
  });
});
