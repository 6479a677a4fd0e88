import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { seedData } from "./seed-data";
import { apiAuth, createCampaign, deleteCampaign, query, signIn, type TestCampaign } from "./upload-helpers";

// The contact detail's call history and workflow run, and the upload job's "calls it started",
// each checked against Postgres: the demo seed's workflow campaign (calls through the simulated
// dialer, runs with their steps), and a bulk add with initiateCall whose calls the job page counts
// and the Calls page lists by ?job=. Screens at 1280 and 390 px, with no sideways scroll.

/** The Calls page's status of an attempt (lib/calls/call-list.ts viewStatus), in SQL. */
const statusSql = (
  t = "",
) => `CASE WHEN ${t}outcome IN ('Contacted', 'No Contact', 'Failed') THEN ${t}outcome WHEN ${t}state = 'scheduled' THEN 'Waiting'
  WHEN ${t}state = 'dialing' THEN 'In progress' WHEN ${t}state = 'blocked' THEN 'Blocked' WHEN ${t}state = 'cancelled' THEN 'Cancelled' ELSE 'Failed' END`;
const STATE_LABEL: Record<string, string> = {
  active: "Waiting for its next step",
  waiting_call: "In a call",
  completed: "Completed",
  stopped: "Stopped",
  failed: "Failed",
};

function zoneWithLocalHour(hour: number) {
  let offset = hour - new Date().getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

async function photograph(page: Page, name: string, path: string) {
  mkdirSync("test-results/screens", { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(path);
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a contact's detail shows its call history and its workflow run with every step, as the database has them", async ({ page }) => {
  test.setTimeout(180_000);
  const { demo } = seedData();
  const campaign = demo.campaigns.find((c) => c.name === "Loan Recovery - Nov") ?? demo.campaigns[0];
  // The seeded contact with the most run steps (and calls).
  const [target] = await query<{ id: string; runId: string }>(
    `SELECT r."customerId" AS id, r.id AS "runId" FROM workflow_runs r JOIN workflow_run_steps s ON s."runId" = r.id
     WHERE r."campaignId" = $1 AND r."customerId" IS NOT NULL
       AND EXISTS (SELECT 1 FROM calls c WHERE c."customerId" = r."customerId")
     GROUP BY r.id ORDER BY count(*) DESC, r.id LIMIT 1`,
    [campaign.id],
  );
  expect(target, "the demo seed plays a workflow with calls").toBeTruthy();
  const calls = await query<{ id: string; status: string; disposition: string | null }>(
    `SELECT id, ${statusSql()} AS status, "outcomeDisposition" AS disposition FROM calls WHERE "customerId" = $1
     ORDER BY "createdAt" DESC, attempt DESC, id DESC`,
    [target.id],
  );
  const [run] = await query<{ state: string; workflow: string; version: number }>(
    `SELECT r.state, w.name AS workflow, v.version FROM workflow_runs r JOIN workflow_versions v ON v.id = r."workflowVersionId"
     JOIN workflows w ON w.id = v."workflowId" WHERE r.id = $1`,
    [target.runId],
  );
  const steps = await query<{ seq: number; stepId: string; status: string; callId: string | null }>(
    `SELECT seq, "stepId", status, "callId" FROM workflow_run_steps WHERE "runId" = $1 ORDER BY seq`,
    [target.runId],
  );

  await signIn(page);
  const path = `/campaigns/${campaign.id}/contacts/${target.id}`;
  await page.goto(path);
  const history = page.getByRole("region", { name: "Call history" });
  const rows = history.getByRole("table", { name: "Calls to this contact" }).locator("tbody tr");
  await expect(rows).toHaveCount(Math.min(calls.length, 50));
  await expect(history.getByTestId("call-history-count")).toContainText(calls.length === 1 ? "1 attempt" : `${calls.length} attempts`);
  for (const [i, call] of calls.slice(0, 50).entries()) {
    await expect(rows.nth(i)).toHaveAttribute("data-call-id", call.id);
    await expect(rows.nth(i).locator("td").nth(1)).toContainText(call.status);
    await expect(rows.nth(i).locator("td").nth(2)).toHaveText(call.disposition ?? "—");
  }

  const workflow = page.getByRole("region", { name: "Workflow run" });
  await expect(workflow).toContainText(run.workflow);
  await expect(workflow).toContainText(`version ${run.version}`);
  await expect(workflow.getByTestId("run-state")).toHaveText(STATE_LABEL[run.state]);
  const stepRows = workflow.getByRole("table", { name: `Steps of ${run.workflow}` }).locator("tbody tr");
  await expect(stepRows).toHaveCount(steps.length);
  for (const [i, step] of steps.entries()) {
    await expect(stepRows.nth(i).locator("td").nth(0)).toHaveText(String(step.seq));
    await expect(stepRows.nth(i).locator("td").nth(1)).toContainText(step.stepId);
    await expect(stepRows.nth(i).locator("td").nth(2)).toHaveText(step.status);
  }

  // A call opens its detail on the Calls page.
  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/calls\\?.*call=${calls[0].id}`));
  await expect(page.getByRole("complementary", { name: "Call details" })).toBeVisible();

  await photograph(page, "contact-history", path);
});

test("a contact never called and in no workflow says what both lists are for", async ({ page, request }) => {
  test.setTimeout(180_000);
  let campaign: TestCampaign | undefined;
  try {
    campaign = await createCampaign(request, "emi");
    const res = await request.post("/api/v1/customers/add/bulk", {
      headers: apiAuth(),
      data: {
        campaignId: campaign.id,
        records: [
          {
            loan_id: "QUIET-1",
            first_name: "Divya",
            last_name: "Iyer",
            phone_number: String(9_700_000_000 + Math.floor(Math.random() * 90_000_000)),
            loan_amount: 50000,
            emi_amount: 2500,
            loan_period: 12,
            current_emi: 5,
            emi_due_date: "2025-03-15",
            payment_status: "pending",
            language: "hindi",
          },
        ],
      },
    });
    expect(res.status()).toBe(201);
    const [customer] = await query<{ id: string }>(`SELECT id FROM customers WHERE "campaignId" = $1`, [campaign.id]);
    await signIn(page);
    const path = `/campaigns/${campaign.id}/contacts/${customer.id}`;
    await page.goto(path);
    await expect(page.getByRole("region", { name: "Call history" })).toContainText("No calls yet");
    await expect(page.getByRole("region", { name: "Call history" }).getByRole("link", { name: "Go to the campaign" })).toHaveAttribute(
      "href",
      `/campaigns/${campaign.id}`,
    );
    await expect(page.getByRole("region", { name: "Workflow run" })).toContainText("This contact is in no workflow run");
    await photograph(page, "contact-history-empty", path);
  } finally {
    await deleteCampaign(request, campaign);
  }
});

test("the upload job page counts the calls it started and opens them on the Calls page", async ({ page, request }) => {
  test.setTimeout(240_000);
  let campaign: TestCampaign | undefined;
  try {
    campaign = await createCampaign(request, "emi", { timezone: zoneWithLocalHour(12) });
    const [agent] = await query<{ id: string }>(
      `SELECT id FROM agents WHERE "organizationId" = (SELECT "organizationId" FROM campaigns WHERE id = $1) AND active ORDER BY "createdAt" LIMIT 1`,
      [campaign.id],
    );
    const [disposition] = await query<{ id: string }>(
      `SELECT id FROM dispositions WHERE "organizationId" = (SELECT "organizationId" FROM campaigns WHERE id = $1) ORDER BY priority LIMIT 1`,
      [campaign.id],
    );
    const base = 9_600_000_000 + Math.floor(Math.random() * 90_000_000);
    const records = Array.from({ length: 5 }, (_, i) => ({
      loan_id: `JOBCALL-${i}`,
      first_name: "Ravi",
      last_name: `Kumar ${i}`,
      phone_number: String(base + i),
      loan_amount: 50000,
      emi_amount: 2500,
      loan_period: 12,
      current_emi: 5,
      emi_due_date: "2025-03-15",
      payment_status: "pending",
      language: "hindi",
    }));
    const res = await request.post("/api/v1/customers/add/bulk", {
      headers: apiAuth(),
      data: { campaignId: campaign.id, records, initiateCall: true, callConfig: { agentId: agent.id, dispositionId: disposition.id } },
    });
    expect(res.status()).toBe(201);
    const jobId = res.headers()["x-upload-job-id"];
    expect(jobId).toBeTruthy();
    const jobCalls = `FROM calls c JOIN call_batches b ON b.id = c."batchId" WHERE b."requestKey" = $1`;
    // The answer is final; the app's calls-expand worker writes the attempts right after it.
    await expect
      .poll(
        async () =>
          (
            await query<{ expanded: boolean }>(`SELECT "expandedAt" IS NOT NULL AS expanded FROM call_batches WHERE "requestKey" = $1`, [
              `bulk-add:${jobId}`,
            ])
          ).map((b) => b.expanded),
        { timeout: 15_000 },
      )
      .toEqual([true]);
    // Wait until the simulated dialer has placed every call due and reported its result (retries wait for later).
    await expect
      .poll(
        async () =>
          Number(
            (
              await query<{ n: string }>(
                `SELECT count(*) AS n ${jobCalls} AND c.state IN ('scheduled', 'dialing') AND (c.state = 'dialing' OR c."notBefore" < now() + interval '1 minute')`,
                [`bulk-add:${jobId}`],
              )
            )[0].n,
          ),
        {
          timeout: 120_000,
        },
      )
      .toBe(0);
    const total = Number((await query<{ n: string }>(`SELECT count(*) AS n ${jobCalls}`, [`bulk-add:${jobId}`]))[0].n);
    const placed = Number(
      (await query<{ n: string }>(`SELECT count(*) AS n ${jobCalls} AND c."dialedAt" IS NOT NULL`, [`bulk-add:${jobId}`]))[0].n,
    );
    const byStatus = await query<{ status: string; n: string }>(
      `SELECT ${statusSql("c.")} AS status, count(*) AS n ${jobCalls} GROUP BY 1`,
      [`bulk-add:${jobId}`],
    );
    expect(total).toBeGreaterThanOrEqual(5);

    await signIn(page);
    await page.goto(`/uploads/${jobId}`);
    const card = page.getByRole("region", { name: "Calls this upload started" });
    await expect(card.getByTestId("job-calls-total")).toHaveText(`${total} call attempts`);
    for (const s of byStatus) await expect(card.getByTestId(`job-calls-${s.status}`)).toContainText(s.n);
    await expect(card.getByRole("table", { name: "Latest calls of this upload" }).locator("tbody tr")).toHaveCount(Math.min(5, placed));
    await photograph(page, "upload-job-calls", `/uploads/${jobId}`);

    await page.goto(`/uploads/${jobId}`);
    await card.getByTestId("job-calls-total").click();
    await expect(page).toHaveURL(new RegExp(`/calls\\?job=${jobId}$`));
    await expect(page.getByRole("form", { name: "Filter calls" })).toContainText(`Calls started by upload ${jobId}`);
    await expect(page.getByRole("table", { name: "Calls" }).locator("tbody tr")).toHaveCount(Math.min(25, placed));
    for (const name of await page.getByRole("table", { name: "Calls" }).getByTestId("call-campaign").allTextContents())
      expect(name).toBe(campaign.name);
    await photograph(page, "calls-by-job", `/calls?job=${jobId}`);
  } finally {
    await deleteCampaign(request, campaign);
  }
});
