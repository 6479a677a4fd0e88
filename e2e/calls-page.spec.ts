import { expect, test, type Page } from "@playwright/test";
import { seedData } from "./seed-data";
import { createCampaign, deleteCampaign, query, signIn } from "./upload-helpers";

// The Calls page and the campaign page's call controls, checked against what Postgres holds
// (the seed placed the demo calls through the simulated dialer).

type CallRow = {
  id: string;
  customerId: string;
  state: string;
  outcome: string | null;
  firstName: string;
  lastName: string;
  summary: string | null;
  extractedData: Record<string, unknown> | null;
};

const orgId = () => seedData().demo.id;
const rows = (page: Page) => page.getByRole("table", { name: "Calls" }).locator("tbody tr");

test.describe("Calls page", () => {
  test.beforeEach(async ({ page }) => signIn(page));

  test("lists the calls placed, newest first, 25 a page, with the database's total", async ({ page }) => {
    const [{ total }] = await query<{ total: number }>(
      `SELECT count(*)::int AS total FROM calls WHERE "organizationId" = $1 AND "dialedAt" IS NOT NULL`,
      [orgId()],
    );
    const [newest] = await query<CallRow>(
      `SELECT c.id, cu."firstName", cu."lastName" FROM calls c JOIN customers cu ON cu.id = c."customerId" WHERE c."organizationId" = $1 AND c."dialedAt" IS NOT NULL ORDER BY c."dialedAt" DESC, c.id DESC LIMIT 1`,
      [orgId()],
    );
    expect(total).toBeGreaterThan(25);
    await page.goto("/calls");
    await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
    await expect(rows(page)).toHaveCount(25);
    await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(`1–25 of ${total} calls`);
    await expect(rows(page).first()).toContainText(`${newest.firstName} ${newest.lastName}`);
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(rows(page)).toHaveCount(Math.min(25, total - 25));
  });

  test("filters by status and campaign through the URL, counted as the database counts", async ({ page }) => {
    const { demo } = seedData();
    const campaign = demo.campaigns.find((c) => c.name === "Loan Recovery - Nov")!;
    const [{ n }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM calls WHERE "organizationId" = $1 AND outcome = 'Contacted' AND "campaignId" = $2`,
      [orgId(), campaign.id],
    );
    await page.goto("/calls");
    const filters = page.getByRole("form", { name: "Filter calls" });
    await filters.getByLabel("Status").selectOption("Contacted");
    await filters.getByLabel("Campaign").selectOption({ label: campaign.name });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/status=Contacted/);
    await expect(page).toHaveURL(new RegExp(`campaign=${campaign.id}`));
    await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(`of ${n} calls`);
    await expect(rows(page)).toHaveCount(Math.min(n, 25));
    for (const cell of await rows(page).locator("td:nth-child(2) .badge").allTextContents()) expect(cell).toBe("Contacted");
    for (const cell of await rows(page).getByTestId("call-campaign").allTextContents()) expect(cell).toBe(campaign.name);

    await page.goto("/calls?from=2001-01-01&to=2001-01-02");
    await expect(page.getByRole("heading", { name: "No calls match these filters" })).toBeVisible();
    await page.getByRole("link", { name: "Clear the filters" }).click();
    await expect(page).toHaveURL(/\/calls$/);
  });

  test("the detail panel shows the summary, the extracted data and every attempt to the customer", async ({ page }) => {
    const [retried] = await query<CallRow>(
      `SELECT c.id, c."customerId", c.summary, c."extractedData", cu."firstName", cu."lastName" FROM calls c JOIN customers cu ON cu.id = c."customerId"
       WHERE c."organizationId" = $1 AND c.outcome = 'Contacted' AND c.attempt > 1 ORDER BY c."createdAt" DESC LIMIT 1`,
      [orgId()],
    );
    const attempts = await query(`SELECT id FROM calls WHERE "customerId" = $1`, [retried.customerId]);
    await page.goto(`/calls?call=${retried.id}`);
    const panel = page.getByRole("complementary", { name: "Call details" });
    await expect(panel.getByRole("heading", { name: `${retried.firstName} ${retried.lastName}` })).toBeVisible();
    await expect(panel).toContainText(retried.summary!);
    const extracted = panel.getByRole("table", { name: "Extracted data" });
    for (const [key, value] of Object.entries(retried.extractedData ?? {})) {
      await expect(extracted.getByRole("row").filter({ hasText: key })).toContainText(String(value));
    }
    await expect(panel.getByRole("heading", { name: `Attempts to this customer (${attempts.length})` })).toBeVisible();
    await expect(panel.getByRole("listitem")).toHaveCount(attempts.length);
    await panel.getByRole("link", { name: "Close" }).click();
    await expect(page.getByRole("complementary", { name: "Call details" })).toHaveCount(0);
  });

  test("a call blocked at dial time says why it was not placed", async ({ page }) => {
    const blocked = await query<{ id: string }>(
      `SELECT id FROM calls WHERE "organizationId" = $1 AND state = 'blocked' AND "blockedReason" = 'dnc'`,
      [orgId()],
    );
    expect(blocked.length).toBeGreaterThan(0);
    await page.goto("/calls?status=Blocked");
    await expect(rows(page)).toHaveCount(blocked.length);
    await rows(page).first().getByRole("link").first().click();
    await expect(page.getByRole("complementary", { name: "Call details" })).toContainText(
      "Not called: the number is on the do-not-call list",
    );
  });
});

test.describe("campaign page call controls", () => {
  test.beforeEach(async ({ page }) => signIn(page));

  test("pause and resume change the campaign in the database", async ({ page, request }) => {
    const campaign = await createCampaign(request);
    try {
      await page.goto(`/campaigns/${campaign.id}`);
      await page.getByRole("button", { name: "Pause calls" }).click();
      await expect(page.getByRole("button", { name: "Resume calls" })).toBeVisible();
      await expect(page.locator(".page-header .badge").filter({ hasText: "paused" })).toBeVisible();
      expect((await query<{ status: string }>(`SELECT status FROM campaigns WHERE id = $1`, [campaign.id]))[0].status).toBe("paused");
      await page.getByRole("button", { name: "Resume calls" }).click();
      await expect(page.getByRole("button", { name: "Pause calls" })).toBeVisible();
      expect(
        (
          await query<{ status: string; pausedAt: Date | null }>(`SELECT status, "pausedAt" FROM campaigns WHERE id = $1`, [campaign.id])
        )[0],
      ).toEqual({ status: "active", pausedAt: null });
    } finally {
      await deleteCampaign(request, campaign);
    }
  });

  test("shows how many calls wait for the calling window and when it opens", async ({ page, request }) => {
    const { demo } = seedData();
    const campaign = await createCampaign(request);
    try {
      const opensAt = new Date(Date.now() + 26 * 3_600_000);
      for (let i = 0; i < 3; i++) {
        const [customer] = await query<{ id: string; phoneE164: string }>(
          `INSERT INTO customers (id, "campaignId", identifier, "phoneRaw", "phoneE164", "firstName", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, 'Waiting', now()) RETURNING id, "phoneE164"`,
          [campaign.id, `WAIT-${i}`, `98100000${i}0`, `+9198100000${i}0`],
        );
        await query(
          `INSERT INTO calls ("organizationId", "campaignId", "customerId", "agentId", "toPhone", state, "waitReason", "notBefore", "updatedAt") VALUES ($1, $2, $3, $4, $5, 'scheduled', 'window', $6, now())`,
          [demo.id, campaign.id, customer.id, demo.agents[0].id, customer.phoneE164, new Date(opensAt.getTime() + i * 60_000)],
        );
      }
      await page.goto(`/campaigns/${campaign.id}`);
      const expected = new Intl.DateTimeFormat("en-IN", {
        weekday: "short",
        day: "numeric",
        month: "short",
        hour: "numeric",
        minute: "2-digit",
        timeZone: "Asia/Kolkata",
      }).format(opensAt);
      await expect(page.getByTestId("waiting-window")).toHaveText(
        `3 calls waiting for the calling window, which opens ${expected} (Asia/Kolkata)`,
      );
      await page.getByRole("button", { name: "Pause calls" }).click();
      await expect(page.getByTestId("waiting-resume")).toHaveText("3 calls will be placed when the campaign is resumed");
    } finally {
      await deleteCampaign(request, campaign);
    }
  });
});

test("a viewer sees the calls but no control that writes", async ({ browser }) => {
  const { demo } = seedData();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.viewer.email);
  await page.getByLabel("Password").fill(demo.viewer.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible({ timeout: 20_000 });
  await page.goto(`/campaigns/${demo.campaigns[0].id}`);
  await expect(page.getByRole("heading", { name: demo.campaigns[0].name, level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: /Pause calls|Resume calls|Start calls/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Upload contacts" })).toHaveCount(0);
  await page.goto("/calls");
  await expect(rows(page).first()).toBeVisible();
  await context.close();
});
