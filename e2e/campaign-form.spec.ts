import { expect, test, type Page } from "@playwright/test";
import { apiAuth, query, signIn } from "./upload-helpers";
import { seedData } from "./seed-data";

// The campaign form (/campaigns/new, /campaigns/{id}/edit) through the screen: client checks by the
// API's own zod schema, the server's refusals shown at their field, the legal calling window beside
// the daily one, the CRM field editor with its live sample CSV, delete with what goes with it, and a
// viewer's read-only view. Every write is checked in Postgres and through the API.

const run = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
const fieldOf = (page: Page, label: string) => page.locator("label.field").filter({ has: page.getByText(label, { exact: true }) });

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test("create, edit and delete a campaign through the form", async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "New campaign" }).click();
  await expect(page.getByRole("heading", { name: "New campaign", level: 1 })).toBeVisible();

  const name = `Form e2e ${run}`;
  await page.getByLabel("Name").fill(seedData().demo.campaigns[0].name); // taken: the server says so at the field
  await page.getByLabel("Description").fill("made on screen");
  await page.getByLabel("Start date").fill("2027-01-10");
  await page.getByLabel("End date").fill("2027-01-05");
  await page.getByLabel("Daily start").fill("07:00");
  await page.getByLabel("Daily end").fill("20:00");
  await page.getByLabel("Region").fill("south");
  await page.getByLabel("hindi").check();
  await page.getByLabel("Tags (comma-separated)").fill("q1, north");
  await page.getByLabel("Simultaneous calls").fill("4");
  await page.getByLabel("Retries of a No Contact / Failed call").fill("11");
  await expect(page.getByTestId("legal-window")).toHaveText(
    /Legal hours for debt collection \(RBI\): 08:00–19:00.*Calls are placed 08:00–19:00\./,
  );

  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(fieldOf(page, "End date")).toContainText("must not be before startDate");
  await expect(fieldOf(page, "Retries of a No Contact / Failed call")).toContainText("must be a whole number from 0 to 10");
  await page.getByLabel("End date").fill("2027-03-31");
  await page.getByLabel("Retries of a No Contact / Failed call").fill("3");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(fieldOf(page, "Name")).toContainText("A campaign with this name already exists");

  await page.getByLabel("Name").fill(name);
  // The organization's workflows are offered; the seed's collections workflow is chosen.
  const [workflow] = await query<{ id: string; name: string }>(
    `SELECT id, name FROM workflows WHERE "organizationId" = $1 ORDER BY "createdAt" LIMIT 1`,
    [seedData().demo.id],
  );
  await page.getByLabel("Follow-up workflow").selectOption({ label: workflow.name });
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name, level: 1, exact: true })).toBeVisible();
  const [row] = await query<{
    id: string;
    maxConcurrentCalls: number;
    maxRetries: number;
    startTime: string;
    tags: string[];
    languages: string[];
    workflowId: string | null;
  }>(`SELECT id, "maxConcurrentCalls", "maxRetries", "startTime", tags, languages, "workflowId" FROM campaigns WHERE name = $1`, [name]);
  expect(row).toMatchObject({ maxConcurrentCalls: 4, maxRetries: 3, startTime: "07:00", tags: ["q1", "north"], workflowId: workflow.id });
  expect([...row.languages].sort()).toEqual(["english", "hindi"]);
  const id = row.id;
  const viaApi = await request.get(`/api/v1/campaigns/${id}`, { headers: apiAuth() });
  expect((await viaApi.json()).data).toMatchObject({
    name,
    description: "made on screen",
    region: "south",
    endDate: "2027-03-31",
    collection_type: "emi",
  });

  // Edit: the server refuses a type of another service at the field; a lead campaign's legal window is TRAI's.
  await page.goto(`/campaigns/${id}/edit`);
  await page.getByLabel("Type").selectOption("lead");
  await expect(page.getByTestId("legal-window")).toContainText("09:00–21:00");
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(fieldOf(page, "Type")).toContainText("cannot change from emi to lead");
  await page.getByLabel("Type").selectOption("edi");
  await page.getByLabel("Description").fill("edited on screen");
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await expect(fieldOf(page, "Time zone")).toContainText("must be an IANA time zone");
  await page.getByLabel("Time zone").fill("Asia/Dubai");
  await page.getByLabel("Minutes between retries").fill("30");
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByRole("heading", { name, level: 1, exact: true })).toBeVisible();
  const [edited] = await query(`SELECT "campaignType", description, timezone, "retryDelayMinutes" FROM campaigns WHERE id = $1`, [id]);
  expect(edited).toEqual({ campaignType: "edi", description: "edited on screen", timezone: "Asia/Dubai", retryDelayMinutes: 30 });
  expect((await (await request.get(`/api/v1/campaigns/${id}`, { headers: apiAuth() })).json()).data).toMatchObject({
    collection_type: "edi",
    timezone: "Asia/Dubai",
  });

  // What makes two contacts the same person (the wizard's setting) is set here too.
  await page.goto(`/campaigns/${id}/edit`);
  await page.getByLabel("Duplicates").selectOption("phone");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved: by phone." })).toBeVisible();
  expect(await query(`SELECT "duplicatesBy" FROM campaigns WHERE id = $1`, [id])).toEqual([{ duplicatesBy: "phone" }]);

  // Delete says what goes with it: two contacts and the upload job that added them.
  const loan = (n: number) => ({
    loan_id: `${run}-${n}`,
    first_name: "Rahul",
    last_name: "Sharma",
    phone_number: String(9_810_000_000 + n),
    loan_amount: 50000,
    emi_amount: 2500,
    loan_period: 12,
    current_emi: 5,
    emi_due_date: "2025-03-15",
    payment_status: "pending",
  });
  const added = await request.post("/api/v1/customers/add/bulk", {
    headers: apiAuth(),
    data: { campaignId: id, records: [loan(1), loan(2)] },
  });
  expect(added.ok()).toBe(true);
  await page.goto(`/campaigns/${id}/edit`);
  await page.getByRole("button", { name: "Delete campaign…" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Its 2 contacts, 1 upload jobs and 0 calls are deleted with it.");
  await page.getByRole("button", { name: "Keep it" }).click();
  await page.getByRole("button", { name: "Delete campaign…" }).click();
  await page.getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  expect(await query(`SELECT id FROM campaigns WHERE id = $1`, [id])).toEqual([]);
  expect(await query(`SELECT id FROM customers WHERE "campaignId" = $1`, [id])).toEqual([]);
  expect((await request.get(`/api/v1/campaigns/${id}`, { headers: apiAuth() })).status()).toBe(404);
});

test("a custom campaign's CRM fields, checked as typed, with the live sample CSV", async ({ page, request }) => {
  await signIn(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/campaigns/new");
  const name = `Form e2e custom ${run}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Type").selectOption("custom");
  await expect(page.getByTestId("legal-window")).toContainText("09:00–21:00");
  await page.getByLabel("Start date").fill("2027-01-10");
  await page.getByLabel("End date").fill("2027-02-10");
  await page.getByLabel("Region").fill("west");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.locator(".crm-editor")).toContainText("must list at least one field");

  await page.getByRole("button", { name: "Add CRM field" }).click();
  const first = page.getByRole("group", { name: "CRM field 1" });
  await first.getByLabel("Key").fill("Customer ID");
  await expect(first).toContainText("must look like section:field");
  await first.getByLabel("Key").fill("customer_info:customer_id");
  await expect(first).not.toContainText("must look like section:field");
  await first.getByLabel("Required").check();
  await page.getByRole("button", { name: "Add CRM field" }).click();
  const second = page.getByRole("group", { name: "CRM field 2" });
  await second.getByLabel("Key").fill("loan_info:amount");
  await second.getByLabel("Label").fill("Amount due");
  await second.getByLabel("Type").selectOption("number");
  await page.getByLabel("Identifies a contact").selectOption("customer_info:customer_id");
  await expect(page.getByTestId("csv-preview")).toContainText("numeric,user,customer_info:customer_id,loan_info:amount");

  await noHorizontalScroll(page);
  await page.screenshot({ path: "test-results/campaign-new-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalScroll(page);
  await page.screenshot({ path: "test-results/campaign-new-390.png", fullPage: true });

  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name, level: 1, exact: true })).toBeVisible();
  const [row] = await query<{
    id: string;
    fieldSchema: { identifierKey: string; fields: { key: string; type: string; required: boolean; label: string }[] };
  }>(`SELECT id, "fieldSchema" FROM campaigns WHERE name = $1`, [name]);
  expect(row.fieldSchema.identifierKey).toBe("customer_info:customer_id");
  expect(row.fieldSchema.fields.map((f) => [f.key, f.type, f.required])).toEqual([
    ["numeric", "phone", true],
    ["user", "string", false],
    ["customer_info:customer_id", "string", true],
    ["loan_info:amount", "number", false],
  ]);
  const viaApi = (await (await request.get(`/api/v1/campaigns/${row.id}`, { headers: apiAuth() })).json()).data;
  expect(viaApi.fields.map((f: { key: string }) => f.key)).toEqual(["numeric", "user", "customer_info:customer_id", "loan_info:amount"]);

  await page.goto(`/campaigns/${row.id}/edit`);
  await expect(page.getByText("customer_info:customer_id (required) — identifies a contact")).toBeVisible();
  await noHorizontalScroll(page);
  await page.screenshot({ path: "test-results/campaign-edit-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/campaign-edit-1280.png", fullPage: true });
  await request.delete(`/api/v1/campaigns/${row.id}`, { headers: apiAuth() });
});

test("a viewer sees the campaign form read-only and no control that writes", async ({ browser }) => {
  const { demo } = seedData();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.viewer.email);
  await page.getByLabel("Password").fill(demo.viewer.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("link", { name: "New campaign" })).toHaveCount(0);
  await page.getByRole("link", { name: `View settings of ${demo.campaigns[0].name}` }).click();
  await expect(page.getByLabel("Name")).toHaveValue(demo.campaigns[0].name);
  await expect(page.getByLabel("Name")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save campaign" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  await expect(page.getByText("You have read-only access")).toBeVisible();
  await page.goto("/campaigns/new");
  await expect(page.getByRole("button", { name: "Create campaign" })).toHaveCount(0);
  await context.close();
});
