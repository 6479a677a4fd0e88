import { expect, test, type Page } from "@playwright/test";
import {
  acceptHeaderAndColumns,
  cell,
  createCampaign,
  csv,
  DEBT_HEADER,
  debtRow,
  deleteCampaign,
  drop,
  figure,
  openWizard,
  signIn,
  type TestCampaign,
} from "./upload-helpers";

// Leaving a review asks first (in-app links, the back button), and every wizard, campaign,
// upload and settings screen fits a 390 px phone without scrolling sideways.

const LEAVE = "Leave this upload? Your edits stay in this browser: the upload page offers to resume them.";

async function fits390(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}-390.png`, fullPage: true });
  // What sticks out, named in the failure so the culprit is found without a debugger.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > 390.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(el.getBoundingClientRect().right)}`),
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: ${wide.join(", ")}`).toBeLessThanOrEqual(390);
}

test.describe("upload wizard: never lose work, and phones", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  test("leaving the review by a sidebar link or the back button asks first", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await signIn(page);
    await page.goto(`/campaigns/${campaign.id}`);
    await page.getByRole("link", { name: "Upload contacts" }).click();
    await expect(page.getByRole("heading", { name: "Upload contacts", level: 1 })).toBeVisible();
    await drop(page, "keep.csv", csv(DEBT_HEADER, debtRow("K-1")));
    await acceptHeaderAndColumns(page);
    await expect(figure(page, "Ready to add")).toHaveText("1");

    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("link", { name: "Uploads", exact: true }).click();
    await expect.poll(() => asked).toEqual([LEAVE]);
    await expect(page.getByRole("grid", { name: "Rows to review" })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(`/campaigns/${campaign.id}/upload`);

    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.evaluate(() => window.history.back());
    await expect.poll(() => asked).toEqual([LEAVE, LEAVE]);
    await expect(page.getByRole("grid", { name: "Rows to review" })).toBeVisible();

    page.once("dialog", (dialog) => void dialog.accept());
    await page.evaluate(() => window.history.back());
    await expect(page).toHaveURL(new RegExp(`/campaigns/${campaign.id}$`));
  });

  test("every screen fits 390 px", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page);
    await page.goto("/campaigns");
    await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
    await fits390(page, "campaigns");
    await page.goto(`/campaigns/${campaign.id}`);
    await expect(page.getByRole("combobox", { name: "Duplicates" })).toBeVisible();
    await fits390(page, "campaign");
    await page.goto("/uploads");
    await fits390(page, "uploads");
    await page.goto("/settings");
    await fits390(page, "settings");

    await openWizard(page, campaign);
    await fits390(page, "wizard-upload");
    await drop(
      page,
      "phone.csv",
      csv(DEBT_HEADER, debtRow("N-1", { due: "15/01/2027" }), debtRow("N-2", { phone: "12345", due: "16/01/2027" })),
    );
    await expect(page.getByRole("button", { name: "Continue to columns" })).toBeVisible();
    await fits390(page, "wizard-header");
    await page.getByRole("button", { name: "Continue to columns" }).click();
    await expect(page.getByRole("combobox", { name: "Date format of emi_due_date" })).toHaveValue("dmy");
    await fits390(page, "wizard-columns");
    await page.getByRole("button", { name: "Check 2 rows" }).click();
    await expect(page.getByRole("grid", { name: "Rows to review" })).toBeVisible();
    await fits390(page, "wizard-review");
  });
});

test.describe("upload wizard: a grid for long days", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  test("the Row and identifier columns stay pinned when the grid scrolls right", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await signIn(page);
    await openWizard(page, campaign);
    await drop(page, "wide.csv", csv(DEBT_HEADER, debtRow("W-1"), debtRow("W-2", { phone: "9876543211" })));
    await acceptHeaderAndColumns(page);
    const grid = page.getByRole("grid", { name: "Rows to review" });
    const header = (name: string) => grid.getByRole("columnheader").filter({ hasText: new RegExp(`^${name}\\*?$`) });
    const before = {
      row: (await header("Row").boundingBox())!,
      id: (await header("loan_id").boundingBox())!,
      due: (await header("emi_due_date").boundingBox())!,
    };
    await grid.evaluate((el) => el.scrollTo({ left: 900 }));
    await expect.poll(() => grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(500);
    const box = (await grid.boundingBox())!;
    const row = (await header("Row").boundingBox())!;
    const id = (await header("loan_id").boundingBox())!;
    // The Row column has not moved; loan_id sits right after it; a field that is not pinned has gone left.
    expect(Math.abs(row.x - before.row.x)).toBeLessThan(2);
    expect(Math.abs(id.x - (row.x + row.width))).toBeLessThan(2);
    expect(id.x).toBeGreaterThanOrEqual(box.x);
    expect((await header("emi_due_date").boundingBox())!.x).toBeLessThan(before.due.x - 500);
    await expect(grid.getByRole("gridcell").filter({ hasText: "W-1" })).toBeInViewport();
    await page.screenshot({ path: "test-results/screens/grid-pinned-1280.png" });
  });

  test("rows scrolled into view show their own values, and an edit stays on its row", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await signIn(page);
    await openWizard(page, campaign);
    const lines = Array.from({ length: 300 }, (_, i) => debtRow(`S-${i}`, { first: `Name${i}`, phone: String(9_700_000_000 + i) }));
    await drop(page, "long.csv", csv(DEBT_HEADER, ...lines));
    await acceptHeaderAndColumns(page);
    const grid = page.getByRole("grid", { name: "Rows to review" });
    // Every row on screen, as the operator reads it: its Row number, loan_id and first name.
    const onScreen = () =>
      grid.evaluate((el) =>
        [...el.querySelectorAll(".rg-body [role=row]")].map((row) => {
          const cells = [...row.querySelectorAll("[role=gridcell]")].map((c) => c.textContent ?? "");
          return { row: Number(cells[1]), id: cells[2], first: cells[4], edited: row.querySelector(".rg-was-edited") !== null };
        }),
      );
    // File row n (from 2) holds S-(n-2) and Name(n-2): a row that reused another's elements must not show the other's values.
    const consistent = async (expectEdited: number | null) => {
      const rows = await onScreen();
      return (
        rows.length > 0 &&
        rows.every(
          (r) =>
            r.id === `S-${r.row - 2}` &&
            r.first === (r.row === expectEdited ? "Edited" : `Name${r.row - 2}`) &&
            r.edited === (r.row === expectEdited),
        )
      );
    };
    await expect.poll(() => consistent(null)).toBe(true);

    await cell(page, "Name0").dblclick();
    await page.getByRole("textbox", { name: "Edit first_name, row 2" }).fill("Edited");
    await page.keyboard.press("Enter");
    await expect(cell(page, "Edited")).toBeVisible();

    // Down by 64 rows (row 2's slot is reused), far down, to the end, and back to the top.
    for (const top of [64 * 62, 150 * 62, 1_000_000, 0]) {
      await grid.evaluate((el, top) => el.scrollTo({ top }), top);
      await expect.poll(() => consistent(2)).toBe(true);
    }
    const last = await onScreen();
    expect(last.some((r) => r.row === 2 && r.first === "Edited")).toBe(true);
    await grid.evaluate((el) => el.scrollTo({ top: 1_000_000 }));
    await expect.poll(async () => (await onScreen()).some((r) => r.row === 301 && r.id === "S-299")).toBe(true);
  });
});

test.describe("upload wizard: next error", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  test("F8 and the Next error button walk the rows with problems, wrapping to the first", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await signIn(page);
    await openWizard(page, campaign);
    const rows = [
      debtRow("E-1"),
      debtRow("E-2", { phone: "12345" }),
      debtRow("E-3", { phone: "9876543213" }),
      debtRow("E-4", { phone: "9876543214", due: "2025-02-30" }),
    ];
    await drop(page, "errors.csv", csv(DEBT_HEADER, ...rows));
    await acceptHeaderAndColumns(page);
    const detail = page.locator(".rg-detail");
    await page.getByRole("button", { name: /^Next error/ }).click();
    await expect(detail).toContainText("Row 3 · phone_number = “12345” — Invalid phone_number '12345': too short");
    await page.keyboard.press("F8");
    await expect(detail).toContainText("Row 5 · emi_due_date = “2025-02-30”");
    await page.keyboard.press("F8");
    await expect(detail).toContainText("Row 3 · phone_number");
  });
});
