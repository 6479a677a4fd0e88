import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as create } from "@/app/api/v1/campaigns/create/route";
import { GET as list } from "@/app/api/v1/campaigns/route";
import { POST as generateToken } from "@/app/api/generate-token/route";
import { createApiKey, hashKey, parseAuthorization, verifyApiKey } from "@/lib/auth/api-keys";
import { hashPassword } from "@/lib/auth/passwords";
import { getAuth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { CAMPAIGN_WINDOW, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";

let org: TestOrg;
const password = "correct horse battery";

beforeAll(async () => {
  org = await createTestOrg("auth");
  for (const role of ["operator", "viewer"] as const) {
    const user = await db.user.create({
      data: {
        email: `${role}-${org.suffix}@test.local`,
        name: role,
        organizationId: org.id,
        membership: { create: { organizationId: org.id, role } },
      },
    });
    await db.account.create({
      data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(password) },
    });
  }
});
afterAll(() => deleteTestOrg(org));

async function sessionCookie(role: "operator" | "viewer") {
  const { headers } = await getAuth().api.signInEmail({
    body: { email: `${role}-${org.suffix}@test.local`, password },
    returnHeaders: true,
  });
  const cookie = headers.get("set-cookie");
  expect(cookie).toBeTruthy();
  return cookie!.split(";")[0];
}

const campaignBody = (name: string) => ({
  name,
  description: "",
  campaignType: "lead",
  ...CAMPAIGN_WINDOW,
  languages: ["english"],
  region: "west",
});

describe("API keys", () => {
  it("are random, stored only as a SHA-256 hash, and resolve to their organization", async () => {
    const a = await createApiKey({ organizationId: org.id, name: "k1" });
    const b = await createApiKey({ organizationId: org.id, name: "k2" });
    expect(a.secret).not.toBe(b.secret);
    expect(a.secret).toMatch(/^dsk_[A-Za-z0-9_-]{43}$/);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: a.id }, omit: { hash: false } });
    expect(stored.hash).toBe(hashKey(a.secret));
    expect(stored.hash).not.toContain(a.secret.slice(4));
    expect(await verifyApiKey(a.secret)).toEqual({ organizationId: org.id, apiKeyId: a.id, userId: null, role: "admin" });
  });

  it("stop working once revoked", async () => {
    const key = await createApiKey({ organizationId: org.id, name: "revoked" });
    await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    expect(await verifyApiKey(key.secret)).toBeNull();
    expect((await call(list, { apiKey: key.secret })).status).toBe(401);
  });

  it("are read from Bearer and Token headers only", () => {
    expect(parseAuthorization("Bearer abc")).toEqual({ scheme: "bearer", key: "abc" });
    expect(parseAuthorization("token abc")).toEqual({ scheme: "token", key: "abc" });
    expect(parseAuthorization("Basic abc")).toBeNull();
    expect(parseAuthorization("Bearer")).toBeNull();
    expect(parseAuthorization("Bearer a b")).toBeNull();
    expect(parseAuthorization(null)).toBeNull();
  });
});

describe("operator sessions", () => {
  it("let an operator use the API with their organization's scope", async () => {
    const cookie = await sessionCookie("operator");
    const res = await call(create, { headers: { cookie }, body: campaignBody(`Session ${org.suffix}`) });
    expect(res.status).toBe(201);
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: res.json.data.id } });
    expect(campaign.organizationId).toBe(org.id);
  });

  it("let a viewer read but not write", async () => {
    const cookie = await sessionCookie("viewer");
    expect((await call(list, { headers: { cookie } })).status).toBe(200);
    const res = await call(create, { headers: { cookie }, body: campaignBody("Viewer attempt") });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      success: false,
      error: "Forbidden",
      message: "You don't have the required permission to perform this action",
    });
  });

  it("reject a wrong password", async () => {
    await expect(
      getAuth().api.signInEmail({ body: { email: `operator-${org.suffix}@test.local`, password: "nope-nope" } }),
    ).rejects.toThrow(/Invalid email or password/);
  });
});

describe("POST /api/generate-token/ (Flexydial)", () => {
  it("issues a Token key for the operator's organization", async () => {
    const res = await call(generateToken, { body: { username: `operator-${org.suffix}@test.local`, password } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json)).toEqual(["token"]);
    const credential = await verifyApiKey(res.json.token);
    expect(credential?.organizationId).toBe(org.id);
    expect((await call(list, { apiKey: res.json.token, scheme: "Token" })).status).toBe(200);
  });

  it("answers DRF's 400 for wrong credentials and unknown users alike", async () => {
    for (const body of [
      { username: `operator-${org.suffix}@test.local`, password: "wrong" },
      { username: "nobody@test.local", password },
    ]) {
      const res = await call(generateToken, { body });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ non_field_errors: ["Unable to log in with provided credentials."] });
    }
  });

  it("answers 400 for missing fields and 415 for form posts", async () => {
    const missing = await call(generateToken, { body: { username: "x" } });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ errors: "password: This field is required." });
    const form = await call(generateToken, {
      body: "username=x&password=y",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect(form.json).toEqual({ errors: "Content-Type must be application/json" });
  });
});
