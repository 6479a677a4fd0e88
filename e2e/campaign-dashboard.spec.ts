import { expect, test, type Page } from "@playwright/test";
import { seedData } from "./seed-data";
import { apiAuth, createCampaign, deleteCampaign, query, signIn, type TestCampaign } from "./upload-helpers";

// The campaign dashboard and the organization home, every figure checked against Postgres after
// an upload whose calls the simulated dialer placed, a Flexydial job followed live, a viewer's view,
// and screenshots at 1280 px and 390 px with no sideways scroll.

function zoneWithLocalHour(hour: number) {
  let offset = hour - new Date().getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

const run = `E2ED${Date.now().toString(36)}`;
const loan = (n: number) => ({
  loan_id: `${run}-${n}`,
  first_name: "Asha",
  last_name: `Rao ${n}`,
  phone_number: String(9_810_000_000 + Math.floor(Math.random() * 80_000_000) + n),
  loan_amount: 50000,
  emi_amount: 2500,
  loan_period: 12,
  current_emi: 5,
  emi_due_date: "2025-03-15",
  payment_status: "pending",
  language: "hindi",
});
const int = (sql: string, params: unknown[]) => query<{ n: number }>(sql, params).then(([r]) => Number(r.n));
const kpi = (page: Page, id: string) => page.getByTestId(id);
const fmt = (n: number) => new Intl.NumberFormat("en-IN").format(n);

test.describe("campaign dashboard", () => {
  let campaign: TestCampaign | undefined;
  test.afterAll(async ({ request }) => deleteCampaign(request, campaign));

  test("shows the database's figures after an upload and its simulated calls, each linking to its list", async ({ page, request }) => {
    test.setTimeout(120_000);
    campaign = await createCampaign(request, "emi", { timezone: zoneWithLocalHour(12) });
    const id = campaign.id;
    const [agent] = await query<{ id: string }>(
      `SELECT id FROM agents WHERE "organizationId" = (SELECT "organizationId" FROM campaigns WHERE id = $1) AND active ORDER BY "createdAt" LIMIT 1`,
      [id],
    );
    const [disposition] = await query<{ id: string }>(
      `SELECT id FROM dispositions WHERE "organizationId" = (SELECT "organizationId" FROM campaigns WHERE id = $1) ORDER BY priority LIMIT 1`,
      [id],
    );
    const records = Array.from({ length: 8 }, (_, i) => loan(i + 1));
    const response = await request.post("/api/v1/customers/add/bulk", {
      headers: apiAuth(),
      data: { campaignId: id, records, initiateCall: true, callConfig: { agentId: agent.id, dispositionId: disposition.id } },
    });
    expect(response.status()).toBe(201);
    // The answer is final; the app's calls-expand worker writes the attempts right after it.
    await expect
      .poll(() => int(`SELECT count(*) AS n FROM call_batches WHERE "campaignId" = $1 AND "expandedAt" IS NOT NULL`, [id]), {
        timeout: 15_000,
      })
      .toBe(1);
    // One number on the campaign's DNC list: not reachable.
    const [{ organizationId }] = await query<{ organizationId: string }>(`SELECT "organizationId" FROM campaigns WHERE id = $1`, [id]);
    const [dncPhone] = await query<{ phoneE164: string }>(
      `SELECT "phoneE164" FROM customers WHERE "campaignId" = $1 ORDER BY identifier LIMIT 1`,
      [id],
    );
    await query(
      `INSERT INTO dnc_entries (id, "organizationId", "campaignId", scope, "phoneRaw", "phoneE164") VALUES ($1, $2, $3, $3, 'x', $4)`,
      [`dnc-${run}`, organizationId, id, dncPhone.phoneE164],
    );
    await expect
      .poll(
        async () =>
          int(
            `SELECT count(*) AS n FROM calls WHERE "campaignId" = $1 AND state IN ('scheduled', 'dialing') AND (state = 'dialing' OR "notBefore" < now() + interval '1 minute')`,
            [id],
          ),
        { timeout: 60_000 },
      )
      .toBe(0);

    const expected = {
      contacts: await int(`SELECT count(*) AS n FROM customers WHERE "campaignId" = $1`, [id]),
      reachable: await int(
        `SELECT count(*) AS n FROM customers c WHERE "campaignId" = $1 AND NOT EXISTS (SELECT 1 FROM dnc_entries d WHERE d."phoneE164" = c."phoneE164" AND d.status = 'active' AND d.scope IN ('', $1))`,
        [id],
      ),
      called: await int(`SELECT count(*) AS n FROM customers WHERE "campaignId" = $1 AND "lastCallAt" IS NOT NULL`, [id]),
      contacted: await int(`SELECT count(*) AS n FROM calls WHERE "campaignId" = $1 AND outcome = 'Contacted'`, [id]),
      noContact: await int(`SELECT count(*) AS n FROM calls WHERE "campaignId" = $1 AND outcome = 'No Contact'`, [id]),
      promises: await int(
        `SELECT count(*) AS n FROM calls WHERE "campaignId" = $1 AND outcome = 'Contacted' AND "extractedData" ? 'promise_to_pay_date'`,
        [id],
      ),
      blocked: await int(
        `SELECT count(*) AS n FROM calls WHERE "campaignId" = $1 AND state = 'blocked' AND "blockedReason" IN ('dnc', 'frequency_cap')`,
        [id],
      ),
      waiting: await int(`SELECT count(*) AS n FROM calls WHERE "campaignId" = $1 AND state = 'scheduled' AND "waitReason" = 'window'`, [
        id,
      ]),
      results: await int(`SELECT count(*) AS n FROM calls WHERE "campaignId" = $1 AND outcome IS NOT NULL`, [id]),
    };
    expect(expected.contacts).toBe(8);
    expect(expected.reachable).toBe(7);
    // Every contact has a result, except the DNC one when its entry came before its dial (then blocked).
    expect(expected.results + expected.blocked).toBeGreaterThanOrEqual(8);

    await signIn(page);
    await page.goto(`/campaigns/${id}`);
    await expect(kpi(page, "kpi-contacts")).toContainText(`${fmt(expected.contacts)}Contacts`);
    await expect(kpi(page, "kpi-reachable")).toContainText(fmt(expected.reachable));
    await expect(kpi(page, "kpi-called")).toContainText(fmt(expected.called));
    await expect(kpi(page, "kpi-connected")).toContainText(fmt(expected.contacted));
    await expect(kpi(page, "kpi-promises")).toContainText(fmt(expected.promises));
    await expect(kpi(page, "kpi-blocked")).toContainText(fmt(expected.blocked));
    await expect(kpi(page, "kpi-waiting")).toContainText(fmt(expected.waiting));
    const rate =
      expected.contacted + expected.noContact === 0
        ? "—"
        : `${((expected.contacted / (expected.contacted + expected.noContact)) * 100).toFixed(1)}%`;
    await expect(kpi(page, "kpi-connect-rate")).toContainText(rate);
    await expect(kpi(page, "kpi-connect-rate")).toHaveAttribute(
      "title",
      `Contacted / (Contacted + No Contact) = ${expected.contacted} / (${expected.contacted} + ${expected.noContact})`,
    );
    await expect(page.getByTestId("outcomes-total")).toHaveText(`${fmt(expected.results)} results`);
    await expect(page.getByTestId("funnel-loaded")).toContainText(fmt(expected.contacts));
    await expect(page.getByTestId("funnel-called")).toContainText(fmt(expected.called));

    // Every count leads to the list behind it.
    await expect(kpi(page, "kpi-contacts")).toHaveAttribute("href", `/campaigns/${id}/contacts`);
    await expect(kpi(page, "kpi-reachable")).toHaveAttribute("href", `/campaigns/${id}/contacts?dnc=reachable`);
    await expect(kpi(page, "kpi-blocked")).toHaveAttribute("href", `/calls?campaign=${id}&status=Blocked`);
    await expect(kpi(page, "kpi-waiting")).toHaveAttribute("href", `/calls?campaign=${id}&status=Waiting`);
    await kpi(page, "kpi-connected").click();
    await expect(page).toHaveURL(new RegExp(`/calls\\?campaign=${id}&status=Contacted`));
    await expect(
      page.getByRole("navigation", { name: "Pages" }).or(page.getByRole("heading", { name: "No calls match these filters" })),
    ).toContainText(expected.contacted ? `of ${expected.contacted} calls` : "No calls");

    // Recent results: filtered by outcome in the URL, a row opens the call's detail.
    await page.goto(`/campaigns/${id}`);
    const results = page.getByRole("table", { name: "Recent call results" }).locator("tbody tr");
    await expect(results).toHaveCount(Math.min(10, expected.results));
    await page.getByRole("navigation", { name: "Filter results" }).getByRole("link", { name: "No Contact", exact: true }).click();
    await expect(page).toHaveURL(/results=No(\+|%20)Contact/);
    await expect(results).toHaveCount(Math.min(10, expected.noContact));
    await page.getByRole("navigation", { name: "Filter results" }).getByRole("link", { name: "All", exact: true }).click();
    await expect(page).not.toHaveURL(/results=/);
    await expect(results).toHaveCount(Math.min(10, expected.results));
    const [latest] = await query<{ id: string; lastName: string }>(
      `SELECT c.id, cu."lastName" FROM calls c JOIN customers cu ON cu.id = c."customerId" WHERE c."campaignId" = $1 AND c.outcome IS NOT NULL ORDER BY c."finishedAt" DESC, c.id DESC LIMIT 1`,
      [id],
    );
    await results.first().getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`call=${latest.id}`));
    await expect(
      page.getByRole("complementary", { name: "Call details" }).getByRole("heading", { name: `Asha ${latest.lastName}` }),
    ).toBeVisible();

    // The date range is the URL; a range with no calls says so.
    await page.goto(`/campaigns/${id}?from=2001-01-01&to=2001-01-07`);
    await expect(page.getByTestId("outcomes-total")).toHaveText("0 results");
    await expect(page.getByLabel("From")).toHaveValue("2001-01-01");
  });

  test("a Flexydial upload's job appears while it runs and ends with the database's counts", async ({ page, request }) => {
    const { demo } = seedData();
    const [flexy] = await query<{ id: string }>(`SELECT id FROM campaigns WHERE "organizationId" = $1 AND name = 'Flexy Phonebook'`, [
      demo.id,
    ]);
    await signIn(page);
    await page.goto(`/campaigns/${flexy.id}`);
    const base = Math.floor(Math.random() * 90_000_000);
    const rows = Array.from({ length: 400 }, (_, n) => ({
      numeric: `97${String(base + n).padStart(8, "0")}`,
      user: "priya",
      "customer_info:customer_id": `${run}-F${n}`,
      "customer_info:customer_name": `Live ${n}`,
    }));
    rows.push({ numeric: "12", user: "priya", "customer_info:customer_id": `${run}-bad`, "customer_info:customer_name": "Bad" });
    const res = await request.post("/api/bulkphonebookupload/v1/", {
      headers: { Authorization: `Token ${demo.apiKey}` },
      data: { campaign: "Flexy Phonebook", bulk_data: rows },
    });
    expect(res.ok()).toBe(true);
    const { job_id: jobId } = (await res.json()) as { job_id: string };
    const job = page.getByTestId("live-job").filter({ has: page.locator(`a[href="/uploads/${jobId}"]`) });
    await expect(job).toBeVisible({ timeout: 20_000 });
    await expect(job).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
    const [counts] = await query<{ total: number; processed: number; successful: number; duplicates: number; invalid: number }>(
      `SELECT total, processed, successful, duplicates, invalid FROM upload_jobs WHERE id = $1`,
      [jobId],
    );
    expect(counts.successful).toBe(400);
    await expect(job.getByTestId("live-job-counts")).toContainText(
      `${fmt(counts.processed)} of ${fmt(counts.total)} rows · ${fmt(counts.successful)} added · ${fmt(counts.duplicates)} duplicates · ${fmt(counts.invalid)} invalid`,
    );
    await expect(job.getByRole("progressbar")).toHaveAttribute("value", "100");
  });
});

test("the organization home counts today's results, running jobs, self-paused campaigns and failing deliveries", async ({ page }) => {
  const { demo } = seedData();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());
  const bounds = `("finishedAt" >= (($2::date::timestamp AT TIME ZONE 'Asia/Kolkata') AT TIME ZONE 'UTC') AND "finishedAt" < ((($2::date + 1)::timestamp AT TIME ZONE 'Asia/Kolkata') AT TIME ZONE 'UTC'))`;
  const results = await int(`SELECT count(*) AS n FROM calls WHERE "organizationId" = $1 AND outcome IS NOT NULL AND ${bounds}`, [
    demo.id,
    today,
  ]);
  const paused = await int(
    `SELECT count(*) AS n FROM campaigns WHERE "organizationId" = $1 AND status = 'paused' AND "autoPausedReason" IS NOT NULL`,
    [demo.id],
  );
  const failing = await int(
    `SELECT count(*) AS n FROM webhook_deliveries WHERE "organizationId" = $1 AND status IN ('failed', 'retrying')`,
    [demo.id],
  );
  await signIn(page);
  await page.goto("/");
  await expect(page.getByTestId("home-calls-today")).toContainText(`${fmt(results)}Call results today`);
  await expect(page.getByTestId("home-calls-today")).toHaveAttribute("href", `/calls?from=${today}&to=${today}`);
  await expect(page.getByTestId("home-auto-paused")).toHaveText(String(paused));
  await expect(page.getByTestId("home-failing-deliveries")).toHaveText(fmt(failing));
  await expect(page.getByTestId("home-jobs-running")).toBeVisible();
});

test("a viewer sees the dashboard and the home, and no control that changes anything", async ({ browser }) => {
  const { demo } = seedData();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.viewer.email);
  await page.getByLabel("Password").fill(demo.viewer.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible({ timeout: 20_000 });
  const campaign = demo.campaigns.find((c) => c.name === "Loan Recovery - Nov") ?? demo.campaigns[0];
  await page.goto(`/campaigns/${campaign.id}`);
  await expect(page.getByTestId("kpi-contacts")).toContainText(
    fmt(await int(`SELECT count(*) AS n FROM customers WHERE "campaignId" = $1`, [campaign.id])),
  );
  await expect(page.getByRole("table", { name: "Recent call results" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Pause calls|Resume calls|Start calls/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Upload contacts" })).toHaveCount(0);
  await expect(page.locator("main form[method='post'], main button:not([type='submit'])")).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Calls today" })).toBeVisible();
  expect((await page.request.post(`/api/campaigns/${campaign.id}/resume`)).status()).toBe(403);
  await context.close();
});

test("dashboard and home at 1280 px and 390 px: no sideways scroll", async ({ page }) => {
  const { demo } = seedData();
  const campaign = demo.campaigns.find((c) => c.name === "Loan Recovery - Nov") ?? demo.campaigns[0];
  await signIn(page);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, path] of [
      ["dashboard", `/campaigns/${campaign.id}`],
      ["home", "/"],
    ] as const) {
      await page.goto(path);
      await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
      await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
      if (name === "dashboard" && width === 390) {
        for (const region of ["Campaign figures", "Funnel", "Recent call results"])
          await page
            .getByRole("region", { name: region, exact: true })
            .screenshot({ path: `test-results/screens/dashboard-390-${region.replaceAll(" ", "-")}.png` });
      }
      if (name === "home" && width === 390)
        await page.getByRole("region", { name: "Campaigns today" }).screenshot({ path: "test-results/screens/home-390-campaigns.png" });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }
});
