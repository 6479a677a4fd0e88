import { expect, test, type Page } from "@playwright/test";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { query, signIn } from "./upload-helpers";
import { seedData } from "./seed-data";

// The Calls page's detail panel lists the webhook deliveries of the call's result (status,
// attempts, last answer, next retry) and its Resend really reaches the receiver. Admins resend;
// a viewer sees the deliveries and no Resend. Screenshots at 1280 px and 390 px.

const dateTime = new Intl.DateTimeFormat("en-IN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Kolkata" });
const NEXT_RETRY = new Date("2099-06-01T06:30:00Z");

const hits: { authorization?: string; body: string }[] = [];
const server: Server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (c: Buffer) => chunks.push(c));
  request.on("end", () => {
    hits.push({ authorization: request.headers.authorization, body: Buffer.concat(chunks).toString("utf8") });
    response.writeHead(200, { "Content-Type": "application/json" }).end("{}");
  });
});

const orgId = () => seedData().demo.id;
const panelOf = (page: Page) => page.getByRole("complementary", { name: "Call details" });
let call: { id: string };
let other: { id: string };
let ownEndpoint = false;

test.beforeAll(async () => {
  const url = await new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)),
  );
  [call, other] = await query<{ id: string }>(
    `SELECT id FROM calls WHERE "organizationId" = $1 AND outcome = 'Contacted' ORDER BY "dialedAt" DESC LIMIT 2`,
    [orgId()],
  );
  // Disabled: Resend still sends (on purpose), while no new result of the demo gets a delivery.
  const existing = await query(`SELECT id FROM webhook_endpoints WHERE "organizationId" = $1`, [orgId()]);
  if (existing.length === 0) {
    ownEndpoint = true;
    await query(
      `INSERT INTO webhook_endpoints (id, "organizationId", url, secret, enabled, "updatedAt") VALUES ('whe_e2e_call_deliveries', $1, $2, 'dswh_e2e-call-deliveries-secret', false, now())`,
      [orgId(), url],
    );
  }
  await query(`DELETE FROM webhook_deliveries WHERE "callId" = ANY($1::text[])`, [[call.id, other.id]]);
  await query(
    `INSERT INTO webhook_deliveries (id, "organizationId", "callId", "eventKey", status, attempts, "lastStatusCode", "lastError", payload, "createdAt", "updatedAt")
     VALUES ('whd_e2e_failed', $1, $2, 'e2e-failed', 'failed', 8, 500, 'HTTP 500', '{"event_type":"call"}', now() - interval '2 hours', now()),
            ('whd_e2e_retrying', $1, $2, 'e2e-retrying', 'retrying', 2, 503, 'HTTP 503', '{"event_type":"call"}', now() - interval '1 hour', now())`,
    [orgId(), call.id],
  );
  await query(
    `INSERT INTO webhook_delivery_attempts (id, "deliveryId", url, "statusCode", error, "durationMs", trigger, "createdAt")
     VALUES ('wha_e2e_1', 'whd_e2e_failed', 'http://x/hook', 500, 'HTTP 500', 40, 'queue', now() - interval '90 minutes')`,
  );
  // The retrying delivery's message, waiting for its backoff.
  await query(`INSERT INTO pgboss.job (name, data, state, start_after) VALUES ('webhook-delivery', $1, 'retry', $2)`, [
    JSON.stringify({ deliveryId: "whd_e2e_retrying" }),
    NEXT_RETRY,
  ]);
});

test.afterAll(async () => {
  await query(`DELETE FROM pgboss.job WHERE name = 'webhook-delivery' AND data->>'deliveryId' = 'whd_e2e_retrying'`);
  await query(`DELETE FROM webhook_deliveries WHERE id IN ('whd_e2e_failed', 'whd_e2e_retrying')`);
  if (ownEndpoint) await query(`DELETE FROM webhook_endpoints WHERE id = 'whe_e2e_call_deliveries'`);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test("the call detail panel lists the call's webhook deliveries, and Resend sends one again", async ({ page }) => {
  await signIn(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/calls?call=${call.id}`);
  const panel = panelOf(page);
  await expect(panel.getByRole("heading", { name: "Webhook deliveries (2)" })).toBeVisible();
  const items = panel.getByRole("list", { name: "Webhook deliveries" }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  // Newest first.
  await expect(items.nth(0)).toContainText("retrying");
  await expect(items.nth(0)).toContainText("2 attempts · last answer HTTP 503");
  await expect(items.nth(0)).toContainText(`Next retry ${dateTime.format(NEXT_RETRY)}`);
  await expect(items.nth(1)).toContainText("failed");
  await expect(items.nth(1)).toContainText("8 attempts · last answer HTTP 500");
  await expect(items.nth(1)).toContainText("Given up: use Resend to send it again");
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/call-deliveries-1280.png" });

  await items.nth(1).getByRole("button", { name: "Resend" }).click();
  await expect(panel.getByRole("status")).toHaveText("Sent again: the receiver answered 200.");
  await expect(items.nth(1)).toContainText("delivered");
  await expect(items.nth(1)).toContainText("9 attempts · last answer HTTP 200");
  expect(hits.at(-1)).toEqual({ authorization: expect.stringMatching(/^Bearer /), body: '{"event_type":"call"}' });
  const [row] = await query<{ status: string; attempts: number }>(
    `SELECT status, attempts FROM webhook_deliveries WHERE id = 'whd_e2e_failed'`,
  );
  expect(row).toEqual({ status: "delivered", attempts: 9 });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/calls?call=${call.id}`);
  await panelOf(page).getByRole("heading", { name: "Webhook deliveries (2)" }).scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/call-deliveries-390.png" });

  // A call without deliveries says what the list is for and where to set it up.
  await page.goto(`/calls?call=${other.id}`);
  await expect(panelOf(page).getByRole("heading", { name: "Webhook deliveries (0)" })).toBeVisible();
  await expect(panelOf(page)).toContainText("Not sent to a webhook.");
  await expect(panelOf(page).getByRole("link", { name: "Set up a webhook" })).toHaveAttribute("href", "/settings");
});

test("a viewer sees the call's deliveries and no Resend", async ({ browser }) => {
  const { demo } = seedData();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.viewer.email);
  await page.getByLabel("Password").fill(demo.viewer.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible({ timeout: 20_000 });
  await page.goto(`/calls?call=${call.id}`);
  const panel = panelOf(page);
  await expect(panel.getByRole("list", { name: "Webhook deliveries" }).getByRole("listitem")).toHaveCount(2);
  await expect(panel.getByRole("button", { name: "Resend" })).toHaveCount(0);
  await expect(panel.getByRole("link", { name: "Set up a webhook" })).toHaveCount(0);
  await context.close();
});
