import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as initiate } from "@/app/api/v1/initiate/[campaignId]/calls/route";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { loan } from "@/lib/test/records";
import { contextOf, createCallsCampaign, createCustomers, testDialer } from "./calls-test-kit";
import { scheduleCalls } from "./schedule-calls";
import { drainDueAttempts } from "./dispatch";
import { DEFAULT_CALL_SETTINGS } from "./call-settings";
import { addCallerNumber, listCallerNumbers, NO_ACTIVE_CALLER_NUMBER, setCallerNumberActive } from "./caller-numbers";

// Caller numbers: the organization's outbound numbers become the calls' from_phone (in turn,
// least recently used first); none configured → the dialer's default; configured and none
// active → initiate, bulk add with calls and preflight answer 400 and waiting attempts end blocked.

const orgs: TestOrg[] = [];
beforeAll(async () => {
  await getBoss();
});
afterAll(async () => {
  await Promise.all(orgs.map(deleteTestOrg));
  await stopBoss();
});

async function setup(n = 4) {
  const org = await createTestOrg("caller-numbers");
  orgs.push(org);
  const campaign = await createCallsCampaign(org.id, "emi");
  const customers = await createCustomers(campaign.id, n);
  const clock = manualClock("2099-12-07T04:30:00Z"); // Monday 10:00 IST
  const ctx = contextOf(org.id);
  const schedule = () =>
    scheduleCalls(ctx, {
      campaignId: campaign.id,
      customerIds: customers.map((c) => c.id),
      agentId: org.agent.id,
      dispositionId: null,
      clock,
    });
  return { org, campaign, customers, clock, ctx, schedule };
}

describe("caller numbers", () => {
  it("without numbers, calls come from the dialer's default caller id", async () => {
    const { org, clock, schedule } = await setup(2);
    await schedule();
    const { dialerFor, placed } = testDialer();
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed.map((p) => p.fromPhone)).toEqual([DEFAULT_CALL_SETTINGS.fromPhone, DEFAULT_CALL_SETTINGS.fromPhone]);
    const calls = await db.call.findMany({ where: { organizationId: org.id }, select: { fromPhone: true } });
    expect(calls.map((c) => c.fromPhone)).toEqual([DEFAULT_CALL_SETTINGS.fromPhone, DEFAULT_CALL_SETTINGS.fromPhone]);
  });

  it("with numbers, each dial takes an active one in turn; the call keeps it as from_phone; inactive ones are skipped", async () => {
    const { org, ctx, clock, schedule } = await setup(4);
    const one = await addCallerNumber(ctx, { phone: "080 3545 0801", label: "line 1" });
    const two = await addCallerNumber(ctx, { phone: "+918035450802" });
    const off = await addCallerNumber(ctx, { phone: "+911140001001" });
    await setCallerNumberActive(ctx, off.id, false);
    expect(one.phoneE164).toBe("+918035450801");
    await schedule();
    const { dialerFor, placed } = testDialer();
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed).toHaveLength(4);
    const counts = new Map<string, number>();
    for (const p of placed) counts.set(p.fromPhone, (counts.get(p.fromPhone) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ "+918035450801": 2, "+918035450802": 2 });
    const calls = await db.call.findMany({ where: { organizationId: org.id }, select: { id: true, fromPhone: true } });
    const byId = new Map(calls.map((c) => [c.id, c.fromPhone]));
    for (const p of placed) expect(byId.get(p.callId)).toBe(p.fromPhone);
    const numbers = await listCallerNumbers(org.id);
    expect(
      numbers
        .filter((n) => n.lastUsedAt)
        .map((n) => n.id)
        .sort(),
    ).toEqual([one.id, two.id].sort());
  });

  it("refuses invalid and duplicate numbers, and non-admins", async () => {
    const { ctx } = await setup(0);
    await expect(addCallerNumber(ctx, { phone: "12345" })).rejects.toThrow("Invalid caller number");
    await addCallerNumber(ctx, { phone: "+918035450801" });
    await expect(addCallerNumber(ctx, { phone: "08035450801" })).rejects.toThrow("+918035450801 is already one of your caller numbers");
    await expect(addCallerNumber({ ...ctx, actor: { ...ctx.actor, role: "operator" } }, { phone: "+918035450802" })).rejects.toThrow(
      "Only admins can change caller numbers",
    );
  });

  it("configured and none active: scheduling is refused, waiting attempts end blocked with the reason", async () => {
    const { org, ctx, clock, schedule } = await setup(2);
    const only = await addCallerNumber(ctx, { phone: "+918035450801" });
    await schedule();
    await setCallerNumberActive(ctx, only.id, false);
    await expect(schedule()).rejects.toThrow(NO_ACTIVE_CALLER_NUMBER);
    const { dialerFor, placed } = testDialer();
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed).toEqual([]);
    const calls = await db.call.findMany({ where: { organizationId: org.id }, select: { state: true, blockedReason: true } });
    expect(calls).toEqual([
      { state: "blocked", blockedReason: "no_active_caller_number" },
      { state: "blocked", blockedReason: "no_active_caller_number" },
    ]);
  });

  it("400 naming the problem on initiate, its preflight, and bulk add with initiateCall (no record added)", async () => {
    const { org, ctx, campaign } = await setup(2);
    const only = await addCallerNumber(ctx, { phone: "+918035450801" });
    await setCallerNumberActive(ctx, only.id, false);
    const target = { agentId: org.agent.id, dispositionId: org.disposition.id };
    const path = `/api/v1/initiate/${campaign.id}/calls`;
    const res = await call(initiate, { apiKey: org.apiKey, params: { campaignId: campaign.id }, body: target, path });
    expect([res.status, res.json.success, res.json.message]).toEqual([400, false, NO_ACTIVE_CALLER_NUMBER]);
    const pre = await call(initiate, {
      apiKey: org.apiKey,
      params: { campaignId: campaign.id },
      body: target,
      path,
      query: { validateOnly: "true" },
    });
    expect([pre.status, pre.json.message]).toEqual([400, NO_ACTIVE_CALLER_NUMBER]);
    expect(await db.call.count({ where: { organizationId: org.id } })).toBe(0);

    const before = await db.customer.count({ where: { campaignId: campaign.id } });
    for (const query of [undefined, { validateOnly: "true" }]) {
      const bulk = await call(bulkAdd, {
        apiKey: org.apiKey,
        query,
        body: { campaignId: campaign.id, records: [loan(901)], initiateCall: true, callConfig: target },
      });
      expect([bulk.status, bulk.json.message]).toEqual([400, NO_ACTIVE_CALLER_NUMBER]);
    }
    expect(await db.customer.count({ where: { campaignId: campaign.id } })).toBe(before);
    // Without calls, records are still added.
    const plain = await call(bulkAdd, { apiKey: org.apiKey, body: { campaignId: campaign.id, records: [loan(902)] } });
    expect(plain.status).toBe(201);
  });
});
