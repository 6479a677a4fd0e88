import { expect, test, type ConsoleMessage } from "@playwright/test";
import pg from "pg";
import { seedData } from "./seed-data";
import { signIn } from "./upload-helpers";

// Security headers through the real server: pages carry a nonce-based CSP that Next.js's own
// scripts satisfy (no violation while signing in and using the app), no page can be framed,
// API answers are locked down, unknown API paths answer JSON in their family's shape, and keys
// made by generate-token are listed on the settings screen and can be revoked there.

test.describe("security headers", () => {
  test("pages: nonce CSP matching the scripts, frame-ancestors 'none', nosniff, Referrer-Policy, Permissions-Policy, no HSTS over http", async ({ request }) => {
    const res = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(res.status()).toBe(200);
    const headers = res.headers();
    const csp = headers["content-security-policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Served over plain http: a client-sent X-Forwarded-Proto does not make it HTTPS.
    expect(headers["strict-transport-security"]).toBeUndefined();
    // A fresh nonce per request.
    const again = (await request.get("/sign-in")).headers()["content-security-policy"];
    expect(/'nonce-([^']+)'/.exec(again)?.[1]).not.toBe(nonce);
  });

  test("no page can be framed: the browser refuses /settings in an iframe", async ({ page, baseURL }) => {
    const refused = page.waitForEvent("console", (m: ConsoleMessage) => /frame-ancestors/i.test(m.text()));
    await page.setContent(`<iframe src="${baseURL}/settings" title="framed"></iframe>`);
    expect((await refused).text()).toMatch(/violates the following Content Security Policy directive: "frame-ancestors 'none'"\. The request has been blocked/);
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Settings" })).toHaveCount(0);
  });

  test("the app runs under the policy: no CSP violation while signing in and using the screens", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
    });
    await signIn(page);
    for (const path of ["/campaigns", "/uploads", "/settings"]) {
      await page.goto(path);
      await expect(page.locator("h1")).toBeVisible();
    }
    await page.goto("/upload");
    await expect(page.locator("h1")).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("API answers: nosniff and a policy that allows nothing", async ({ request }) => {
    const { demo } = seedData();
    const res = await request.get("/api/v1/campaigns", { headers: { authorization: `Bearer ${demo.apiKey}` } });
    expect(res.status()).toBe(200);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  test("unknown API paths answer JSON 404s in their family's shape, with or without the trailing slash", async ({ request }) => {
    for (const [path, body] of [
      ["/api/v1/nope", { success: false, message: "Route not found" }],
      ["/api/v1/nope/", { success: false, message: "Route not found" }],
      ["/api/bulkphonebookupload/nope/", { detail: "Not found." }],
      ["/api/nope", { error: { code: "not_found", message: "No API route for GET /api/nope" } }],
    ] as const) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      expect(res.headers()["content-type"]).toMatch(/^application\/json/);
      expect(await res.json()).toEqual(body);
    }
  });
});

test.describe("the client address", () => {
  test("comes from the socket: a client's X-Forwarded-For and forged client headers are ignored, and no token is in the sign-in body", async ({ playwright, baseURL }) => {
    const { demo, databaseUrl } = seedData();
    const context = await playwright.request.newContext({ baseURL });
    const res = await context.post("/api/auth/sign-in/email", {
      data: { email: demo.admin.email, password: demo.admin.password },
      headers: { origin: baseURL!, "x-forwarded-for": "6.6.6.6", "x-dialsheet-client-ip": "7.7.7.7", "x-forwarded-proto": "https" },
    });
    expect(res.status()).toBe(200);
    const body = await res.text();
    expect(body).not.toMatch(/"token"/);
    const cookies = res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).not.toMatch(/;\s*secure/i); // http, whatever X-Forwarded-Proto claimed
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT s."ipAddress", s.token FROM sessions s JOIN users u ON u.id = s."userId" WHERE u.email = $1 ORDER BY s."createdAt" DESC LIMIT 1`,
      [demo.admin.email],
    );
    await client.end();
    await context.dispose();
    expect(rows[0].ipAddress).toMatch(/^(::1|127\.0\.0\.1|::ffff:127\.0\.0\.1)$/);
    expect(body).not.toContain(rows[0].token);
  });
});

test.describe("generate-token keys on the settings screen", () => {
  test("the login's key is listed as generate-token with its role and can be revoked there", async ({ page, request }) => {
    const { demo } = seedData();
    const res = await request.post("/api/generate-token/", { data: { username: demo.admin.email, password: demo.admin.password } });
    expect(res.status()).toBe(200);
    const { token } = await res.json();
    const prefix = token.slice(0, 10);
    await signIn(page);
    await page.goto("/settings");
    const row = page.getByRole("row").filter({ hasText: `${prefix}…` });
    await expect(row).toContainText("generate-token");
    await expect(row).toContainText("admin");
    await row.getByRole("button", { name: /^Revoke/ }).click();
    await expect(row).toContainText("revoked");
    const after = await request.get("/api/v1/campaigns", { headers: { authorization: `Token ${token}` } });
    expect(after.status()).toBe(401);
  });
});
