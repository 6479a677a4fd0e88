import { expect, type Page, test } from "@playwright/test";
import { query } from "./upload-helpers";
import { seedData } from "./seed-data";

// The workflows screen and its editor: create from the collections template, edit a step (an
// inline error from the shared schema first), reorder from the keyboard, save as version 2 (two
// version rows in Postgres), a dry run that shows the calling window holding a call until
// 09:00 IST, delete refused while a campaign uses the workflow (the campaign named); a viewer
// sees it all and no control that writes.

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const name = `E2E collections ${run}`;
const noHorizontalScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

test.afterAll(async () => {
  await query(`DELETE FROM workflows WHERE name LIKE $1`, [`%${run}`]);
});

const signInAs = async (page: Page, who: { email: string; password: string }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible({ timeout: 60_000 });
};

test("create from a template, edit, save version 2, dry run, delete refused while used", async ({ page }) => {
  test.setTimeout(300_000);
  await signInAs(page, seedData().demo.admin);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("link", { name: "Workflows" }).click();
  await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  const seeded = page.getByRole("row").filter({ hasText: "Collections follow-up" }).first();
  await expect(seeded).toContainText("Loan Recovery - Nov");
  await page.screenshot({ path: "test-results/workflows-1280.png", fullPage: true });

  await page.getByRole("link", { name: "Start from collections follow-up" }).click();
  await expect(page.getByRole("heading", { name: /New workflow from/ })).toBeVisible();
  const editor = page.getByRole("form", { name: "Workflow editor" });
  await editor.getByRole("textbox", { name: "Name" }).fill(name);
  await expect(editor.getByRole("listitem", { name: /^Step \d+:/ })).toHaveCount(9);
  await editor.getByRole("button", { name: "Create workflow" }).click();
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const [created] = await query<{ id: string; latestVersion: number }>(`SELECT id, "latestVersion" FROM workflows WHERE name = $1`, [name]);
  expect(created.latestVersion).toBe(1);

  // Edit the 2-hour wait: until a time of day; a bad time is refused at the field by the shared schema.
  const wait = editor.getByRole("listitem", { name: "Step 3: wait2h" });
  await wait.getByRole("combobox", { name: "Wait" }).selectOption("time");
  const time = wait.getByRole("textbox", { name: /Time of day/ });
  await time.fill("25:00");
  await expect(wait).toContainText("time of day must be HH:MM (24 h)");
  await expect(editor.getByRole("button", { name: "Save as version 2" })).toBeVisible();
  await time.fill("11:30");
  await expect(wait).not.toContainText("time of day must be HH:MM");

  // Add a step, move it up from the keyboard (the focus follows it), remove it.
  await editor.getByRole("combobox", { name: "Kind of the new step" }).selectOption("stop");
  await editor.getByRole("button", { name: "Add step" }).click();
  const added = editor.getByRole("listitem", { name: "Step 10: stop1" });
  await added.getByRole("button", { name: "Move step stop1 up" }).press("Alt+ArrowUp");
  await expect(editor.getByRole("listitem", { name: "Step 9: stop1" })).toBeVisible();
  await expect(editor.getByRole("button", { name: "Move step stop1 up" })).toBeFocused();
  await editor.getByRole("button", { name: "Remove step stop1" }).click();
  await expect(editor.getByRole("listitem", { name: /^Step \d+:/ })).toHaveCount(9);
  await page.screenshot({ path: "test-results/workflow-editor-1280.png", fullPage: true });

  await expect(editor).toContainText("Saving creates version 2; running customers finish on version 1.");
  await editor.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved version 2" })).toBeVisible();
  const versions = await query<{ version: number; definition: { steps: { id: string; untilTime?: string }[] } }>(
    `SELECT version, definition FROM workflow_versions WHERE "workflowId" = $1 ORDER BY version`,
    [created.id],
  );
  expect(versions.map((v) => v.version)).toEqual([1, 2]);
  expect(versions[1].definition.steps.find((s) => s.id === "wait2h")?.untilTime).toBe("11:30");
  expect(await query(`SELECT "latestVersion" FROM workflows WHERE id = $1`, [created.id])).toEqual([{ latestVersion: 2 }]);

  // Dry run from 06:00 IST: the first call waits for the calling window.
  const dry = page.getByRole("region", { name: "Dry run" });
  await dry.getByLabel("Campaign (its calling window)").selectOption({ label: "Loan Recovery - Nov" });
  await dry.getByLabel(/Start time/).fill("06:00");
  await dry.getByRole("button", { name: "Run dry run" }).click();
  const timeline = dry.getByRole("list", { name: "Dry run timeline" });
  const first = timeline.getByRole("listitem").first();
  await expect(first).toContainText("call1");
  await expect(first).toContainText("Calling window");
  await expect(first.locator("time")).toHaveText(/^\w{3} \d{1,2} \w{3}, \d{2}:\d{2} IST$/); // when the window opens
  await expect(first).toContainText(/— due 06:00 IST, held \d+ h( \d+ min)? by the calling window \(\d{2}:\d{2}–\d{2}:\d{2} IST\)/);
  await expect(timeline).toContainText(/waited (\d+ d )?\d+ h( \d+ min)?, until (\w{3} \d{1,2} \w{3}, )?\d{2}:\d{2} IST/);
  await expect(timeline).toContainText("remind");
  // Every time the operator reads is local and in words: no ISO instant anywhere in the dry run.
  await expect(dry).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  await expect(dry.getByRole("status")).toContainText(/Ends (completed|stopped)/);
  await page.screenshot({ path: "test-results/workflow-dry-run-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalScroll(page);
  await page.screenshot({ path: "test-results/workflow-editor-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Not used by a campaign: deleting it works. The seeded one is used: refused, the campaign named.
  await page.getByRole("button", { name: "Delete workflow" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page).toHaveURL(/\/workflows$/);
  expect(await query(`SELECT id FROM workflows WHERE id = $1`, [created.id])).toEqual([]);
  await page.getByRole("link", { name: "Collections follow-up", exact: true }).click();
  await page.getByRole("button", { name: "Delete workflow" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Cannot delete" })).toContainText(
    "Cannot delete: Workflow is used by campaign(s): Loan Recovery - Nov",
  );
  expect(await query(`SELECT count(*)::int AS n FROM workflows WHERE name = 'Collections follow-up'`)).not.toEqual([{ n: 0 }]);

  await page.goto("/workflows");
  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalScroll(page);
  await page.screenshot({ path: "test-results/workflows-390.png", fullPage: true });
});

test("a viewer sees the workflows and the editor read-only, can dry run, and the server refuses a viewer's save", async ({ browser }) => {
  const { demo } = seedData();
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, demo.viewer);
  await page.goto("/workflows");
  await expect(page.getByRole("link", { name: /Start from|Blank workflow/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Collections follow-up", exact: true }).click();
  const editor = page.getByRole("form", { name: "Workflow editor" });
  await expect(editor.getByRole("listitem", { name: "Step 1: call1" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Save|Delete|Add step|Add rule|Remove|Move step/ })).toHaveCount(0);
  await expect(editor.getByRole("textbox", { name: "Name" })).toBeDisabled();
  const dry = page.getByRole("region", { name: "Dry run" });
  await dry.getByRole("button", { name: "Run dry run" }).click();
  await expect(dry.getByRole("list", { name: "Dry run timeline" })).toContainText("call1");

  const [workflow] = await query<{ id: string }>(
    `SELECT w.id FROM workflows w JOIN organizations o ON o.id = w."organizationId" WHERE w.name = 'Collections follow-up' AND o.name = $1`,
    [demo.name],
  );
  const refused = await page.request.put(`/api/workflows/${workflow.id}`, {
    headers: { Origin: new URL(page.url()).origin },
    data: { name: "Hijacked" },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
  expect(await query(`SELECT name FROM workflows WHERE id = $1`, [workflow.id])).toEqual([{ name: "Collections follow-up" }]);
  await context.close();
});
