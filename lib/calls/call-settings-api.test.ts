import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { GET, PUT } from "@/app/api/settings/calls/route";
import { POST as testCall } from "@/app/api/settings/calls/test-call/route";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { callSettingsView } from "./call-settings-view";
import { getCallSettings } from "./call-settings";

// The dialer settings API and its "send a test call": simulated and HTTP (a provider stub on
// 127.0.0.1 that checks the Standard Webhooks signature, as a real provider would).

let org: TestOrg;
const secret = `whsec_${randomBytes(24).toString("base64")}`;
const provider = { received: [] as { verified: unknown; headers: Record<string, string | string[] | undefined> }[], status: 200 };
let providerUrl = "";
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (c: Buffer) => chunks.push(c));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    let verified: unknown = null;
    try {
      verified = new Webhook(secret).verify(body, request.headers as Record<string, string>);
    } catch {
      verified = "BAD SIGNATURE";
    }
    provider.received.push({ verified, headers: request.headers });
    response
      .writeHead(provider.status, { "Content-Type": "application/json" })
      .end(JSON.stringify(provider.status === 200 ? { provider_call_id: "prov-test-1" } : { error: "busy" }));
  });
});

beforeAll(async () => {
  org = await createTestOrg("call-settings");
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  providerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dial`;
});
afterAll(async () => {
  await deleteTestOrg(org);
  await new Promise((resolve) => server.close(resolve));
});

const put = (body: unknown) => call(PUT, { method: "PUT", apiKey: org.apiKey, body });
const dialTest = (phone: unknown) => call(testCall, { apiKey: org.apiKey, body: { phone } });

describe("/api/settings/calls", () => {
  it("answers the defaults until changed; admins change them; problems are named", async () => {
    const res = await call(GET, { apiKey: org.apiKey });
    expect([res.status, res.json]).toEqual([
      200,
      {
        settings: {
          frequencyCap: 3,
          maxConcurrentCalls: 50,
          dialerKind: "simulated",
          providerUrl: null,
          providerSecret: null,
          providerTimeoutMs: 10000,
          simulatedDelayMs: 5000,
          simulatedContactedPct: 60,
          simulatedNoContactPct: 30,
          simulatedFailedPct: 10,
          simulatedSeed: "dialsheet",
          fromPhone: "+918035450808",
          providerSecretSet: false,
        },
      },
    ]);
    const saved = await put({ frequencyCap: 2, maxConcurrentCalls: 20 });
    expect(saved.json.settings).toMatchObject({ frequencyCap: 2, maxConcurrentCalls: 20, dialerKind: "simulated" });
    expect(await getCallSettings(org.id)).toMatchObject({ frequencyCap: 2, maxConcurrentCalls: 20 });

    const http = await put({ dialerKind: "http" });
    expect([http.status, http.json]).toEqual([
      400,
      { error: { code: "validation", message: "Invalid call settings", errors: ["the http dialer needs providerUrl and providerSecret"] } },
    ]);
    const bad = await put({ frequencyCap: 0, providerSecret: "hunter2", colour: "red" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.errors).toHaveLength(3);
  });

  it("shows the provider secret to admins only", async () => {
    const settings = { ...(await getCallSettings(org.id)), providerSecret: secret };
    expect(callSettingsView(settings, "admin")).toMatchObject({ providerSecret: secret, providerSecretSet: true });
    expect(callSettingsView(settings, "operator")).toMatchObject({ providerSecret: null, providerSecretSet: true });
  });
});

describe("POST /api/settings/calls/test-call", () => {
  it("simulated: accepted, with the outcome the simulated dialer would report for that number (the same every time)", async () => {
    const first = await dialTest("98765 43210");
    expect(first.status).toBe(200);
    expect(first.json.testCall).toMatchObject({
      dialer: "simulated",
      to: "+919876543210",
      from: "+918035450808",
      accepted: true,
      error: null,
    });
    expect(first.json.testCall.providerCallId).toBe(`sim_${first.json.testCall.callId}`);
    expect(["Contacted", "No Contact", "Failed"]).toContain(first.json.testCall.simulatedResult.status);
    const again = await dialTest("+919876543210");
    expect(again.json.testCall.simulatedResult).toEqual(first.json.testCall.simulatedResult);
    const invalid = await dialTest("12");
    expect([invalid.status, invalid.json.error.message]).toEqual([400, "Validation failed"]);
    expect(invalid.json.error.errors[0]).toMatch(/^phone: /);
  });

  it("http: really POSTs a signed attempt to the provider and reports its answer", async () => {
    expect((await put({ dialerKind: "http", providerUrl, providerSecret: secret, providerTimeoutMs: 2000 })).status).toBe(200);
    const res = await dialTest("9876543210");
    expect(res.json.testCall).toMatchObject({
      dialer: "http",
      to: "+919876543210",
      accepted: true,
      providerCallId: "prov-test-1",
      error: null,
      simulatedResult: null,
    });
    const received = provider.received.at(-1)!;
    expect(received.headers["webhook-id"]).toBe(res.json.testCall.callId);
    expect(received.verified).toMatchObject({
      call_id: res.json.testCall.callId,
      to: "+919876543210",
      from: "+918035450808",
      campaign_name: "Dialsheet test call",
    });

    provider.status = 503;
    const refused = await dialTest("9876543210");
    expect(refused.json.testCall).toMatchObject({
      accepted: false,
      providerCallId: null,
      error: 'provider answered 503: {"error":"busy"}',
    });
    provider.status = 200;
  });
});
