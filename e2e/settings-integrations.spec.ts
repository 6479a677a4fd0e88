import { expect, test } from "@playwright/test";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { query, signIn } from "./upload-helpers";
import { seedData } from "./seed-data";

// Settings → dialer, call defaults and the call-results webhook, through the screen: every
// control saves what the API then reports, "Send a test call" really reaches the provider, and
// Resend really reaches the receiver. Screenshots at 1280 px and 390 px.

type Hit = { path: string; headers: Record<string, string | string[] | undefined>; body: string };
function stub(answer: (hit: Hit) => { status: number; body: unknown }) {
  const hits: Hit[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const hit = { path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      hits.push(hit);
      const { status, body } = answer(hit);
      response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    });
  });
  return {
    hits,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test.describe("settings: dialer, call defaults and webhook", () => {
  const receiver = stub(() => ({ status: 200, body: { ok: true } }));
  const provider = stub(() => ({ status: 200, body: { provider_call_id: "prov-e2e-1" } }));
  let receiverUrl = "";
  let providerUrl = "";
  const orgId = () => seedData().demo.id;

  test.beforeAll(async () => {
    receiverUrl = `${await receiver.start()}/hooks/calls`;
    providerUrl = `${await provider.start()}/dial`;
  });
  test.afterAll(async () => {
    const org = orgId();
    await query(`DELETE FROM webhook_endpoints WHERE "organizationId" = $1`, [org]);
    await query(`DELETE FROM webhook_deliveries WHERE "organizationId" = $1 AND "callId" LIKE 'e2e-%'`, [org]);
    await query(`DELETE FROM call_settings WHERE "organizationId" = $1`, [org]);
    await receiver.stop();
    await provider.stop();
  });

  test("webhook endpoint, delivery log with Resend, simulated and HTTP test calls, call defaults", async ({ page, request }) => {
    await signIn(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();

    // Results out: create the endpoint; the secret appears once saved.
    const webhook = page.getByRole("region", { name: "Call results webhook" });
    await webhook.getByLabel("Endpoint URL").fill("http://crm.example.com/hook");
    await webhook.getByRole("button", { name: "Create endpoint" }).click();
    await expect(webhook.getByRole("alert")).toContainText("url must use https (plain http only to localhost)");
    await webhook.getByLabel("Endpoint URL").fill(receiverUrl);
    await webhook.getByRole("button", { name: "Create endpoint" }).click();
    await expect(webhook.getByRole("status")).toHaveText("Webhook endpoint saved.");
    await webhook.getByRole("button", { name: "Show" }).click();
    const secret = (await webhook.getByTestId("webhook-secret").textContent())!;
    expect(secret).toMatch(/^dswh_/);
    const api = await request.get("/api/settings/webhook", { headers: { Authorization: `Bearer ${seedData().demo.apiKey}` } });
    expect((await api.json()).endpoint).toMatchObject({ url: receiverUrl, secret, enabled: true });

    // A delivery that failed earlier: Resend sends its exact payload again, with the secret.
    const org = orgId();
    await query(
      `INSERT INTO webhook_deliveries (id, "organizationId", "callId", "eventKey", status, attempts, "lastStatusCode", payload, "updatedAt")
       VALUES ('whd_e2e0000000000000001', $1, 'e2e-call-1', 'e2e-event-1', 'failed', 8, 503, $2, now())`,
      [org, JSON.stringify({ event_type: "call", call_id: "e2e-call-1", status: "Contacted" })],
    );
    await webhook.getByRole("button", { name: "Refresh" }).click();
    const row = webhook.getByRole("row").filter({ hasText: "e2e-call-1" });
    await expect(row).toContainText("failed");
    await row.getByRole("button", { name: "Resend" }).click();
    await expect(webhook.getByText("Sent again: the receiver answered 200.")).toBeVisible();
    await expect(row).toContainText("delivered");
    expect(receiver.hits.at(-1)).toMatchObject({
      path: "/hooks/calls",
      body: JSON.stringify({ event_type: "call", call_id: "e2e-call-1", status: "Contacted" }),
    });
    expect(receiver.hits.at(-1)!.headers.authorization).toBe(`Bearer ${secret}`);

    // The dialer: a simulated test call, then the HTTP provider.
    const dialer = page.getByRole("region", { name: "Dialer and call defaults" });
    await dialer.getByLabel("Phone number").fill("98765 43210");
    await dialer.getByRole("button", { name: "Send a test call" }).click();
    await expect(dialer.getByRole("status")).toContainText("The simulated dialer accepted the call to +919876543210 from +918035450808");
    await expect(dialer.getByRole("status")).toContainText("It will report");
    await page.screenshot({ path: "test-results/settings-1280.png", fullPage: true });

    await dialer.getByLabel("HTTP provider").check();
    await dialer.getByLabel("Provider URL").fill(providerUrl);
    await dialer.getByRole("button", { name: "Generate" }).click();
    await dialer.getByLabel("Attempts per number per 24 h").fill("2");
    await dialer.getByRole("button", { name: "Save call settings" }).click();
    await expect(dialer.getByText("Call settings saved.")).toBeVisible();
    const settings = (
      await (await request.get("/api/settings/calls", { headers: { Authorization: `Bearer ${seedData().demo.apiKey}` } })).json()
    ).settings;
    expect(settings).toMatchObject({ dialerKind: "http", providerUrl, frequencyCap: 2, providerSecretSet: true });
    expect(settings.providerSecret).toMatch(/^whsec_/);

    await dialer.getByRole("button", { name: "Send a test call" }).click();
    await expect(dialer.getByRole("status").last()).toContainText("The provider accepted the call to +919876543210");
    await expect(dialer.getByRole("status").last()).toContainText("prov-e2e-1");
    expect(provider.hits.at(-1)!.headers["webhook-signature"]).toMatch(/^v1,/);
    expect(JSON.parse(provider.hits.at(-1)!.body)).toMatchObject({ to: "+919876543210", campaign_name: "Dialsheet test call" });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/settings-390.png", fullPage: true });
  });
});
