import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { POST as generateToken } from "@/app/api/generate-token/route";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as listCampaigns } from "@/app/api/v1/campaigns/route";
import { GET as getMapping } from "@/app/api/campaigns/[id]/mapping/route";
import { GET as statusGet } from "@/app/api/bulkphonebookupload/status/[job_id]/route";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/passwords";
import { verifyApiKey } from "@/lib/auth/api-keys";
import { env } from "@/lib/env";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { applyTrustedClientHeaders, CLIENT_IP_HEADER, CLIENT_PROTO_HEADER, trustedClientIp, trustedClientProto } from "./client-ip";
import { closeRateLimits, SIGN_IN_FAILURES_PER_ACCOUNT, SIGN_IN_PER_IP_PER_MINUTE } from "./rate-limits";

// Sign-in and generate-token are limited per client IP and per account, every API key per
// minute, in Postgres (so all web nodes share the counts); 429 carries Retry-After in each
// contract's shape. The client IP is what the launcher's server derived from the socket.

let org: TestOrg;
const password = "correct horse battery";
let email: string;

beforeAll(async () => {
  org = await createTestOrg("limits");
  email = `limited-${org.suffix}@limits.test`;
  await newUser(email);
});
afterAll(async () => {
  await closeRateLimits();
  await deleteTestOrg(org);
});

async function newUser(address: string) {
  const user = await db.user.create({
    data: { email: address, name: "u", organizationId: org.id, membership: { create: { organizationId: org.id, role: "operator" } } },
  });
  await db.account.create({
    data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(password) },
  });
}

const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
const token = (body: unknown, from: string, headers: Record<string, string> = {}) =>
  call(generateToken, { body, headers: { [CLIENT_IP_HEADER]: from, ...headers } });
const signIn = (body: unknown, from: string, headers: Record<string, string> = {}) =>
  call(authPost, { path: "/api/auth/sign-in/email", body, headers: { [CLIENT_IP_HEADER]: from, origin: "http://localhost", ...headers } });

describe("the client IP", () => {
  it("is the socket's address unless trusted proxies are configured; X-Forwarded-For entries a client wrote do not count", () => {
    expect(trustedClientIp("10.0.0.9", "1.2.3.4", 0)).toBe("10.0.0.9");
    expect(trustedClientIp("10.0.0.9", undefined, 0)).toBe("10.0.0.9");
    expect(trustedClientIp("10.0.0.9", "1.2.3.4, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(trustedClientIp("10.0.0.9", "1.2.3.4, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(trustedClientProto(false, "https", 0)).toBe("http");
    expect(trustedClientProto(false, "https", 1)).toBe("https");
    expect(trustedClientProto(true, undefined, 0)).toBe("https");
  });

  it("is written over whatever the client sent before Next.js reads the request (scripts/next-server.ts)", () => {
    const forged: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-proto": "https",
      [CLIENT_IP_HEADER]: "6.6.6.6",
      [CLIENT_PROTO_HEADER]: "https",
    };
    applyTrustedClientHeaders(forged, { remoteAddress: "10.0.0.9", encrypted: false }, 0);
    expect(forged).toEqual({
      "x-forwarded-for": "10.0.0.9",
      "x-forwarded-proto": "http",
      [CLIENT_IP_HEADER]: "10.0.0.9",
      [CLIENT_PROTO_HEADER]: "http",
    });
    const proxied: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "6.6.6.6, 198.51.100.7",
      "x-forwarded-proto": "https",
    };
    applyTrustedClientHeaders(proxied, { remoteAddress: "10.0.0.2" }, 1);
    expect(proxied[CLIENT_IP_HEADER]).toBe("198.51.100.7");
    expect(proxied[CLIENT_PROTO_HEADER]).toBe("https");
  });
});

describe("POST /api/generate-token/", () => {
  it(`allows ${SIGN_IN_PER_IP_PER_MINUTE} attempts a minute per IP, then 429 with Retry-After in DRF's words, whatever X-Forwarded-For says`, async () => {
    const from = ip();
    for (let i = 0; i < SIGN_IN_PER_IP_PER_MINUTE; i++) {
      const res = await token({ username: `nobody-${i}-${randomUUID()}@x.test`, password: "wrong" }, from, {
        "x-forwarded-for": `192.0.2.${i}`,
      });
      expect(res.status).toBe(400);
    }
    const res = await token({ username: email, password }, from, { "x-forwarded-for": "192.0.2.250" });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.json).toEqual({
      detail: `Request was throttled. Expected available in ${retryAfter} second${retryAfter === 1 ? "" : "s"}.`,
    });
    // Another address is not affected.
    expect((await token({ username: email, password }, ip())).status).toBe(200);
  });

  it(`locks an account after ${SIGN_IN_FAILURES_PER_ACCOUNT} wrong passwords from any addresses, also for the right password`, async () => {
    const victim = `victim-${org.suffix}@limits.test`;
    await newUser(victim);
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT; i++)
      expect((await token({ username: victim, password: `wrong-${i}` }, ip())).status).toBe(400);
    const locked = await token({ username: victim, password }, ip());
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(60);
    // The lock is per account: other users sign in.
    expect((await token({ username: email, password }, ip())).status).toBe(200);
  });

  it("keeps its counts in Postgres: a fresh limiter (another web node) sees them", async () => {
    const from = ip();
    for (let i = 0; i < SIGN_IN_PER_IP_PER_MINUTE; i++) await token({ username: `n-${i}-${randomUUID()}@x.test`, password: "wrong" }, from);
    await closeRateLimits(); // the next call builds new limiters on a new pool
    expect((await token({ username: email, password }, from)).status).toBe(429);
  });
});

describe("sign-in (better-auth's /api/auth/sign-in/email)", () => {
  it(`allows ${SIGN_IN_PER_IP_PER_MINUTE} attempts a minute per IP, then 429 with Retry-After in better-auth's shape`, async () => {
    const from = ip();
    for (let i = 0; i < SIGN_IN_PER_IP_PER_MINUTE; i++) {
      const res = await signIn({ email: `nobody-${i}-${randomUUID()}@x.test`, password: "wrong-password" }, from, {
        "x-forwarded-for": `192.0.2.${i}`,
      });
      expect(res.status).toBe(401);
    }
    const res = await signIn({ email, password }, from);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(res.json).toEqual({
      code: "TOO_MANY_REQUESTS",
      message: `Too many sign-in attempts; try again in ${res.headers.get("retry-after")} seconds`,
    });
  });

  it(`locks the account after ${SIGN_IN_FAILURES_PER_ACCOUNT} wrong passwords`, async () => {
    const victim = `victim2-${org.suffix}@limits.test`;
    await newUser(victim);
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT; i++)
      expect((await signIn({ email: victim, password: `wrong-pass-${i}` }, ip())).status).toBe(401);
    expect((await signIn({ email: victim, password }, ip())).status).toBe(429);
  });

  it("answers without the session token in the body; the cookie carries it", async () => {
    const res = await signIn({ email, password }, ip());
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/"token"/);
    expect(res.json.user.email).toBe(email);
    const session = await db.session.findFirstOrThrow({ where: { user: { email } }, orderBy: { createdAt: "desc" } });
    expect(res.text).not.toContain(session.token);
    expect(res.headers.getSetCookie().join("\n")).toContain("session_token=");
  });

  it("ends the session at sign-out, whatever cookies the client still sends", async () => {
    const res = await signIn({ email, password }, ip());
    const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
    // No cached session-data cookie is issued: every request checks the session row.
    expect(cookies.some((c) => c.includes("session_data"))).toBe(false);
    const cookie = cookies.join("; ");
    const before = await call(authGet, { path: "/api/auth/get-session", headers: { cookie } });
    expect(before.json.user.email).toBe(email);
    expect(before.text).not.toMatch(/"token"/);
    const out = await call(authPost, { path: "/api/auth/sign-out", body: {}, headers: { cookie, origin: "http://localhost" } });
    expect(out.status).toBe(200);
    const after = await call(authGet, { path: "/api/auth/get-session", headers: { cookie } });
    expect(after.json).toBeNull();
    expect((await call(listCampaigns, { headers: { cookie } })).status).toBe(401);
  });

  it("marks cookies Secure behind HTTPS (the trusted proxy's protocol)", async () => {
    expect(env.APP_URL.startsWith("https:")).toBe(false);
    const plain = await signIn({ email, password }, ip());
    expect(plain.headers.getSetCookie().every((c) => !/;\s*secure/i.test(c))).toBe(true);
    const secure = await signIn({ email, password }, ip(), { [CLIENT_PROTO_HEADER]: "https" });
    expect(secure.headers.getSetCookie().length).toBeGreaterThan(0);
    expect(secure.headers.getSetCookie().every((c) => /;\s*secure/i.test(c))).toBe(true);
  });
});

describe("every API key", () => {
  it(`is limited to API_KEY_REQUESTS_PER_MINUTE (${env.API_KEY_REQUESTS_PER_MINUTE}) requests a minute: 429 with Retry-After in each family's shape`, async () => {
    const { apiKeyId } = (await verifyApiKey(org.apiKey))!;
    expect((await call(listCampaigns, { apiKey: org.apiKey })).status).toBe(200);
    // Spend the rest of this minute's allowance directly in the store.
    await db.$executeRaw`UPDATE rate_limits SET points = ${env.API_KEY_REQUESTS_PER_MINUTE} WHERE key = ${`api-key:${apiKeyId}`}`;
    const timepay = await call(listCampaigns, { apiKey: org.apiKey });
    expect(timepay.status).toBe(429);
    const retryAfter = timepay.headers.get("retry-after");
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(timepay.json).toEqual({
      success: false,
      error: "TooManyRequests",
      message: `Too many requests; retry in ${retryAfter} seconds`,
    });
    const flexydial = await call(statusGet, { apiKey: org.apiKey, scheme: "Token", params: { job_id: "upl_x" } });
    expect(flexydial.status).toBe(429);
    expect(flexydial.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(flexydial.json.detail).toMatch(/^Request was throttled\. Expected available in \d+ seconds?\.$/);
    const app = await call(getMapping, { apiKey: org.apiKey, params: { id: "x" } });
    expect(app.status).toBe(429);
    expect(app.json.error.code).toBe("too_many_requests");
  });
});
