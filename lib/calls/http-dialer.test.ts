import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { manualClock } from "@/lib/domain/clock";
import { createHttpDialer } from "./http-dialer";
import type { DialAttempt } from "./dialer";

// The HTTP dialer against a provider stub on 127.0.0.1: a signed POST per attempt (Standard
// Webhooks, verified by the stub with the same package), the provider's call id back, and every
// failure classified.

const SECRET = `whsec_${Buffer.from("dialsheet-test-secret-0123456789").toString("base64")}`;
type Seen = { headers: IncomingMessage["headers"]; body: string };
const seen: Seen[] = [];
let reply: (body: string) => { status: number; body: string; delayMs?: number } = () => ({ status: 200, body: JSON.stringify({ provider_call_id: "prov-1" }) });
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ headers: req.headers, body });
      const answer = reply(body);
      setTimeout(() => res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body), answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calls`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const attempt: DialAttempt = {
  callId: "0b5f0c7e-7a1e-4f7a-9a57-1c9e2f4b6a10", organizationId: "org_1", campaignId: "camp_1", campaignName: "Loan Recovery - Nov",
  serviceType: "debt_collection", customerId: "c0a80121-0000-4000-8000-000000000001", identifier: "LN1029384", name: "Rahul Sharma",
  language: "hindi", toPhone: "+919999999999", fromPhone: "+918888888888", agentId: "agent_1", dispositionId: "disp_1", attempt: 2,
  data: { emi_amount: 12500 }, at: new Date("2026-12-07T04:30:00Z"),
};
const clock = manualClock("2026-12-07T04:30:00Z");
const dialer = (timeoutMs = 2_000) => createHttpDialer({ url, secret: SECRET, timeoutMs, clock });

describe("HTTP dialer", () => {
  it("POSTs the attempt signed as a Standard Webhook and returns the provider's call id", async () => {
    seen.length = 0;
    expect(await dialer().place(attempt)).toEqual({ ok: true, providerCallId: "prov-1" });
    const [request] = seen;
    expect(request.headers["webhook-id"]).toBe(attempt.callId);
    expect(request.headers["webhook-timestamp"]).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    expect(JSON.parse(request.body)).toEqual({
      call_id: attempt.callId, attempt: 2, campaign_id: "camp_1", campaign_name: "Loan Recovery - Nov", agent_id: "agent_1", disposition_id: "disp_1",
      customer_id: attempt.customerId, identifier: "LN1029384", name: "Rahul Sharma", language: "hindi", to: "+919999999999", from: "+918888888888",
      data: { emi_amount: 12500 },
    });
    // What the provider does: verify the signature with the shared secret (and reject any other).
    const headers = { "webhook-id": String(request.headers["webhook-id"]), "webhook-timestamp": String(request.headers["webhook-timestamp"]), "webhook-signature": String(request.headers["webhook-signature"]) };
    const now = new Date();
    const live = await createHttpDialer({ url, secret: SECRET, timeoutMs: 2_000 }).place({ ...attempt, at: now });
    expect(live).toEqual({ ok: true, providerCallId: "prov-1" });
    const signed = seen[1];
    const liveHeaders = { "webhook-id": String(signed.headers["webhook-id"]), "webhook-timestamp": String(signed.headers["webhook-timestamp"]), "webhook-signature": String(signed.headers["webhook-signature"]) };
    expect(new Webhook(SECRET).verify(signed.body, liveHeaders)).toEqual(JSON.parse(signed.body));
    expect(() => new Webhook(`whsec_${Buffer.from("another-secret-entirely-000000").toString("base64")}`).verify(signed.body, liveHeaders)).toThrow();
    // The manual clock's timestamp is what was signed (and is outside the tolerance of a real receiver).
    expect(headers["webhook-signature"]).toBe(new Webhook(SECRET).sign(attempt.callId, clock.now(), request.body));
  });

  it("classifies failures: 5xx, 429 and timeouts are retryable; other answers are permanent", async () => {
    const cases: [ReturnType<typeof reply>, "retryable" | "permanent"][] = [
      [{ status: 503, body: "busy" }, "retryable"],
      [{ status: 429, body: "slow down" }, "retryable"],
      [{ status: 400, body: "bad number" }, "permanent"],
      [{ status: 200, body: "{}" }, "permanent"],
      [{ status: 200, body: JSON.stringify({ provider_call_id: "late" }), delayMs: 1_000 }, "retryable"],
    ];
    for (const [answer, kind] of cases) {
      reply = () => answer;
      expect(await dialer(300).place(attempt)).toMatchObject({ ok: false, kind });
    }
    expect(await createHttpDialer({ url: "http://127.0.0.1:1/calls", secret: SECRET, timeoutMs: 500, clock }).place(attempt)).toMatchObject({ ok: false, kind: "retryable" });
  });
});
