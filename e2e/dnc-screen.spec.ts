import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { hashPassword } from "better-auth/crypto";
import { apiAuth, csv, query } from "./upload-helpers";
import { seedData } from "./seed-data";

// The DNC screen: add one number (server errors at the field, a duplicate says so), find it typed
// another way, upload a file with bad rows (each row's problem shown, the valid ones added in one
// go), remove (asks first) and re-activate, the history — checked against Postgres and GET
// /api/dnc; a viewer reads everything and has no control that writes; an empty list says what it
// is for. Screenshots at 1280 and 390 px.

// Distinct Indian mobiles per run: 9 + 9 digits.
const base = 900_000_000 + (Date.now() % 99_000_000);
const mobile = (i: number) => `9${String(base + i).padStart(9, "0")}`;
const spaced = (n: string) => `${n.slice(0, 5)} ${n.slice(5)}`;
const one = mobile(0);
const fileNew = [mobile(1), mobile(2)];
const fieldOf = (page: Page, label: string) => page.locator("label.field").filter({ hasText: new RegExp(`^${label}`) });
const noHorizontalScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
const emptyOrg = `dnc-empty-${randomUUID().slice(0, 8)}`;

/** Signs in through the form; the sidebar's link shows the app is open (a loaded machine signs in slowly). */
async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Do not call" })).toBeVisible({ timeout: 45_000 });
}

test.afterAll(async () => {
  const numbers = [one, ...fileNew, mobile(8)].map((n) => `+91${n}`);
  await query(`DELETE FROM dnc_entries WHERE "phoneE164" = ANY($1)`, [numbers]);
  await query(`DELETE FROM dnc_events WHERE "phoneE164" = ANY($1)`, [numbers]);
  await query(`DELETE FROM organizations WHERE slug = $1`, [emptyOrg]);
});

test("add, search another way, upload a file with bad rows, remove, re-activate, history", async ({ page, request }) => {
  const { demo } = seedData();
  const [admin] = await query<{ name: string }>(`SELECT name FROM users WHERE email = $1`, [demo.admin.email]);
  test.setTimeout(300_000);
  await signInAs(page, demo.admin.email, demo.admin.password);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("link", { name: "Do not call" }).click();
  await expect(page.getByRole("heading", { name: "Do not call", level: 1 })).toBeVisible();

  // Add one: the core's phone check and the duplicate answer land at the number field.
  await page.getByRole("button", { name: "Add a number" }).click();
  const form = page.getByRole("form", { name: "Add a number" });
  await form.getByLabel("Phone number").fill("12345");
  await form.getByRole("button", { name: "Add to the list" }).click();
  await expect(fieldOf(page, "Phone number")).toContainText(/short|invalid|not/i);
  await form.getByLabel("Phone number").fill(spaced(one));
  await form.getByLabel("Reason (optional)").fill("Asked not to be called (e2e)");
  await form.getByRole("button", { name: "Add to the list" }).click();
  await expect(page.getByRole("status").filter({ hasText: `+91${one} is on the list.` })).toBeVisible();
  expect(await query(`SELECT scope, "phoneRaw", status, reason FROM dnc_entries WHERE "phoneE164" = $1`, [`+91${one}`])).toEqual([
    { scope: "", phoneRaw: spaced(one), status: "active", reason: "Asked not to be called (e2e)" },
  ]);
  expect(await query(`SELECT action, actor, source FROM dnc_events WHERE "phoneE164" = $1`, [`+91${one}`])).toEqual([
    { action: "added", actor: admin.name, source: "ui" },
  ]);
  await page.getByRole("button", { name: "Add a number" }).click();
  await form.getByLabel("Phone number").fill(`+91 ${one}`);
  await form.getByRole("button", { name: "Add to the list" }).click();
  await expect(fieldOf(page, "Phone number")).toContainText(`+91${one} is already on the global list`);
  await form.getByRole("button", { name: "Cancel" }).click();

  // Search it typed another way: with the country code and a dash.
  const search = page.getByRole("form", { name: "Search the list" });
  await search.getByLabel("Number").fill(`+91 ${one.slice(0, 5)}-${one.slice(5)}`);
  await search.getByRole("button", { name: "Search" }).click();
  const rows = page.getByRole("table", { name: "Numbers" }).getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(`+91${one}`);
  await expect(rows.nth(1)).toContainText(`entered as ${spaced(one)}`);
  await expect(rows.nth(1)).toContainText(`by ${admin.name}`);
  const api = await (await request.get(`/api/dnc?q=${encodeURIComponent(spaced(one))}`, { headers: apiAuth() })).json();
  expect(api).toMatchObject({ total: 1, rows: [{ phoneE164: `+91${one}`, status: "active", campaignId: null }] });

  // Upload a file with bad rows: the wizard's reader, the detected phone column, each row's problem.
  await page.getByRole("button", { name: "Upload a file" }).click();
  const upload = page.getByRole("region", { name: "Upload a file of numbers" });
  await upload.getByLabel("File").setInputFiles({
    name: "complaints.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      csv(
        "Name,Mobile,Note",
        `Asha,${fileNew[0]},x`,
        "Ravi,not a number,y",
        `Meera,+91 ${spaced(fileNew[0])},z`,
        `Old,${one},w`,
        `Kiran,${fileNew[1]},v`,
      ),
    ),
  });
  await expect(upload.getByRole("table", { name: "File preview" })).toContainText(fileNew[0]);
  await expect(upload.getByLabel("Phone column")).toHaveValue("1");
  await expect(upload.getByLabel("The first row is a header")).toBeChecked();
  await upload.getByRole("button", { name: "Check 5 rows" }).click();
  const problems = upload.getByRole("table", { name: "Rows with a problem" });
  await expect(problems.getByRole("row")).toHaveCount(4);
  await expect(problems.getByRole("row").nth(1)).toContainText("3not a numberNot a phone number");
  await expect(problems.getByRole("row").nth(2)).toContainText("Same number as row 2");
  await expect(problems.getByRole("row").nth(3)).toContainText("Already on the list");
  expect(await query(`SELECT count(*)::int AS n FROM dnc_entries WHERE "phoneE164" = ANY($1)`, [fileNew.map((n) => `+91${n}`)])).toEqual([
    { n: 0 },
  ]);
  await page.screenshot({ path: "test-results/dnc-upload-1280.png", fullPage: true });
  await upload.getByRole("button", { name: "Add 2 numbers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 2 numbers; skipped 3 rows with a problem." })).toBeVisible();
  expect(
    await query(`SELECT "phoneE164", "phoneRaw", status FROM dnc_entries WHERE "phoneE164" = ANY($1) ORDER BY "phoneE164"`, [
      fileNew.map((n) => `+91${n}`),
    ]),
  ).toEqual(fileNew.map((n) => ({ phoneE164: `+91${n}`, phoneRaw: n, status: "active" })));

  // Remove (asks first), then re-activate.
  await page.goto(`/dnc?q=${one}`);
  await page.getByRole("button", { name: `Remove +91${one}` }).click();
  await expect(page.getByText(`Remove +91${one}? It can be called again.`)).toBeVisible();
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await expect(rows.nth(1)).toContainText("Removed");
  await expect(rows.nth(1)).toContainText(`by ${admin.name}`);
  expect(await query(`SELECT status FROM dnc_entries WHERE "phoneE164" = $1`, [`+91${one}`])).toEqual([{ status: "inactive" }]);
  expect((await (await request.get(`/api/dnc?q=${one}&status=inactive`, { headers: apiAuth() })).json()).total).toBe(1);
  await page.getByRole("button", { name: `Re-activate +91${one}` }).click();
  await expect(rows.nth(1).getByText("Active", { exact: true })).toBeVisible();
  expect(await query(`SELECT status FROM dnc_entries WHERE "phoneE164" = $1`, [`+91${one}`])).toEqual([{ status: "active" }]);
  await page.screenshot({ path: "test-results/dnc-list-1280.png", fullPage: true });

  // History: who added, removed and re-activated it, newest first.
  await page.getByRole("link", { name: `History of +91${one}` }).click();
  const changes = page.getByRole("table", { name: "Changes" }).getByRole("row");
  await expect(changes).toHaveCount(4);
  await expect(changes.nth(1)).toContainText("Re-activated");
  await expect(changes.nth(2)).toContainText("Removed");
  await expect(changes.nth(3)).toContainText("Added");
  await expect(changes.nth(3)).toContainText(admin.name);
  expect(await query(`SELECT action FROM dnc_events WHERE "phoneE164" = $1 ORDER BY "createdAt"`, [`+91${one}`])).toEqual([
    { action: "added" },
    { action: "deactivated" },
    { action: "reactivated" },
  ]);
  await page.getByRole("link", { name: "Show every change" }).click();
  await expect(page.getByRole("table", { name: "Changes" })).toContainText(`+91${fileNew[1]}`);
  await page.screenshot({ path: "test-results/dnc-history-1280.png", fullPage: true });

  // 390 px: list, history and the upload panel, no horizontal scroll.
  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalScroll(page);
  await page.screenshot({ path: "test-results/dnc-history-390.png", fullPage: true });
  await page.goto("/dnc");
  await noHorizontalScroll(page);
  await page.screenshot({ path: "test-results/dnc-list-390.png", fullPage: true });
  await page.getByRole("button", { name: "Upload a file" }).click();
  await upload.getByLabel("File").setInputFiles({ name: "n.csv", mimeType: "text/csv", buffer: Buffer.from(csv("Mobile", one, "bad")) });
  await upload.getByRole("button", { name: "Check 2 rows" }).click();
  await expect(upload.getByRole("table", { name: "Rows with a problem" }).getByRole("row")).toHaveCount(3);
  await noHorizontalScroll(page);
  await page.screenshot({ path: "test-results/dnc-upload-390.png", fullPage: true });
});

test("a viewer sees the list and the history and no control that writes; the server refuses a write", async ({ browser }) => {
  const { demo } = seedData();
  const context = await browser.newContext();
  const page = await context.newPage();
  // Its own entry: a failed journey restarts the worker, and the run's numbers with it.
  const own = mobile(8);
  await query(
    `INSERT INTO dnc_entries (id, "organizationId", scope, "phoneRaw", "phoneE164", status) VALUES ($1, $2, '', $3, $4, 'active')`,
    [`dnc_${randomUUID()}`, demo.id, own, `+91${own}`],
  );
  await signInAs(page, demo.viewer.email, demo.viewer.password);
  await page.goto(`/dnc?q=${own}`);
  await expect(page.getByRole("table", { name: "Numbers" })).toContainText(`+91${own}`);
  await expect(page.getByRole("button", { name: /Add a number|Upload a file|Remove|Re-activate/ })).toHaveCount(0);
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("region", { name: "Do-not-call history" })).toBeVisible();
  const origin = new URL(page.url()).origin;
  const refused = await page.request.post("/api/dnc", { headers: { Origin: origin }, data: { number: mobile(9), campaignId: null } });
  expect(refused.status()).toBe(403);
  const [entry] = await query<{ id: string }>(`SELECT id FROM dnc_entries WHERE "phoneE164" = $1`, [`+91${own}`]);
  const patch = await page.request.patch(`/api/dnc/${entry.id}`, { headers: { Origin: origin }, data: { active: false } });
  expect(patch.status()).toBe(403);
  expect(await query(`SELECT status FROM dnc_entries WHERE id = $1`, [entry.id])).toEqual([{ status: "active" }]);
  expect(await query(`SELECT id FROM dnc_entries WHERE "phoneE164" = $1`, [`+91${mobile(9)}`])).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalScroll(page);
  await page.screenshot({ path: "test-results/dnc-viewer-390.png", fullPage: true });
  await context.close();
});

test("an empty list says what it is for and offers add and upload", async ({ browser }) => {
  const orgId = `org_${randomUUID()}`;
  const userId = `usr_${randomUUID()}`;
  const email = `${emptyOrg}@test.local`;
  await query(`INSERT INTO organizations (id, name, slug) VALUES ($1, 'Empty DNC Ltd', $2)`, [orgId, emptyOrg]);
  await query(`INSERT INTO users (id, name, email, "organizationId") VALUES ($1, 'Empty Admin', $2, $3)`, [userId, email, orgId]);
  await query(`INSERT INTO members (id, "organizationId", "userId", role) VALUES ('mbr_' || $1, $2, $1, 'admin')`, [userId, orgId]);
  await query(`INSERT INTO accounts (id, "accountId", "providerId", "userId", password) VALUES ($1, $2, 'credential', $2, $3)`, [
    `acc_${randomUUID()}`,
    userId,
    await hashPassword("empty-dnc-password"),
  ]);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email, "empty-dnc-password");
  await page.goto("/dnc");
  await expect(page.getByRole("heading", { name: "No numbers on the do-not-call list" })).toBeVisible();
  await expect(page.getByText("Numbers on this list are never dialled")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a number" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Upload a file" })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "test-results/dnc-empty-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalScroll(page);
  await page.screenshot({ path: "test-results/dnc-empty-390.png", fullPage: true });
  await context.close();
});
