import { expect, test } from "@playwright/test";

// The API reference: /api/openapi.json from the running app, rendered at /docs/api with nothing
// fetched from anywhere but the app itself (no CDN, no web fonts).

test.describe("API reference", () => {
  test("serves the OpenAPI document with both families", async ({ request }) => {
    const res = await request.get("/api/openapi.json");
    expect(res.status()).toBe(200);
    const document = await res.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/api/v1/customers/add/bulk", "/api/bulkphonebookupload/v1/", "/api/generate-token/"]),
    );
    expect(Object.keys(document.components.securitySchemes)).toEqual(expect.arrayContaining(["timepayBearer", "flexydialToken"]));
  });

  test("renders /docs/api offline: every request stays on this app", async ({ page, baseURL }) => {
    const origin = new URL(baseURL ?? "http://localhost").origin;
    const elsewhere: string[] = [];
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/.test(message.text())) blocked.push(message.text());
    });
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (!["data:", "blob:", "about:"].includes(url.protocol) && url.origin !== origin) elsewhere.push(req.url());
    });
    await page.goto("/docs/api");
    await expect(page.getByText("Dialsheet API").first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Bulk add customers").first()).toBeVisible();
    await expect(page.getByRole("button", { name: /Flexydial/ }).first()).toBeVisible();
    // The operations themselves are rendered (the main column, not only the sidebar).
    await expect(page.getByText("Adds up to 10,000 records to a campaign.").first()).toBeVisible({ timeout: 30_000 });
    expect(elsewhere).toEqual([]);
    // Nothing even tried to leave (the page's CSP would have blocked it).
    expect(blocked).toEqual([]);
  });
});
