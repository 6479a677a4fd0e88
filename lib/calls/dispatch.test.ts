import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCustomers, testDialer, createCallsCampaign } from "./calls-test-kit";
import { scheduleCalls } from "./schedule-calls";
import { drainDueAttempts, runDueAttempts } from "./dispatch";
import { recordCallResult } from "./record-call-result";
import { pauseCampaignCalls, resumeCampaignCalls } from "./campaign-calls";
import { claimDueAttempts } from "./claim-attempts";
import { getCallSettings } from "./call-settings";
import { INTERRUPTED_MESSAGE } from "./recover-attempts";
import { MAX_DIAL_ERRORS } from "./place-attempts";

// Dial-time checks: whatever changed since scheduling (DNC, agent, campaign status, the clock)
// is checked again when each attempt is due; caps make excess wait; results drive retries.

const orgs: TestOrg[] = [];
beforeAll(async () => {
  await getBoss();
});
afterAll(async () => {
  await Promise.all(orgs.map(deleteTestOrg));
  await stopBoss();
});

const MIN = 60_000;

async function setup(options: { n?: number; campaign?: Record<string, unknown>; start?: string } = {}) {
  const org = await createTestOrg("dispatch");
  orgs.push(org);
  const campaign = await createCallsCampaign(org.id, "emi", options.campaign ?? {});
  const customers = await createCustomers(campaign.id, options.n ?? 3);
  const clock = manualClock(options.start ?? "2099-12-07T04:30:00Z"); // Monday 10:00 IST
  const ctx = contextOf(org.id);
  const schedule = (ids = customers.map((c) => c.id), campaignId = campaign.id) =>
    scheduleCalls(ctx, { campaignId, customerIds: ids, agentId: org.agent.id, dispositionId: org.disposition.id, clock });
  const calls = () => db.call.findMany({ where: { organizationId: org.id }, orderBy: [{ createdAt: "asc" }, { attempt: "asc" }] });
  return { org, campaign, customers, clock, ctx, schedule, calls };
}

describe("at dial time", () => {
  it("blocks numbers put on the DNC list after scheduling, with the reason and an event", async () => {
    const { org, campaign, customers, clock, schedule, calls } = await setup();
    await schedule();
    await db.dncEntry.create({ data: { organizationId: org.id, campaignId: campaign.id, scope: campaign.id, phoneRaw: "x", phoneE164: customers[1].phoneE164 } });
    const { dialerFor, placed } = testDialer();
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed.map((p) => p.customerId).sort()).toEqual([customers[0].id, customers[2].id].sort());
    const blocked = (await calls()).find((c) => c.customerId === customers[1].id)!;
    expect(blocked).toMatchObject({ state: "blocked", blockedReason: "dnc", dialedAt: null, finishedAt: clock.now() });
    expect(await db.callEvent.findMany({ where: { callId: blocked.id }, select: { type: true, status: true } })).toEqual([{ type: "call.blocked", status: "dnc" }]);
  });

  it("blocks attempts of an agent deactivated after scheduling", async () => {
    const { org, clock, schedule, calls } = await setup({ n: 2 });
    await schedule();
    await db.agent.update({ where: { id: org.agent.id }, data: { active: false } });
    const { dialerFor, placed } = testDialer();
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed).toEqual([]);
    expect((await calls()).map((c) => [c.state, c.blockedReason])).toEqual([["blocked", "agent_inactive"], ["blocked", "agent_inactive"]]);
  });

  it("never dials early: an attempt whose window closed waits for the next opening, then is dialled", async () => {
    const { org, clock, schedule, calls } = await setup({ n: 1, start: "2099-12-07T13:25:00Z" }); // 18:55 IST
    await schedule();
    clock.set("2099-12-07T13:35:00Z"); // 19:05 IST: RBI's window is closed
    const { dialerFor, placed } = testDialer();
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed).toEqual([]);
    expect((await calls()).map((c) => [c.state, c.waitReason, c.notBefore.toISOString()])).toEqual([["scheduled", "window", "2099-12-08T03:30:00.000Z"]]); // 09:00 IST (campaign hours)
    clock.set("2099-12-08T03:29:59Z");
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed).toEqual([]);
    clock.set("2099-12-08T03:30:00Z");
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed.map((p) => p.at.toISOString())).toEqual(["2099-12-08T03:30:00.000Z"]);
  });

  it("keeps campaign and organization concurrency caps; excess waits and none fails", async () => {
    const { org, campaign, clock, schedule, calls } = await setup({ n: 6 });
    const second = await createCallsCampaign(org.id, "emi");
    const more = await createCustomers(second.id, 6, { offset: 50 });
    await db.campaign.updateMany({ where: { id: { in: [campaign.id, second.id] } }, data: { maxConcurrentCalls: 2 } });
    await db.callSettings.create({ data: { organizationId: org.id, maxConcurrentCalls: 3 } });
    await schedule();
    await schedule(more.map((c) => c.id), second.id);
    const { dialerFor, placed } = testDialer();
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    const live = async () => (await calls()).filter((c) => c.state === "dialing");
    expect((await live()).length).toBe(3);
    for (let round = 0; round < 10 && placed.length < 12; round++) {
      const dialing = await live();
      expect(dialing.length).toBeLessThanOrEqual(3);
      for (const id of [campaign.id, second.id]) expect(dialing.filter((c) => c.campaignId === id).length).toBeLessThanOrEqual(2);
      for (const call of dialing) await recordCallResult({ organizationId: org.id }, { providerCallId: call.providerCallId!, status: "Contacted", clock }, { wake: false });
      await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    }
    expect(placed.length).toBe(12);
    expect(new Set(placed.map((p) => p.callId)).size).toBe(12);
  });

  it("places no new calls for a paused campaign; resume continues (and clears an automatic pause)", async () => {
    const { org, campaign, clock, ctx, schedule, calls } = await setup({ n: 2 });
    await schedule();
    expect(await pauseCampaignCalls(ctx, campaign.id, clock)).toMatchObject({ status: "paused", pausedAt: clock.now() });
    const { dialerFor, placed } = testDialer();
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed).toEqual([]);
    await db.campaign.update({ where: { id: campaign.id }, data: { autoPausedReason: "Paused automatically: test" } });
    expect(await resumeCampaignCalls(ctx, campaign.id, clock)).toEqual({ id: campaign.id, status: "active", pausedAt: null, autoPausedReason: null });
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed.length).toBe(2);
    expect((await calls()).every((c) => c.state === "dialing")).toBe(true);
  });

  it("cancels what a completed campaign had scheduled", async () => {
    const { org, campaign, clock, schedule, calls } = await setup({ n: 2 });
    await schedule();
    await db.campaign.update({ where: { id: campaign.id }, data: { status: "completed" } });
    const { dialerFor, placed } = testDialer();
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed).toEqual([]);
    expect((await calls()).map((c) => [c.state, c.blockedReason])).toEqual([["cancelled", "campaign_completed"], ["cancelled", "campaign_completed"]]);
  });

  it("never calls one number twice at once, and enforces the frequency cap across campaigns", async () => {
    const { org, customers, clock, schedule, calls } = await setup({ n: 1 });
    const second = await createCallsCampaign(org.id, "emi");
    const twin = await createCustomers(second.id, 1, { phone: () => customers[0].phoneE164, offset: 70 });
    const third = await createCallsCampaign(org.id, "emi");
    const triplet = await createCustomers(third.id, 1, { phone: () => customers[0].phoneE164, offset: 80 });
    await db.callSettings.create({ data: { organizationId: org.id, frequencyCap: 2 } });
    await schedule();
    await schedule([twin[0].id], second.id);
    await schedule([triplet[0].id], third.id);
    const { dialerFor, placed } = testDialer();
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed.length).toBe(1); // the number is in a call: the others wait
    await recordCallResult({ organizationId: org.id }, { providerCallId: `t_${placed[0].callId}`, status: "Contacted", clock }, { wake: false });
    clock.advance(MIN);
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed.length).toBe(2);
    await recordCallResult({ organizationId: org.id }, { providerCallId: `t_${placed[1].callId}`, status: "Contacted", clock }, { wake: false });
    clock.advance(MIN);
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed.length).toBe(2);
    expect((await calls()).map((c) => c.blockedReason ?? c.state).sort()).toEqual(["completed", "completed", "frequency_cap"]);
  });
});

describe("retries and failures", () => {
  it("retries No Contact and Failed after the campaign's delay, up to its maximum", async () => {
    const { org, campaign, clock, schedule, calls } = await setup({ n: 1 });
    await db.campaign.update({ where: { id: campaign.id }, data: { maxRetries: 2, retryDelayMinutes: 30 } });
    await schedule();
    const { dialerFor, placed } = testDialer();
    for (const status of ["No Contact", "Failed", "No Contact"] as const) {
      await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
      const outcome = await recordCallResult({ organizationId: org.id }, { providerCallId: `t_${placed.at(-1)!.callId}`, status, clock }, { wake: false });
      expect(outcome).toMatchObject({ outcome: "updated", state: status === "Failed" ? "failed" : "completed" });
      clock.advance(29 * MIN);
      await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
      clock.advance(MIN);
    }
    expect(placed.map((p) => p.attempt)).toEqual([1, 2, 3]);
    const all = await calls();
    expect(all.map((c) => [c.attempt, c.state, c.outcome])).toEqual([[1, "completed", "No Contact"], [2, "failed", "Failed"], [3, "completed", "No Contact"]]);
    expect(all[1].retryOfId).toBe(all[0].id);
    expect(all[1].notBefore.getTime() - all[0].finishedAt!.getTime()).toBe(30 * MIN);
  });

  it("handles dialer errors: retryable ones back off and retry, then fail; permanent ones fail at once", async () => {
    const { org, customers, clock, schedule, calls } = await setup({ n: 2 });
    await db.campaign.updateMany({ where: { organizationId: org.id }, data: { maxRetries: 0 } });
    await schedule();
    const { dialerFor, placed } = testDialer((a) => (a.customerId === customers[0].id ? { ok: false, kind: "retryable", message: "503" } : { ok: false, kind: "permanent", message: "400 bad number" }));
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    let retryable = (await calls()).find((c) => c.customerId === customers[0].id)!;
    const permanent = (await calls()).find((c) => c.customerId === customers[1].id)!;
    expect(retryable).toMatchObject({ state: "scheduled", dialErrors: 1, waitReason: "dialer_retry", dialedAt: null });
    expect(retryable.notBefore.getTime() - clock.now().getTime()).toBe(MIN);
    expect(permanent).toMatchObject({ state: "failed", outcome: "Failed", errorMessage: "Dialer error: 400 bad number" });
    for (let i = 1; i < MAX_DIAL_ERRORS; i++) {
      clock.advance(2 ** i * MIN);
      await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    }
    retryable = (await calls()).find((c) => c.customerId === customers[0].id)!;
    expect(retryable).toMatchObject({ state: "failed", outcome: "Failed", errorMessage: "Dialer error: 503" });
    expect(placed.filter((p) => p.customerId === customers[0].id).length).toBe(MAX_DIAL_ERRORS);
  });

  it("pauses a campaign whose last 50 calls mostly failed, and says why", async () => {
    const { org, campaign, clock, schedule } = await setup({ n: 60 });
    await db.campaign.update({ where: { id: campaign.id }, data: { maxConcurrentCalls: 100, maxRetries: 0 } });
    await schedule();
    const { dialerFor, placed } = testDialer();
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed.length).toBe(50); // the organization's default cap
    for (const [i, p] of placed.entries()) {
      await recordCallResult({ organizationId: org.id }, { providerCallId: `t_${p.callId}`, status: i < 26 ? "Failed" : "Contacted", clock }, { wake: false });
    }
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
      status: "paused", autoPausedReason: "Paused automatically: 26 of the last 50 calls failed", pausedAt: clock.now(),
    });
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed.length).toBe(50);
  });

  it("ends an attempt whose worker died after claiming it: failed, never redialled, retried by policy", async () => {
    const { org, clock, schedule, calls } = await setup({ n: 1 });
    await schedule();
    // A worker claims it and dies before the dialer answers.
    const claimed = await claimDueAttempts(await getCallSettings(org.id), clock.now(), 10);
    expect(claimed.claimed.length).toBe(1);
    const { dialerFor, placed } = testDialer();
    clock.advance(MIN);
    await runDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed).toEqual([]);
    expect((await calls())[0].state).toBe("dialing");
    clock.advance(MIN + 1);
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    const [first, retry] = await calls();
    expect(first).toMatchObject({ state: "failed", outcome: "Failed", errorMessage: INTERRUPTED_MESSAGE });
    expect(retry).toMatchObject({ state: "scheduled", attempt: 2, retryOfId: first.id });
    expect(placed).toEqual([]);
  });
});
