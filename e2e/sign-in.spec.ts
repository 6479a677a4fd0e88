import { expect, test } from "@playwright/test";
import { seedData } from "./seed-data";

test.describe("sign in and campaigns", () => {
  test("a wrong password shows the server's message and keeps the operator on the form", async ({ page }) => {
    const { demo } = seedData();
    await page.goto("/campaigns");
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByLabel("Email").fill(demo.admin.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".alert-error")).toHaveText("Invalid email or password");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("the form validates before sending", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter the email address you sign in with")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();
  });

  test("signing in shows the organization's seeded campaigns and nothing of the other organization", async ({ page }) => {
    const { demo, other } = seedData();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demo.admin.email);
    await page.getByLabel("Password").fill(demo.admin.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/campaigns$/);
    await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
    const table = page.getByRole("table", { name: "Campaigns" });
    for (const campaign of demo.campaigns) {
      await expect(table.getByRole("link", { name: campaign.name, exact: true })).toBeVisible();
    }
    await expect(table.getByText("Other Leads")).toHaveCount(0);
    await expect(table.getByText(other.campaigns[0].id)).toHaveCount(0);
    await expect(table.getByRole("row").filter({ hasText: "Home Loan Leads" })).toContainText("Lead generation");
    await expect(table.getByRole("row").filter({ hasText: "Flexy Phonebook" })).toContainText("Custom (CRM fields)");

    await page.getByRole("link", { name: "Loan Recovery - Nov", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Loan Recovery - Nov" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Record fields" })).toContainText("payment_status");

    for (const [label, heading] of [
      ["Uploads", "Uploads"],
      ["Calls", "Calls"],
      ["Settings", "Settings"],
    ]) {
      await page.getByRole("navigation").getByRole("link", { name: label }).click();
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    }
    await expect(page.getByRole("table", { name: "Agents" })).toContainText("priya");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("another organization's campaign page is not found", async ({ page }) => {
    const { demo, other } = seedData();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demo.admin.email);
    await page.getByLabel("Password").fill(demo.admin.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/campaigns$/);
    const response = await page.goto(`/campaigns/${other.campaigns[0].id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});
