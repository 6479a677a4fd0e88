import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCallsCampaign, createCustomers } from "./calls-test-kit";
import { scheduleCalls } from "./schedule-calls";
import { drainDueAttempts } from "./dispatch";
import { recordCallResult } from "./record-call-result";

// An organization on the HTTP dialer: the dispatcher POSTs each attempt to the provider stub,
// stores the provider's call id, and the provider's later result (what the inbound webhook route
// hands to recordCallResult) ends the call. A provider that is down leaves the attempt scheduled.

const SECRET = `whsec_${Buffer.from("provider-secret-for-dispatch-0001").toString("base64")}`;
let org: TestOrg;
let server: Server;
let url: string;
let up = true;
const received: { id: string; body: { call_id: string; to: string } }[] = [];

beforeAll(async () => {
  await getBoss();
  org = await createTestOrg("http-dialer");
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (!up) return res.writeHead(503).end("down");
      // The stub checks the signature as a provider would (the dispatcher signs with the system clock).
      new Webhook(SECRET).verify(body, req.headers as Record<string, string>);
      const parsed = JSON.parse(body);
      received.push({ id: String(req.headers["webhook-id"]), body: parsed });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ provider_call_id: `prov-${parsed.call_id}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dial`;
  await db.callSettings.create({ data: { organizationId: org.id, dialerKind: "http", providerUrl: url, providerSecret: SECRET, providerTimeoutMs: 2_000 } });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await deleteTestOrg(org);
  await stopBoss();
});

describe("dispatch with the HTTP dialer", () => {
  it("POSTs each attempt once, stores the provider's id, and the provider's result ends the call", async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const customers = await createCustomers(campaign.id, 3);
    const clock = manualClock("2099-12-07T04:30:00Z");
    await scheduleCalls(contextOf(org.id), { campaignId: campaign.id, customerIds: customers.map((c) => c.id), agentId: org.agent.id, dispositionId: null, clock });
    await drainDueAttempts({ clock, organizationId: org.id });
    const calls = await db.call.findMany({ where: { campaignId: campaign.id } });
    expect(received.map((r) => r.id).sort()).toEqual(calls.map((c) => c.id).sort());
    expect(received.map((r) => r.body.call_id).sort()).toEqual(calls.map((c) => c.id).sort());
    expect(calls.every((c) => c.state === "dialing" && c.providerCallId === `prov-${c.id}` && c.resultDueAt === null)).toBe(true);
    await drainDueAttempts({ clock, organizationId: org.id });
    expect(received.length).toBe(3);
    const outcome = await recordCallResult({ organizationId: org.id }, { providerCallId: `prov-${calls[0].id}`, status: "Contacted", duration: 45, clock });
    expect(outcome).toMatchObject({ outcome: "updated", callId: calls[0].id, state: "completed" });
  });

  it("leaves attempts scheduled with a backoff while the provider is down", async () => {
    up = false;
    const campaign = await createCallsCampaign(org.id, "emi");
    const customers = await createCustomers(campaign.id, 2, { offset: 100 });
    const clock = manualClock("2099-12-07T04:30:00Z");
    await scheduleCalls(contextOf(org.id), { campaignId: campaign.id, customerIds: customers.map((c) => c.id), agentId: org.agent.id, dispositionId: null, clock });
    await drainDueAttempts({ clock, organizationId: org.id });
    const calls = await db.call.findMany({ where: { campaignId: campaign.id } });
    expect(calls.map((c) => [c.state, c.waitReason, c.dialErrors, c.errorMessage])).toEqual([
      ["scheduled", "dialer_retry", 1, "provider answered 503: down"],
      ["scheduled", "dialer_retry", 1, "provider answered 503: down"],
    ]);
    up = true;
    clock.advance(60_000);
    await drainDueAttempts({ clock, organizationId: org.id });
    expect((await db.call.findMany({ where: { campaignId: campaign.id } })).every((c) => c.state === "dialing" && c.providerCallId)).toBe(true);
  });
});
