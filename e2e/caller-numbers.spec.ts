import { expect, test } from "@playwright/test";
import { query, signIn } from "./upload-helpers";
import { seedData } from "./seed-data";

// Settings → Caller numbers: the seed's two numbers are listed; an admin adds one (E.164 from a
// national number), deactivates and activates it, and a wrong number is refused by name; a viewer
// reads the list without controls. Screenshots at 1280 px and 390 px.

const section = (page: import("@playwright/test").Page) => page.getByRole("region", { name: "Caller numbers" });

test.afterAll(async () => {
  await query(`DELETE FROM caller_numbers WHERE "organizationId" = $1 AND "phoneE164" = '+918035450877'`, [seedData().demo.id]);
});

test("an admin lists, adds, deactivates and activates caller numbers", async ({ page }) => {
  await signIn(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/settings");
  const numbers = section(page);
  const table = numbers.getByRole("table", { name: "Caller numbers" });
  await expect(table.getByRole("row").filter({ hasText: "+918035450801" })).toContainText("active");
  await expect(table.getByRole("row").filter({ hasText: "+918035450802" })).toContainText("active");

  await numbers.getByLabel("Number", { exact: true }).fill("12345");
  await numbers.getByRole("button", { name: "Add number" }).click();
  await expect(numbers.getByRole("alert")).toContainText('phone "12345" is not a valid phone number');

  await numbers.getByLabel("Number", { exact: true }).fill("080 3545 0877");
  await numbers.getByLabel("Label (optional)").fill("E2E line");
  await numbers.getByRole("button", { name: "Add number" }).click();
  const added = table.getByRole("row").filter({ hasText: "+918035450877" });
  await expect(added).toContainText("E2E line");
  await expect(added).toContainText("active");
  await numbers.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/caller-numbers-1280.png" });

  await added.getByRole("button", { name: "Deactivate +918035450877" }).click();
  await expect(added).toContainText("inactive");
  expect((await query<{ active: boolean }>(`SELECT active FROM caller_numbers WHERE "phoneE164" = '+918035450877'`))[0].active).toBe(false);
  await added.getByRole("button", { name: "Activate +918035450877" }).click();
  // "active" is also a substring of "inactive": wait for the control that only an active number has.
  await expect(added.getByRole("button", { name: "Deactivate +918035450877" })).toBeVisible();
  await expect(added).not.toContainText("inactive");
  expect((await query<{ active: boolean }>(`SELECT active FROM caller_numbers WHERE "phoneE164" = '+918035450877'`))[0].active).toBe(true);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings");
  await section(page).scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/caller-numbers-390.png" });
});

test("a viewer sees the caller numbers and no control that writes", async ({ browser }) => {
  const { demo } = seedData();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.viewer.email);
  await page.getByLabel("Password").fill(demo.viewer.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible({ timeout: 20_000 });
  await page.goto("/settings");
  const numbers = section(page);
  await expect(numbers.getByRole("table", { name: "Caller numbers" }).getByRole("row").filter({ hasText: "+918035450801" })).toBeVisible();
  await expect(numbers.getByRole("button")).toHaveCount(0);
  await expect(numbers.getByLabel("Number", { exact: true })).toHaveCount(0);
  await context.close();
});
