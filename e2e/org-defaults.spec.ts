import { expect, test, type Browser, type Page } from "@playwright/test";
import { query } from "./upload-helpers";
import { seedData } from "./seed-data";

// Settings → Organization defaults on a brand-new organization: the admin edits the phone country
// and time zone, the server's refusals land at their field, a new campaign's form starts from them
// and a global DNC number without a country code is read in that country; a viewer sees them and
// no control that writes. The same new organization's first run: the home page's checklist and
// every list's empty state with the action that fills it. Checked against Postgres; photographed
// at 1280 and 390 px.

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const adminEmail = `admin-${run}@orgdef-e2e.test`;
const viewerEmail = `viewer-${run}@orgdef-e2e.test`;
const orgId = `org-${run}`;

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  // Users share the demo admin's password hash.
  const { demo } = seedData();
  await query(`INSERT INTO organizations (id, name, slug) VALUES ($1, $2, $1)`, [orgId, `Defaults E2E ${run}`]);
  for (const [label, email, role] of [
    ["admin", adminEmail, "admin"],
    ["viewer", viewerEmail, "viewer"],
  ]) {
    await query(`INSERT INTO users (id, name, email, "emailVerified", "organizationId") VALUES ($1, $2, $3, true, $4)`, [
      `usr-${label}-${run}`,
      `Test ${label}`,
      email,
      orgId,
    ]);
    await query(`INSERT INTO members (id, "organizationId", "userId", role) VALUES ($1, $2, $3, $4)`, [
      `mbr-${label}-${run}`,
      orgId,
      `usr-${label}-${run}`,
      role,
    ]);
    await query(
      `INSERT INTO accounts (id, "accountId", "providerId", "userId", password) SELECT $1, $2, 'credential', $2, password FROM accounts WHERE "userId" = $3 AND "providerId" = 'credential'`,
      [`acc-${label}-${run}`, `usr-${label}-${run}`, demo.admin.id],
    );
  }
});
test.afterAll(async () => {
  // The organization first: its users' members go with it (the last admin alone cannot be deleted).
  await query(`DELETE FROM organizations WHERE id = $1`, [orgId]);
});

async function signInAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(seedData().demo.admin.password);
    await page.keyboard.press("Enter");
    const limited = page.getByText(/Too many (requests|sign-in attempts)/);
    await expect(page.getByRole("heading", { name: "Campaigns", level: 1 }).or(limited)).toBeVisible({ timeout: 60_000 });
    if (!(await limited.isVisible())) return page;
    await page.waitForTimeout(11_000);
  }
  throw new Error(`could not sign in as ${email}`);
}

async function photograph(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `test-results/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `test-results/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const stored = async () =>
  (
    await query<{ defaultPhoneCountry: string; defaultTimezone: string }>(
      `SELECT "defaultPhoneCountry", "defaultTimezone" FROM organizations WHERE id = $1`,
      [orgId],
    )
  )[0];

test.describe
  .serial("organization defaults and first run", () => {
    test("first run: the checklist leads to a campaign and an upload; every list says what it is for and offers its action", async ({
      browser,
    }) => {
      const page = await signInAs(browser, adminEmail);
      await page.goto("/");
      const checklist = page.getByTestId("first-run");
      await expect(checklist.getByRole("heading", { name: "Get started" })).toBeVisible();
      await expect(checklist.getByRole("link", { name: "Create a campaign" })).toHaveAttribute("href", "/campaigns/new");
      await photograph(page, "orgdef-first-run");

      const lists: [string, RegExp, string, string][] = [
        ["/campaigns", /No campaigns yet/, "Create your first campaign", "/campaigns/new"],
        ["/upload", /No campaigns yet/, "Create a campaign", "/campaigns/new"],
        ["/uploads", /No uploads yet/, "Upload a spreadsheet", "/upload"],
        ["/calls", /No calls yet/, "Upload contacts", "/upload"],
        ["/agents", /No agents yet/, "", ""],
        ["/workflows", /No workflows yet/, "", ""],
        ["/dnc", /./, "", ""],
      ];
      for (const [path, text, action, href] of lists) {
        await page.goto(path);
        // An empty-state card, or (uploads) the empty list's row with the action under it.
        const empty = page.locator(".empty-state, .table-card:has(.empty-row)").first();
        await expect(empty, path).toBeVisible();
        await expect(empty, path).toContainText(text);
        if (action) await expect(empty.getByRole("link", { name: action }), path).toHaveAttribute("href", href);
        else await expect(empty.getByRole("button").or(empty.getByRole("link")).first(), path).toBeVisible();
      }
      await page.goto("/settings");
      await expect(page.getByTestId("api-keys-empty")).toContainText("No API keys yet");
      await expect(page.getByTestId("settings-agents-empty").getByRole("link", { name: "Add an agent" })).toHaveAttribute(
        "href",
        "/agents",
      );
      await expect(page.getByTestId("settings-dispositions-empty").getByRole("link", { name: "Add a disposition" })).toHaveAttribute(
        "href",
        "/dispositions",
      );
      await page.context().close();
    });

    test("an admin edits the defaults; the server's refusals show at their field; new campaigns and DNC numbers use them", async ({
      browser,
    }) => {
      const page = await signInAs(browser, adminEmail);
      await page.goto("/settings");
      const form = page.getByRole("form", { name: "Organization defaults" });
      const country = form.getByLabel("Phone country");
      const zone = form.getByLabel("Time zone");
      const countryField = form.locator("label.field").filter({ hasText: "Phone country" });
      const zoneField = form.locator("label.field").filter({ hasText: "Time zone" });
      await expect(country).toHaveValue("IN");
      await expect(zone).toHaveValue("Asia/Kolkata");
      await expect(form).toContainText("India");

      // Well-formed, but no country and no zone: the server says so at each field, and nothing changes.
      await country.fill("ZZ");
      await zone.fill("Mars/Olympus");
      await form.getByRole("button", { name: "Save organization defaults" }).click();
      await expect(country).toHaveAttribute("aria-invalid", "true");
      await expect(countryField).toContainText("ZZ is not a country code libphonenumber knows");
      await expect(zoneField).toContainText("Mars/Olympus is not an IANA time zone this server knows");
      await expect(form.getByRole("alert")).toContainText("Invalid organization defaults");
      expect(await stored()).toEqual({ defaultPhoneCountry: "IN", defaultTimezone: "Asia/Kolkata" });
      await photograph(page, "orgdef-settings-errors");

      // The form's own check (the route's schema) refuses a malformed code before sending.
      await country.fill("1N");
      await form.getByRole("button", { name: "Save organization defaults" }).click();
      await expect(countryField).toContainText("two-letter country code");

      await country.fill("ae");
      await zone.fill("Asia/Dubai");
      await form.getByRole("button", { name: "Save organization defaults" }).click();
      await expect(form.getByRole("status")).toHaveText("Organization defaults saved.");
      await expect(country).toHaveValue("AE");
      await expect(form).toContainText("United Arab Emirates");
      expect(await stored()).toEqual({ defaultPhoneCountry: "AE", defaultTimezone: "Asia/Dubai" });
      expect(await (await page.request.get("/api/settings/organization")).json()).toEqual({
        defaults: { phoneCountry: "AE", timezone: "Asia/Dubai" },
      });
      await page.reload();
      await expect(page.getByRole("form", { name: "Organization defaults" }).getByLabel("Time zone")).toHaveValue("Asia/Dubai");
      await photograph(page, "orgdef-settings");

      // The new-campaign form starts from them.
      await page.goto("/campaigns/new");
      const campaign = page.getByRole("form", { name: "New campaign" });
      await expect(campaign.getByLabel("Time zone")).toHaveValue("Asia/Dubai");
      await expect(campaign.getByLabel("Phone country")).toHaveValue("AE");
      await photograph(page, "orgdef-new-campaign");

      // A global DNC number without a country code is read as a UAE number.
      const added = await page.request.post("/api/dnc", { data: { number: "050 123 4567", campaignId: null } });
      expect(added.status()).toBe(201);
      const rows = await query<{ phoneE164: string }>(`SELECT "phoneE164" FROM dnc_entries WHERE "organizationId" = $1`, [orgId]);
      expect(rows).toEqual([{ phoneE164: "+971501234567" }]);
      await page.context().close();
    });

    test("a viewer sees the defaults and no control that changes them; the server refuses their write", async ({ browser }) => {
      const page = await signInAs(browser, viewerEmail);
      await page.goto("/settings");
      const form = page.getByRole("form", { name: "Organization defaults" });
      await expect(form.getByLabel("Phone country")).toHaveValue("AE");
      await expect(form.getByLabel("Phone country")).toBeDisabled();
      await expect(form.getByLabel("Time zone")).toBeDisabled();
      await expect(form.getByRole("button", { name: "Save organization defaults" })).toHaveCount(0);
      await expect(page.getByTestId("org-defaults-read-only")).toContainText("Only an admin");
      const refused = await page.request.put("/api/settings/organization", { data: { phoneCountry: "IN", timezone: "Asia/Kolkata" } });
      expect(refused.status()).toBe(403);
      expect(await stored()).toEqual({ defaultPhoneCountry: "AE", defaultTimezone: "Asia/Dubai" });
      await page.context().close();
    });
  });
