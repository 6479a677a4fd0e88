import { expect, test, type Page } from "@playwright/test";
import { apiAuth, query, signIn } from "./upload-helpers";
import { seedData } from "./seed-data";

// The agents screen: add an AI voice agent and a human dialer user, edit, deactivate and
// reactivate, with client and server errors at their field; Postgres and GET /api/v1/agents agree;
// a viewer sees the list and no control that writes.

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const fieldOf = (page: Page, label: string) => page.locator("label.field").filter({ hasText: new RegExp(`^${label}`) });
const agentViaApi = async (request: import("@playwright/test").APIRequestContext, username: string) =>
  (
    (await (await request.get(`/api/v1/agents?search=${username}`, { headers: apiAuth() })).json()).data as {
      username: string;
      active: boolean;
      name: string;
      variables: string[];
    }[]
  ).find((a) => a.username === username);

test.afterAll(async () => {
  await query(`DELETE FROM agents WHERE username LIKE $1`, [`%${run}`]);
});

test("add, edit, deactivate and reactivate agents", async ({ page, request }) => {
  await signIn(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "Agents" }).click();
  await expect(page.getByRole("heading", { name: "Agents", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "New agent" }).click();
  const form = page.getByRole("form", { name: "New agent" });
  await form.getByRole("button", { name: "Add agent" }).click();
  await expect(fieldOf(page, "Name")).toContainText("must not be empty");
  await form.getByRole("textbox", { name: /^Name/ }).fill("Priya (AI)");
  await form.getByLabel("Username").fill("has space");
  await expect(fieldOf(page, "Username")).toContainText("may hold letters, digits and . _ @ - only");
  await form.getByLabel("Username").fill(seedData().demo.agents[0].username); // taken: the server says so at the field
  await form.getByRole("textbox", { name: "Voice" }).fill("aditi");
  await form.getByLabel("Language").selectOption("hindi");
  await form.getByRole("button", { name: "Add agent" }).click();
  await expect(fieldOf(page, "Username")).toContainText("An agent with this username already exists");
  const ai = `priya_${run}`;
  await form.getByLabel("Username").fill(ai);
  await form.getByRole("button", { name: "Add agent" }).click();
  const row = page.getByRole("row").filter({ hasText: ai });
  await expect(row).toContainText("aditi · hindi");
  expect(await query(`SELECT name, kind, voice, language, active FROM agents WHERE username = $1`, [ai])).toEqual([
    { name: "Priya (AI)", kind: "ai", voice: "aditi", language: "hindi", active: true },
  ]);
  expect(await agentViaApi(request, ai)).toMatchObject({ name: "Priya (AI)", active: true });

  // A human dialer user: no voice or language.
  await page.getByRole("button", { name: "New agent" }).click();
  await form.getByLabel("Human dialer user").check();
  await expect(form.getByRole("textbox", { name: "Voice" })).toHaveCount(0);
  await form.getByRole("textbox", { name: /^Name/ }).fill("Ravi Kumar");
  const human = `ravi_${run}`;
  await form.getByLabel("Username").fill(human);
  await form.getByRole("button", { name: "Add agent" }).click();
  await expect(page.getByRole("row").filter({ hasText: human })).toContainText("Human dialer user");
  expect(await query(`SELECT kind, voice FROM agents WHERE username = $1`, [human])).toEqual([{ kind: "human", voice: null }]);

  // Edit, then deactivate: the API reports it inactive; activate again.
  await row.getByRole("button", { name: "Edit Priya (AI)" }).click();
  const edit = page.getByRole("form", { name: "Edit Priya (AI)" });
  await edit.getByRole("textbox", { name: /^Name/ }).fill("Priya Hindi");
  await edit.getByRole("button", { name: "Save agent" }).click();
  await expect(page.getByRole("row").filter({ hasText: ai })).toContainText("Priya Hindi");
  expect(await query(`SELECT name FROM agents WHERE username = $1`, [ai])).toEqual([{ name: "Priya Hindi" }]);
  await page.getByRole("button", { name: "Deactivate Priya Hindi" }).click();
  await expect(page.getByRole("row").filter({ hasText: ai })).toContainText("Inactive: takes no new calls");
  expect(await query(`SELECT active FROM agents WHERE username = $1`, [ai])).toEqual([{ active: false }]);
  expect(await agentViaApi(request, ai)).toMatchObject({ active: false });
  await page.getByRole("button", { name: "Activate Priya Hindi" }).click();
  await expect(page.getByRole("row").filter({ hasText: ai })).toContainText("Active");
  expect(await query(`SELECT active FROM agents WHERE username = $1`, [ai])).toEqual([{ active: true }]);

  await page.screenshot({ path: "test-results/agents-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/agents-390.png", fullPage: true });
});

test("an AI agent's variables: chips checked as typed against the campaigns' fields, saved, listed by the API", async ({
  page,
  request,
}) => {
  await signIn(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/agents");
  await page.getByRole("button", { name: "New agent" }).click();
  const form = page.getByRole("form", { name: "New agent" });
  await form.getByRole("textbox", { name: /^Name/ }).fill("Meera (AI)");
  const username = `meera_${run}`;
  await form.getByLabel("Username").fill(username);
  const variables = form.getByLabel("Variables", { exact: true });
  const chips = form.getByRole("list", { name: "Variables of the agent" });
  // A comma adds each key typed so far; Enter adds the last one.
  await variables.pressSequentially("first_name, emi_due_date,");
  await expect(chips.getByRole("listitem")).toHaveText(["first_name×", "emi_due_date×"]);
  await variables.fill("due amount");
  await variables.press("Enter");
  await expect(form.getByText("due amount is not a field key: letters, digits and _ (a CRM key as section:field)")).toBeVisible();
  await expect(chips.getByRole("listitem")).toHaveCount(2);
  await variables.fill("loan_note");
  await variables.press("Enter");
  await expect(chips.getByRole("listitem")).toHaveCount(3);
  await expect(form.getByRole("status")).toHaveText(
    "No campaign has the field loan_note: calls with this agent are refused until one does.",
  );
  await page.screenshot({ path: "test-results/agents-variables-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/agents-variables-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await form.getByRole("button", { name: "Remove variable loan_note" }).click();
  await expect(form.getByRole("status")).toHaveCount(0);
  await form.getByRole("button", { name: "Add agent" }).click();

  const row = page.getByRole("row").filter({ hasText: username });
  await expect(row).toContainText("first_nameemi_due_date");
  expect(await query(`SELECT variables FROM agents WHERE username = $1`, [username])).toEqual([
    { variables: ["first_name", "emi_due_date"] },
  ]);
  expect(await agentViaApi(request, username)).toMatchObject({ variables: ["first_name", "emi_due_date"] });

  // Edit: one removed, one added (typed and left by saving), order kept.
  await row.getByRole("button", { name: "Edit Meera (AI)" }).click();
  const edit = page.getByRole("form", { name: "Edit Meera (AI)" });
  await edit.getByRole("button", { name: "Remove variable first_name" }).click();
  await edit.getByLabel("Variables", { exact: true }).fill("emi_amount");
  await edit.getByRole("button", { name: "Save agent" }).click();
  await expect(page.getByRole("form", { name: "Edit Meera (AI)" })).toHaveCount(0);
  expect(await query(`SELECT variables FROM agents WHERE username = $1`, [username])).toEqual([
    { variables: ["emi_due_date", "emi_amount"] },
  ]);
  await expect(page.getByRole("row").filter({ hasText: username })).toContainText("emi_due_dateemi_amount");
});

test("a viewer sees the agents and no control that writes; the API refuses a viewer's write", async ({ browser }) => {
  const { demo } = seedData();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.viewer.email);
  await page.getByLabel("Password").fill(demo.viewer.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible({ timeout: 20_000 });
  await page.goto("/agents");
  await expect(page.getByRole("row").filter({ hasText: demo.agents[0].id })).toBeVisible();
  await expect(page.getByRole("button", { name: /New agent|Edit|Deactivate|Activate/ })).toHaveCount(0);
  const refused = await page.request.post("/api/agents", {
    headers: { Origin: new URL(page.url()).origin },
    data: { name: "Sneaky", kind: "ai", username: `sneaky_${run}` },
  });
  expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
  expect(refused.status()).toBe(403);
  expect(await query(`SELECT id FROM agents WHERE username = $1`, [`sneaky_${run}`])).toEqual([]);
  await context.close();
});
