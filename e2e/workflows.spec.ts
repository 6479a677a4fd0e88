import { expect, test } from "@playwright/test";
import { seedData } from "./seed-data";

// The campaign page shows its workflow and its runs by step and state (the demo seed plays the
// collections follow-up for a dozen customers: runs waiting for a promised date, one stopped by DNC).

test("the campaign page shows the workflow's runs by step and state", async ({ page }) => {
  const { demo } = seedData();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.admin.email);
  await page.getByLabel("Password").fill(demo.admin.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/campaigns$/);
  await page.getByRole("link", { name: "Loan Recovery - Nov", exact: true }).click();
  const card = page.getByRole("region", { name: "Workflow runs" });
  await expect(card.getByRole("heading", { name: /Workflow: Collections follow-up/ })).toBeVisible();
  const table = card.getByRole("table", { name: "Workflow runs by step and state" });
  await expect(table.getByRole("columnheader")).toHaveText(["Step", "Waiting / due", "In a call", "Completed", "Stopped", "Failed"]);
  await expect(table.getByRole("row").filter({ hasText: "call1" })).toContainText("1"); // the DNC stop
  await expect(table.getByRole("row").filter({ hasText: "wait-ptp" })).toBeVisible();
});
