import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { ApiError } from "@/lib/api/errors";
import { appDialect } from "@/lib/api/app-dialect";
import { flexydialDialect, flexydialDncDialect } from "@/lib/flexydial/dialect";
import { timepayDialect } from "@/lib/timepay/dialect";
import { call } from "@/lib/test/http";
import { logger } from "@/lib/log";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("wrap-a");
  b = await createTestOrg("wrap-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

describe("withApi error mapping", () => {
  it("answers a generic 500 in each dialect and never leaks the error", async () => {
    const spy = vi.spyOn(logger, "error");
    const expected = {
      timepay: { success: false, error: "Internal Server Error", message: "An unexpected error occurred" },
      flexydial: { errors: "Oops Something went wrong, Please contact Administrator" },
      "flexydial-dnc": { detail: "Oops Something went wrong, Please contact Administrator" },
      app: { error: { code: "internal", message: "An unexpected error occurred" } },
    } as const;
    const dialects = { timepay: timepayDialect, flexydial: flexydialDialect, "flexydial-dnc": flexydialDncDialect, app: appDialect };
    for (const [dialect, body] of Object.entries(expected)) {
      const handler = withApi({ dialect: dialects[dialect as keyof typeof expected], auth: "none" }, async () => {
        throw new Error('relation "secret_table" does not exist at 10.0.0.5');
      });
      const res = await call(handler);
      expect(res.status).toBe(500);
      expect(res.json).toEqual(body);
      expect(res.text).not.toContain("secret_table");
    }
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ error: expect.stringContaining("secret_table") }), "unhandled route error");
    spy.mockRestore();
  });

  it("writes ApiErrors with their status, and contract bodies verbatim", async () => {
    const notFound = withApi({ dialect: timepayDialect, auth: "none" }, async () => {
      throw new ApiError("not_found", "Campaign not found");
    });
    expect(await call(notFound)).toMatchObject({ status: 404, json: { success: false, message: "Campaign not found" } });
    const flexy = withApi({ dialect: flexydialDialect, auth: "none" }, async () => {
      throw new ApiError("bad_request", "Insert operation cannot have reference_field.");
    });
    expect(await call(flexy)).toMatchObject({ status: 400, json: { errors: "Insert operation cannot have reference_field." } });
  });

  it("rejects missing bodies, wrong types and non-JSON with clear messages", async () => {
    const handler = withApi({ dialect: appDialect, auth: "none", body: z.object({ n: z.number() }) }, async ({ body }) => ({
      status: 200,
      body,
    }));
    expect(await call(handler, { method: "POST", headers: { "content-type": "application/json" } })).toMatchObject({
      status: 400,
      json: { error: { code: "bad_request", message: "Request body is empty; send a JSON document" } },
    });
    expect(await call(handler, { body: { n: "1" } })).toMatchObject({
      status: 400,
      json: { error: { code: "validation", errors: ["n: Invalid input: expected number, received string"] } },
    });
    expect(await call(handler, { body: "\u0000{" })).toMatchObject({ status: 400 });
    expect(await call(handler, { body: { n: 1 }, headers: { "content-type": "text/csv" } })).toMatchObject({ status: 415 });
    expect(await call(handler, { body: { n: 1 }, headers: { "content-type": "application/json; charset=utf-8" } })).toMatchObject({
      status: 200,
      json: { n: 1 },
    });
    expect(await call(handler, { body: { n: 1 }, headers: { "content-type": "application/vnd.api+json" } })).toMatchObject({ status: 200 });
  });

  it("enforces a smaller per-route body limit", async () => {
    const handler = withApi({ dialect: appDialect, auth: "none", body: z.unknown(), maxBytes: 1024 }, async () => ({
      status: 200,
      body: {},
    }));
    expect((await call(handler, { body: { s: "x".repeat(1000) } })).status).toBe(200);
    expect((await call(handler, { body: { s: "x".repeat(1100) } })).status).toBe(413);
  });
});

describe("Idempotency-Key", () => {
  const writes: string[] = [];
  let release: (() => void) | null = null;
  const handler = withApi(
    {
      dialect: timepayDialect,
      auth: "credential",
      body: z.object({ v: z.string(), wait: z.boolean().optional(), fail: z.boolean().optional() }),
      idempotent: true,
    },
    async ({ body }) => {
      if (body.wait) await new Promise<void>((resolve) => (release = resolve));
      if (body.fail) throw new Error("boom");
      writes.push(body.v);
      return { status: 201, body: { success: true, wrote: body.v, n: writes.length } };
    },
  );

  it("replays the stored response for the same key and body, and runs the handler once", async () => {
    const key = `k-${Date.now()}`;
    const first = await call(handler, { apiKey: a.apiKey, body: { v: "one" }, headers: { "idempotency-key": key } });
    const again = await call(handler, { apiKey: a.apiKey, body: { v: "one" }, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(writes.filter((w) => w === "one")).toHaveLength(1);
  });

  it("answers 422 for the same key with another body", async () => {
    const key = `k2-${Date.now()}`;
    await call(handler, { apiKey: a.apiKey, body: { v: "two" }, headers: { "idempotency-key": key } });
    const other = await call(handler, { apiKey: a.apiKey, body: { v: "three" }, headers: { "idempotency-key": key } });
    expect(other.status).toBe(422);
    expect(other.json).toEqual({
      success: false,
      error: "UnprocessableEntity",
      message: "Idempotency-Key was already used with a different request body",
    });
    expect(writes).not.toContain("three");
  });

  it("answers 409 while the first request is still running", async () => {
    const key = `k3-${Date.now()}`;
    const slow = call(handler, { apiKey: a.apiKey, body: { v: "slow", wait: true }, headers: { "idempotency-key": key } });
    await vi.waitFor(() => expect(release).not.toBeNull());
    const concurrent = await call(handler, { apiKey: a.apiKey, body: { v: "slow", wait: true }, headers: { "idempotency-key": key } });
    expect(concurrent.status).toBe(409);
    expect(concurrent.json.message).toBe("A request with this Idempotency-Key is still in progress");
    release!();
    expect((await slow).status).toBe(201);
  });

  it("keeps keys per organization and releases a key whose request failed", async () => {
    const key = `k4-${Date.now()}`;
    const spy = vi.spyOn(logger, "error");
    expect((await call(handler, { apiKey: a.apiKey, body: { v: "x", fail: true }, headers: { "idempotency-key": key } })).status).toBe(500);
    spy.mockRestore();
    expect((await call(handler, { apiKey: a.apiKey, body: { v: "x" }, headers: { "idempotency-key": key } })).status).toBe(201);
    const inB = await call(handler, { apiKey: b.apiKey, body: { v: "y" }, headers: { "idempotency-key": key } });
    expect(inB.status).toBe(201);
    expect(inB.json.wrote).toBe("y");
  });
});
