import { expect, test, type Page } from "@playwright/test";
import { apiAuth, createCampaign, deleteCampaign, query, signIn, type TestCampaign } from "./upload-helpers";

// An existing campaign's follow-up workflow changes on its edit form: the campaign is pinned to
// the chosen workflow's newest version (an edit of the workflow moves the pin on), a workflow
// deleted meanwhile is refused at the field, and "None" detaches it. Checked in Postgres.

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const fieldOf = (page: Page, label: string) => page.locator("label.field").filter({ has: page.getByText(label, { exact: true }) });
const steps = [
  { id: "wait1h", type: "wait", minutes: 60 },
  { id: "end", type: "stop" },
];
let campaign: TestCampaign | undefined;

test.afterAll(async ({ request }) => {
  await deleteCampaign(request, campaign);
  await query(`DELETE FROM workflows WHERE name LIKE $1`, [`%${run}`]);
});

test("an existing campaign's workflow is changed, follows the workflow's new version, and is detached", async ({ page, request }) => {
  test.setTimeout(120_000);
  campaign = await createCampaign(request);
  const workflow = async (name: string) => {
    const made = await request.post("/api/v1/workflows", { headers: apiAuth(), data: { name: `${name} ${run}`, steps } });
    expect(made.status()).toBe(201);
    return (await made.json()).data.id as string;
  };
  const first = await workflow("Reminder");
  const gone = await workflow("Doomed");
  const pin = async () =>
    (
      await query<{ workflowId: string | null; version: number | null }>(
        `SELECT c."workflowId", v.version FROM campaigns c LEFT JOIN workflow_versions v ON v.id = c."workflowVersionId" WHERE c.id = $1`,
        [campaign!.id],
      )
    )[0];

  await signIn(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/campaigns/${campaign.id}/edit`);
  const select = page.getByLabel("Follow-up workflow");
  await expect(select).toHaveValue("");
  await select.selectOption({ label: `Reminder ${run}` });
  await expect(page.getByRole("note")).toContainText("runs already going finish on the version they started on");
  await page.screenshot({ path: "test-results/campaign-workflow-edit-1280.png", fullPage: true });
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByRole("heading", { name: campaign.name, level: 1, exact: true })).toBeVisible();
  expect(await pin()).toEqual({ workflowId: first, version: 1 });

  // Editing the workflow moves the campaign on to version 2 for its new runs; the campaign page says so.
  const edited = await request.put(`/api/v1/workflows/${first}`, { headers: apiAuth(), data: { steps: steps.slice(1) } });
  expect((await edited.json()).data.version).toBe(2);
  expect(await pin()).toEqual({ workflowId: first, version: 2 });
  await page.reload();
  await expect(page.getByRole("region", { name: "Workflow runs" }).getByRole("heading")).toHaveText(
    `Workflow: Reminder ${run} (new runs start on version 2)`,
  );

  // A workflow deleted after the form loaded: refused at the field, nothing changes.
  await page.goto(`/campaigns/${campaign.id}/edit`);
  await expect(select).toHaveValue(first);
  await select.selectOption({ label: `Doomed ${run}` });
  expect((await request.delete(`/api/v1/workflows/${gone}`, { headers: apiAuth() })).status()).toBe(200);
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(fieldOf(page, "Follow-up workflow")).toContainText("This workflow no longer exists");
  expect(await pin()).toEqual({ workflowId: first, version: 2 });

  // None: the campaign starts no more runs.
  await select.selectOption({ label: "None: calls only when started" });
  await expect(page.getByRole("note")).toContainText("New contacts will start no workflow runs");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/campaign-workflow-edit-390.png", fullPage: true });
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByRole("heading", { name: campaign.name, level: 1, exact: true })).toBeVisible();
  expect(await pin()).toEqual({ workflowId: null, version: null });
});
