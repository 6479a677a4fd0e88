import { readFileSync } from "node:fs";
import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { apiAuth, createCampaign, deleteCampaign, query, signIn, type TestCampaign } from "./upload-helpers";
import { seedData } from "./seed-data";

// The contacts and upload-job screens, each journey checked against Postgres: a phone typed in
// another format finds its contact; the error report downloads from the job page on a fresh page
// load; undo removes what it should and keeps the called contact; a viewer sees everything and
// can change nothing. Every screen is also photographed at 1280 and 390 px (no page-wide scroll).

const CRM = {
  crmFields: [
    { key: "customer_info:customer_id", label: "Customer ID", required: true },
    { key: "customer_info:customer_name", label: "Customer name" },
  ],
  identifierField: "customer_info:customer_id",
};
const loan = (id: string, phone: string, first = "Asha", last = "Verma") => ({
  loan_id: id,
  first_name: first,
  last_name: last,
  phone_number: phone,
  loan_amount: 250000,
  emi_amount: 12500,
  loan_period: 24,
  current_emi: 3,
  emi_due_date: "2025-01-05",
  payment_status: "pending",
  language: "hindi",
});
const run = Math.floor(Math.random() * 9_000_000) + 1_000_000;
const phone = (n: number) => `98${String(run * 10 + n).slice(-8)}`;

async function bulkAdd(page: Page, campaign: TestCampaign, records: unknown[]) {
  const res = await page.request.post("/api/v1/customers/add/bulk", { headers: apiAuth(), data: { campaignId: campaign.id, records } });
  expect([201, 207]).toContain(res.status());
  return res.headers()["x-upload-job-id"];
}

test.describe("contacts and upload jobs", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  test("contacts search by a phone typed in another format", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await bulkAdd(page, campaign, [loan("S-1", phone(1), "Meera", "Nair"), loan("S-2", phone(2), "Kabir", "Das"), loan("S-3", phone(3))]);
    await signIn(page);
    await page.goto(`/campaigns/${campaign.id}/contacts`);
    await expect(page.getByRole("table", { name: "Contacts of this campaign" }).getByRole("row")).toHaveCount(4);

    const typed = `+91 ${phone(2).slice(0, 5)}-${phone(2).slice(5)}`;
    await page.getByRole("searchbox", { name: "Search" }).fill(typed);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/\?q=/);
    const rows = page.getByRole("table", { name: "Contacts of this campaign" }).getByRole("row");
    await expect(rows).toHaveCount(2);
    const [stored] = await query<{ identifier: string; phoneE164: string }>(
      `SELECT identifier, "phoneE164" FROM customers WHERE "campaignId" = $1 AND "phoneE164" = $2`,
      [campaign.id, `+91${phone(2)}`],
    );
    await expect(rows.nth(1)).toContainText(stored.identifier);
    await expect(rows.nth(1)).toContainText(stored.phoneE164);
    await expect(rows.nth(1)).toContainText("Kabir Das");

    // The filtered view is a link: a fresh load of the URL shows the same contact.
    const url = page.url();
    await page.goto("about:blank");
    await page.goto(url);
    await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(typed);
    await expect(page.getByRole("table", { name: "Contacts of this campaign" }).getByRole("row")).toHaveCount(2);

    await rows.nth(1).getByRole("link").click();
    await expect(page.getByRole("heading", { name: "Kabir Das", level: 1 })).toBeVisible();
    await expect(page.getByText(phone(2), { exact: true })).toBeVisible();
    await expect(page.getByText(`+91${phone(2)}`, { exact: true })).toBeVisible();
    await shoot(page, "contact-detail");
    await page.goto(`/campaigns/${campaign.id}/contacts`);
    await shoot(page, "contacts");
    await page.goto(`/campaigns/${campaign.id}`);
    const contactsKpi = page.getByTestId("kpi-contacts");
    await expect(contactsKpi).toContainText("3");
    await contactsKpi.click();
    await expect(page).toHaveURL(new RegExp(`/campaigns/${campaign.id}/contacts$`));
    await page.goto(`/campaigns/${campaign.id}`);
    await shoot(page, "campaign");
  });

  test("the error report downloads from the job page on a fresh page load", async ({ request, browser }) => {
    campaign = await createCampaign(request, "custom", CRM);
    const sent = await request.post("/api/bulkphonebookupload/v1/", {
      headers: { Authorization: `Token ${seedData().demo.apiKey}` },
      data: {
        campaign: campaign.name,
        bulk_data: [
          { numeric: phone(1), user: "priya", "customer_info:customer_id": "R-1", "customer_info:customer_name": "Good row" },
          { numeric: "=cmd|' /C calc'!A0", user: "priya", "customer_info:customer_id": "R-2", "customer_info:customer_name": "Formula" },
          { numeric: phone(3), user: "nobody", "customer_info:customer_id": "R-3", "customer_info:customer_name": "Unknown agent" },
        ],
      },
    });
    expect(sent.status()).toBe(200);
    const jobId = (await sent.json()).job_id as string;

    // A day later, another browser: nothing but the job's URL.
    const fresh = await freshSignedIn(browser);
    await fresh.goto(`/uploads/${jobId}`);
    await expect(fresh.getByText("Partial", { exact: true })).toBeVisible({ timeout: 20_000 });
    const [job] = await query<{ total: number; successful: number; rowErrors: { index: number; errors: string[] }[] }>(
      `SELECT total, successful, "rowErrors" FROM upload_jobs WHERE id = $1`,
      [jobId],
    );
    expect(job).toMatchObject({ total: 3, successful: 1 });
    await expect(fresh.getByRole("row", { name: /Received/ })).toContainText("3");
    await expect(fresh.getByRole("row", { name: /Added/ })).toContainText("1");

    const download = fresh.waitForEvent("download");
    await fresh.getByRole("link", { name: "Download all rows (CSV)" }).click();
    const file = readFileSync((await (await download).path())!, "utf8");
    const lines = file
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe('"numeric","user","customer_info:customer_id","customer_info:customer_name","row","errors"');
    expect(lines).toHaveLength(1 + job.rowErrors.length);
    expect(lines[1]).toBe(`"'=cmd|' /C calc'!A0","priya","R-2","Formula","1","${job.rowErrors[0].errors.join("; ").replace(/"/g, '""')}"`);
    expect(lines[2]).toBe(`"${phone(3)}","nobody","R-3","Unknown agent","2","This user is not present in our database"`);
    await shoot(fresh, "upload-job");
    await fresh.goto("/uploads");
    await expect(fresh.getByRole("link", { name: "2" }).first()).toBeVisible();
    await shoot(fresh, "uploads");
    await fresh.context().close();
  });

  test("undo of an upload removes its uncalled contacts and keeps the called one", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    const jobId = await bulkAdd(page, campaign, [loan("U-1", phone(1)), loan("U-2", phone(2)), loan("U-3", phone(3))]);
    const [called] = await query<{ id: string }>(`SELECT id FROM customers WHERE "campaignId" = $1 AND identifier = 'U-2'`, [campaign.id]);
    const demo = seedData().demo;
    await query(
      `INSERT INTO calls (id, "organizationId", "campaignId", "customerId", "agentId", "toPhone", state, outcome) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'completed', 'Contacted')`,
      [demo.id, campaign.id, called.id, demo.agents[0].id, `+91${phone(2)}`],
    );

    await signIn(page);
    await page.goto(`/uploads/${jobId}`);
    await page.getByRole("button", { name: "Undo this upload…" }).click();
    await expect(page.getByRole("group", { name: "Confirm undo" })).toContainText("Remove up to 3 contacts");
    expect(await query(`SELECT 1 FROM customers WHERE "campaignId" = $1`, [campaign.id])).toHaveLength(3);
    await page.getByRole("button", { name: "Yes, undo the upload" }).click();

    await expect(page.getByRole("status").filter({ hasText: "Undone" })).toContainText("2 contacts removed, 1 kept");
    await expect(page.getByRole("list", { name: "Contacts kept" })).toHaveText("U-2: kept, already called (1 call)");
    await expect(page.getByText("Undone", { exact: true })).toBeVisible();
    const left = await query<{ identifier: string }>(`SELECT identifier FROM customers WHERE "campaignId" = $1`, [campaign.id]);
    expect(left).toEqual([{ identifier: "U-2" }]);
    const [job] = await query<{ undoneAt: Date | null; undoResult: { removed: number } }>(
      `SELECT "undoneAt", "undoResult" FROM upload_jobs WHERE id = $1`,
      [jobId],
    );
    expect(job.undoneAt).not.toBeNull();
    expect(job.undoResult.removed).toBe(2);
    await expect(page.getByRole("button", { name: "Undo this upload…" })).toHaveCount(0);
  });

  test("a viewer sees everything and can change nothing", async ({ page, request, browser }) => {
    campaign = await createCampaign(request, "emi");
    const jobId = await bulkAdd(page, campaign, [loan("V-1", phone(1), "Vani", "Rao"), loan("V-2", "12345")]);
    const [customer] = await query<{ id: string }>(`SELECT id FROM customers WHERE "campaignId" = $1`, [campaign.id]);
    const viewer = await viewerPage(browser);

    await viewer.goto(`/campaigns/${campaign.id}`);
    await expect(viewer.getByRole("link", { name: "Upload contacts" })).toHaveCount(0);
    await viewer.goto(`/campaigns/${campaign.id}/contacts`);
    await expect(viewer.getByRole("table", { name: "Contacts of this campaign" })).toContainText("Vani Rao");
    await expect(viewer.getByRole("link", { name: "Export CSV" })).toBeVisible();

    await viewer.goto(`/campaigns/${campaign.id}/contacts/${customer.id}`);
    await expect(viewer.getByRole("heading", { name: "Vani Rao" })).toBeVisible();
    await expect(viewer.getByText("250000")).toBeVisible();
    await expect(viewer.getByRole("button")).toHaveText(["Sign out"]);
    await expect(viewer.getByRole("textbox")).toHaveCount(0);
    await shoot(viewer, "contact-detail-viewer");

    await viewer.goto(`/uploads/${jobId}`);
    await expect(viewer.getByRole("table", { name: "Problems" })).toContainText("Invalid phone_number '12345': too short");
    await expect(viewer.getByRole("button")).toHaveText(["Sign out"]);
    await viewer.goto("/uploads");
    await expect(viewer.getByRole("link", { name: "New upload" })).toHaveCount(0);

    const api = viewer.request;
    const base = `/api/campaigns/${campaign.id}/contacts/${customer.id}`;
    for (const res of [
      await api.patch(base, { data: { data: { first_name: "Changed" } } }),
      await api.delete(base),
      await api.post(`${base}/dnc`, { data: { scope: "global" } }),
      await api.post(`/api/upload-jobs/${jobId}/undo`),
    ]) {
      expect(res.status()).toBe(403);
    }
    expect(await query(`SELECT "firstName" FROM customers WHERE id = $1`, [customer.id])).toEqual([{ firstName: "Vani" }]);
    expect(await query(`SELECT "undoneAt" FROM upload_jobs WHERE id = $1`, [jobId])).toEqual([{ undoneAt: null }]);
    expect(await query(`SELECT 1 FROM dnc_entries WHERE "phoneE164" = $1`, [`+91${phone(1)}`])).toEqual([]);
    await viewer.context().close();
  });

  test("a running job's bar moves while you watch and finishes with its counts", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    const demo = seedData().demo;
    const jobId = `upl_e2e${Date.now().toString(16)}`;
    await query(
      `INSERT INTO upload_jobs (id, "organizationId", "campaignId", source, status, reference, "fileName", total, processed, successful, "startedAt")
       VALUES ($1, $2, $3, 'ui', 'processing', $1, 'november.csv', 200, 50, 50, now())`,
      [jobId, demo.id, campaign.id],
    );
    await signIn(page);
    await page.goto(`/uploads/${jobId}`);
    const bar = page.getByRole("progressbar", { name: "Upload progress" });
    await expect(bar).toHaveAttribute("aria-valuenow", "25");
    await expect(page.getByText("Running", { exact: true })).toBeVisible();
    await query(
      `UPDATE upload_jobs SET processed = 150, successful = 140, valid = 145, invalid = 5, duplicates = 5, failed = 10 WHERE id = $1`,
      [jobId],
    );
    await expect(bar).toHaveAttribute("aria-valuenow", "75");
    await expect(page.getByText("150 of 200 rows processed (75%)")).toBeVisible();
    await query(
      `UPDATE upload_jobs SET processed = 200, successful = 190, valid = 195, failed = 10, status = 'completed', "completedAt" = now() WHERE id = $1`,
      [jobId],
    );
    await expect(page.getByText("Partial", { exact: true })).toBeVisible();
    await expect(bar).toHaveCount(0);
    await expect(page.getByRole("row", { name: /Added/ })).toContainText("190");
    await expect(page.getByText("200 received = 190 added + 5 duplicates + 5 invalid + 0 failed + 0 not sent")).toBeVisible();
  });

  test("an operator edits a contact through the validation core and adds it to DNC", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await bulkAdd(page, campaign, [loan("E-1", phone(1), "Edit", "Me")]);
    const [customer] = await query<{ id: string }>(`SELECT id FROM customers WHERE "campaignId" = $1`, [campaign.id]);
    await signIn(page);
    await page.goto(`/campaigns/${campaign.id}/contacts/${customer.id}`);
    await page.getByRole("textbox", { name: /^Phone number/ }).fill("12345");
    await page.getByRole("button", { name: "Save 1 change" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Validation failed" })).toContainText("Invalid phone_number '12345': too short");
    await page.getByRole("textbox", { name: /^Phone number/ }).fill(`0${phone(5).slice(0, 5)} ${phone(5).slice(5)}`);
    await page.getByRole("button", { name: "Save 1 change" }).click();
    await expect(page.getByText(`+91${phone(5)}`, { exact: true })).toBeVisible();
    expect(await query(`SELECT "phoneE164" FROM customers WHERE id = $1`, [customer.id])).toEqual([{ phoneE164: `+91${phone(5)}` }]);

    await page.getByRole("button", { name: "Add to DNC" }).click();
    await page.getByRole("group", { name: "Add to DNC" }).getByRole("button", { name: "Add to DNC" }).click();
    await expect(page.getByText("DNC · this campaign")).toBeVisible();
    expect(await query(`SELECT scope, status FROM dnc_entries WHERE "phoneE164" = $1`, [`+91${phone(5)}`])).toEqual([
      { scope: campaign.id, status: "active" },
    ]);
  });
});

async function freshSignedIn(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { demo } = seedData();
  await signInAs(page, demo.admin.email, demo.admin.password);
  return page;
}

async function viewerPage(browser: Browser): Promise<Page> {
  const email = `viewer-${Date.now()}@demo.dialsheet.local`;
  const { demo } = seedData();
  // The viewer gets the demo password by sharing the admin's stored hash.
  const [user] = await query<{ id: string }>(
    `INSERT INTO users (id, name, email, "emailVerified", "organizationId") VALUES ('usr_' || md5(random()::text), 'Vera Viewer', $1, true, $2) RETURNING id`,
    [email, demo.id],
  );
  await query(`INSERT INTO members (id, "organizationId", "userId", role) VALUES ('mbr_' || $1, $2, $1, 'viewer')`, [user.id, demo.id]);
  await query(
    `INSERT INTO accounts (id, "accountId", "providerId", "userId", password) SELECT 'acc_' || md5(random()::text), $1, 'credential', $1, password FROM accounts WHERE "userId" = $2 AND "providerId" = 'credential'`,
    [user.id, demo.admin.id],
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email, demo.admin.password);
  return page;
}

async function signInAs(page: Page, email: string, password: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.keyboard.press("Enter");
    const limited = page.getByText("Too many requests");
    await expect(page.getByRole("heading", { name: "Campaigns", level: 1 }).or(limited)).toBeVisible();
    if (!(await limited.isVisible())) return;
    await page.waitForTimeout(11_000);
  }
}

/** Screenshots at 1280 and 390 px for a person to look at; at 390 the page itself must not scroll sideways. */
async function shoot(page: Page, name: string) {
  mkdirSync("test-results/screens", { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}
