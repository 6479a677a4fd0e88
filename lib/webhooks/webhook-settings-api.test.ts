import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, PUT } from "@/app/api/settings/webhook/route";
import { GET as listDeliveries } from "@/app/api/settings/webhook/deliveries/route";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { saveWebhookEndpoint } from "./webhook-endpoint";

// The settings API of results out: the endpoint and its secret, and the delivery log.

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("hook-settings-a");
  b = await createTestOrg("hook-settings-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

describe("/api/settings/webhook", () => {
  it("null before it is set; PUT creates it with a generated secret, keeps the secret on edits, rotates on request", async () => {
    expect((await call(GET, { apiKey: a.apiKey })).json).toEqual({ endpoint: null });
    const created = await call(PUT, { method: "PUT", apiKey: a.apiKey, body: { url: "https://crm.example.com/hooks/calls" } });
    expect(created.status).toBe(200);
    expect(Object.keys(created.json.endpoint)).toEqual(["url", "secret", "enabled", "createdAt", "updatedAt"]);
    expect(created.json.endpoint).toMatchObject({ url: "https://crm.example.com/hooks/calls", enabled: true });
    expect(created.json.endpoint.secret).toMatch(/^dswh_[A-Za-z0-9_-]{32}$/);

    const edited = await call(PUT, { method: "PUT", apiKey: a.apiKey, body: { url: "https://crm.example.com/v2", enabled: false } });
    expect(edited.json.endpoint).toMatchObject({ url: "https://crm.example.com/v2", enabled: false, secret: created.json.endpoint.secret });
    const rotated = await call(PUT, { method: "PUT", apiKey: a.apiKey, body: { url: "https://crm.example.com/v2", rotateSecret: true } });
    expect(rotated.json.endpoint.secret).not.toBe(created.json.endpoint.secret);
    const chosen = await call(PUT, {
      method: "PUT",
      apiKey: a.apiKey,
      body: { url: "https://crm.example.com/v2", secret: "their-own-secret-123" },
    });
    expect(chosen.json.endpoint).toMatchObject({ secret: "their-own-secret-123", enabled: false });
    expect((await call(GET, { apiKey: a.apiKey })).json.endpoint).toEqual(chosen.json.endpoint);
    // The other organization sees only its own.
    expect((await call(GET, { apiKey: b.apiKey })).json).toEqual({ endpoint: null });
  });

  it("400 naming each problem: not https, not a URL, short secret, unknown keys", async () => {
    const plain = await call(PUT, { method: "PUT", apiKey: b.apiKey, body: { url: "http://crm.example.com/hook", secret: "short" } });
    expect(plain.status).toBe(400);
    expect(plain.json).toEqual({
      error: {
        code: "validation",
        message: "Validation failed",
        errors: ["url: url must use https (plain http only to localhost)", "secret: secret must be at least 16 characters"],
      },
    });
    const junk = await call(PUT, { method: "PUT", apiKey: b.apiKey, body: { url: "not a url", colour: "red" } });
    expect(junk.json.error.errors).toEqual([
      "url: url must be an absolute URL (https://…)",
      "Unknown field(s): colour (use url, enabled, secret, rotateSecret)",
    ]);
    expect((await call(PUT, { method: "PUT", apiKey: b.apiKey, body: { url: "http://127.0.0.1:4000/hook" } })).status).toBe(200);
  });

  it("an operator cannot change it (403); DELETE removes it, then 404", async () => {
    await expect(
      saveWebhookEndpoint(
        { organizationId: b.id, actor: { userId: null, apiKeyId: null, role: "operator" }, source: "ui" },
        { url: "https://x.example.com" },
      ),
    ).rejects.toThrow("Only an admin can change the webhook endpoint");
    const removed = await call(DELETE, { method: "DELETE", apiKey: b.apiKey });
    expect([removed.status, removed.json]).toEqual([200, { endpoint: null }]);
    const again = await call(DELETE, { method: "DELETE", apiKey: b.apiKey });
    expect([again.status, again.json]).toEqual([404, { error: { code: "not_found", message: "No webhook endpoint is configured" } }]);
  });
});

describe("GET /api/settings/webhook/deliveries", () => {
  it("the organization's deliveries newest first with their log, 20 a page", async () => {
    for (let i = 0; i < 21; i++) {
      await db.webhookDelivery.create({
        data: { organizationId: a.id, callId: `call-${i}`, eventKey: `e-${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) },
      });
    }
    const first = await db.webhookDelivery.findFirstOrThrow({ where: { organizationId: a.id, callId: "call-20" } });
    await db.webhookDeliveryAttempt.create({
      data: { deliveryId: first.id, url: "https://x", statusCode: 500, error: "HTTP 500", durationMs: 12 },
    });

    const page1 = await call(listDeliveries, { apiKey: a.apiKey });
    expect(page1.status).toBe(200);
    expect(page1.json.pagination).toEqual({ page: 1, per_page: 20, total: 21, total_pages: 2 });
    expect(page1.json.deliveries[0]).toEqual({
      id: first.id,
      callId: "call-20",
      eventType: "call",
      status: "pending",
      attempts: 0,
      lastStatusCode: null,
      lastError: null,
      url: null,
      // No queue message waits for it (rows written directly).
      nextAttemptAt: null,
      deliveredAt: null,
      createdAt: "2026-01-01T00:20:00.000Z",
      log: [{ at: expect.any(String), statusCode: 500, error: "HTTP 500", durationMs: 12, trigger: "queue" }],
    });
    const page2 = await call(listDeliveries, { apiKey: a.apiKey, query: { page: "2" } });
    expect(page2.json.deliveries.map((d: { callId: string }) => d.callId)).toEqual(["call-0"]);
    expect((await call(listDeliveries, { apiKey: a.apiKey, query: { call_id: "call-3" } })).json.pagination.total).toBe(1);
    expect((await call(listDeliveries, { apiKey: b.apiKey })).json.pagination.total).toBe(0);
    const bad = await call(listDeliveries, { apiKey: a.apiKey, query: { page: "0" } });
    expect([bad.status, bad.json.error.errors]).toEqual([400, ["page must be a positive integer"]]);
  });
});
