import { expect, test, type Page } from "@playwright/test";
import { apiAuth, query, signIn } from "./upload-helpers";
import { seedData } from "./seed-data";

// The dispositions screen over TimePay's dispositions API: add, edit and delete dispositions and
// groups with their members; priority 0–1000 and unique names shown at the field; a disposition a
// group still uses cannot be deleted and the screen says which group. Postgres and the API agree.

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const fieldOf = (page: Page, label: string) =>
  page.locator("label.field").filter({ hasText: new RegExp(`^${label.replace(/[()]/g, "\\$&")}`) });

test.afterAll(async () => {
  await query(`DELETE FROM disposition_groups WHERE name LIKE $1`, [`%${run}`]);
  await query(`DELETE FROM dispositions WHERE name LIKE $1`, [`%${run}`]);
});

test("add, edit and delete dispositions and groups", async ({ page, request }) => {
  await signIn(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "Dispositions" }).click();
  await expect(page.getByRole("heading", { name: "Dispositions", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "New disposition" }).click();
  const form = page.getByRole("form", { name: "New disposition" });
  await form.getByRole("textbox", { name: /^Name/ }).fill(seedData().demo.dispositions[0].name);
  await form.getByLabel("Priority (0–1000)").fill("1001");
  await form.getByRole("button", { name: "Add disposition" }).click();
  await expect(fieldOf(page, "Priority (0–1000)")).toContainText("must be between 0 and 1000");
  await form.getByLabel("Priority (0–1000)").fill("42");
  await form.getByRole("button", { name: "Add disposition" }).click();
  await expect(fieldOf(page, "Name")).toContainText("A disposition with this name already exists");
  const name = `Callback later ${run}`;
  await form.getByRole("textbox", { name: /^Name/ }).fill(name);
  await form.getByLabel("Description").fill("customer asked for a callback");
  await form.getByRole("button", { name: "Add disposition" }).click();
  const row = page.getByRole("table", { name: "Dispositions" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("42");
  const [stored] = await query<{ id: string; priority: number }>(`SELECT id, priority FROM dispositions WHERE name = $1`, [name]);
  expect(stored.priority).toBe(42);
  const viaApi = await request.get(`/api/v1/dispositions/${stored.id}`, { headers: apiAuth() });
  expect((await viaApi.json()).data).toMatchObject({ name, priority: 42, description: "customer asked for a callback" });

  await row.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("form", { name: `Edit ${name}` });
  await edit.getByLabel("Priority (0–1000)").fill("7");
  await edit.getByRole("button", { name: "Save disposition" }).click();
  await expect(row.getByRole("cell", { name: "7", exact: true })).toBeVisible();
  expect(await query(`SELECT priority FROM dispositions WHERE id = $1`, [stored.id])).toEqual([{ priority: 7 }]);

  // A group holding it: deleting the disposition is refused, naming the group.
  const group = `Follow-ups ${run}`;
  await page.getByRole("button", { name: "New group" }).click();
  const groupForm = page.getByRole("form", { name: "New group" });
  await groupForm.getByLabel("Group name").fill(group);
  await groupForm.getByLabel(name).check();
  await groupForm.getByRole("button", { name: "Add group" }).click();
  const groupRow = page.getByRole("table", { name: "Disposition groups" }).getByRole("row").filter({ hasText: group });
  await expect(groupRow).toContainText(name);
  const [storedGroup] = await query<{ id: string }>(`SELECT id FROM disposition_groups WHERE name = $1`, [group]);
  expect(await query(`SELECT "dispositionId" FROM disposition_group_members WHERE "groupId" = $1`, [storedGroup.id])).toEqual([
    { dispositionId: stored.id },
  ]);
  await expect(row).toContainText(group);
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(page.locator(".alert-error")).toHaveText(`Cannot delete: Disposition is used in group(s): ${group}`);
  expect(await query(`SELECT id FROM dispositions WHERE id = $1`, [stored.id])).toHaveLength(1);

  await page.screenshot({ path: "test-results/dispositions-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/dispositions-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Take it out of the group, then both can go.
  await groupRow.getByRole("button", { name: `Edit group ${group}` }).click();
  await page
    .getByRole("form", { name: `Edit group ${group}` })
    .getByLabel(name)
    .uncheck();
  await page.getByRole("button", { name: "Save group" }).click();
  await expect(groupRow).not.toContainText(name);
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(row).toHaveCount(0);
  expect(await query(`SELECT id FROM dispositions WHERE id = $1`, [stored.id])).toEqual([]);
  await groupRow.getByRole("button", { name: `Delete group ${group}` }).click();
  await expect(groupRow).toHaveCount(0);
  expect((await request.get(`/api/v1/dispositions/groups/${storedGroup.id}`, { headers: apiAuth() })).status()).toBe(404);
});

test("a viewer sees dispositions and groups and no control that writes", async ({ browser }) => {
  const { demo } = seedData();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.viewer.email);
  await page.getByLabel("Password").fill(demo.viewer.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible({ timeout: 20_000 });
  await page.goto("/dispositions");
  await expect(page.getByRole("table", { name: "Dispositions" })).toContainText(demo.dispositions[0].name);
  await expect(page.getByRole("table", { name: "Disposition groups" })).toContainText(demo.dispositionGroup.name);
  await expect(page.getByRole("button", { name: /New|Edit|Delete/ })).toHaveCount(0);
  await context.close();
});
