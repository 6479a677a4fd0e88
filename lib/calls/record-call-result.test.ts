import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss, QUEUES, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { Invalid } from "@/lib/domain/errors";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCustomers, testDialer, createCallsCampaign } from "./calls-test-kit";
import { scheduleCalls } from "./schedule-calls";
import { drainDueAttempts } from "./dispatch";
import { recordCallResult } from "./record-call-result";
import { claimDueAttempts } from "./claim-attempts";
import { getCallSettings } from "./call-settings";
import { onCallEvent } from "./call-events";

// The one results path: idempotent on the provider call id, safe out of order, with the
// customer's last outcome and the outbox event in the same transaction.

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  await getBoss();
  [org, other] = await Promise.all([createTestOrg("results"), createTestOrg("results-other")]);
});
afterAll(async () => {
  await Promise.all([deleteTestOrg(org), deleteTestOrg(other)]);
  await stopBoss();
});

async function dialling(n = 1, offset = 0) {
  const campaign = await createCallsCampaign(org.id, "emi");
  const customers = await createCustomers(campaign.id, n, { offset });
  const clock = manualClock("2099-12-07T04:30:00Z");
  await scheduleCalls(contextOf(org.id), { campaignId: campaign.id, customerIds: customers.map((c) => c.id), agentId: org.agent.id, dispositionId: null, clock });
  const { dialerFor } = testDialer();
  await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
  const calls = await db.call.findMany({ where: { campaignId: campaign.id } });
  return { campaign, customers, clock, calls };
}

const result = {
  status: "Contacted" as const,
  disposition: "promise to pay", // matched to the organization's "Promise to Pay" regardless of case
  duration: 145,
  startedAt: new Date("2099-12-07T04:30:05Z"),
  endedAt: new Date("2099-12-07T04:32:30Z"),
  summary: "Agreed to pay on the 16th",
  extractedData: { emi_amount: 12500, promise_to_pay_date: "2099-12-16" },
  recordingId: "63c30c3d-ce24-4c33-a64a-c2f81ca48d0b",
  transcriptId: "9a1f0c52-7c55-4a8e-9d1b-6d2c5f0e8b11",
  fromPhone: "+918001234567",
};

describe("recordCallResult", () => {
  it("updates the call, the customer's last outcome and writes one event; a second delivery changes nothing", async () => {
    const { calls, clock } = await dialling(1, 0);
    const call = calls[0];
    clock.advance(150_000);
    const first = await recordCallResult({ organizationId: org.id }, { ...result, providerCallId: call.providerCallId!, clock });
    expect(first).toEqual({ outcome: "updated", callId: call.id, state: "completed", retry: null });
    const again = await recordCallResult({ organizationId: org.id }, { ...result, status: "Failed", providerCallId: call.providerCallId!, clock });
    expect(again).toEqual({ outcome: "unchanged", callId: call.id });
    const stored = await db.call.findUniqueOrThrow({ where: { id: call.id }, include: { customer: true } });
    expect(stored).toMatchObject({
      state: "completed", outcome: "Contacted", outcomeDisposition: "promise to pay", outcomeDispositionId: org.disposition.id, duration: 145,
      startedAt: result.startedAt, endedAt: result.endedAt, summary: result.summary, extractedData: result.extractedData,
      recordingId: result.recordingId, transcriptId: result.transcriptId, fromPhone: "+918001234567", finishedAt: clock.now(),
    });
    expect(stored.customer).toMatchObject({ lastCallStatus: "Contacted", lastCallDisposition: "promise to pay", lastCallAt: result.endedAt, lastCallId: call.id });
    expect(await db.callEvent.findMany({ where: { callId: call.id }, select: { type: true, status: true, organizationId: true } })).toEqual([
      { type: "call.result", status: "Contacted", organizationId: org.id },
    ]);
    // A result frees a slot: the dispatcher is woken.
    const wakes = await db.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE name = ${QUEUES.callsDispatch} AND data->>'organizationId' = ${org.id}`;
    expect(wakes.length).toBeGreaterThan(0);
  });

  it("answers not_found for an unknown call id and for another organization's call", async () => {
    const { calls, clock } = await dialling(1, 10);
    expect(await recordCallResult({ organizationId: org.id }, { ...result, providerCallId: "nope", clock })).toEqual({ outcome: "not_found" });
    expect(await recordCallResult({ organizationId: other.id }, { ...result, providerCallId: calls[0].providerCallId!, clock })).toEqual({ outcome: "not_found" });
    expect((await db.call.findUniqueOrThrow({ where: { id: calls[0].id } })).state).toBe("dialing");
  });

  it("accepts a result that arrives before the dialer stored the provider call id (bound by attemptId)", async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const customers = await createCustomers(campaign.id, 1, { offset: 20 });
    const clock = manualClock("2099-12-07T04:30:00Z");
    await scheduleCalls(contextOf(org.id), { campaignId: campaign.id, customerIds: customers.map((c) => c.id), agentId: org.agent.id, dispositionId: null, clock });
    const { claimed } = await claimDueAttempts(await getCallSettings(org.id), clock.now(), 500);
    const mine = claimed.find((c) => c.campaignId === campaign.id)!;
    const outcome = await recordCallResult({ organizationId: org.id }, { ...result, status: "No Contact", providerCallId: "prov-early-1", attemptId: mine.callId, clock });
    expect(outcome).toMatchObject({ outcome: "updated", callId: mine.callId, state: "completed", retry: { notBefore: new Date(clock.now().getTime() + 120 * 60_000) } });
    expect(await db.call.findUniqueOrThrow({ where: { id: mine.callId } })).toMatchObject({ providerCallId: "prov-early-1", outcome: "No Contact" });
  });

  it("never lets an older result overwrite the customer's newer last outcome", async () => {
    const { calls, clock, customers } = await dialling(1, 30);
    const later = new Date("2099-12-08T00:00:00Z");
    await db.customer.update({ where: { id: customers[0].id }, data: { lastCallAt: later, lastCallStatus: "Contacted" } });
    await recordCallResult({ organizationId: org.id }, { ...result, status: "No Contact", providerCallId: calls[0].providerCallId!, clock });
    expect(await db.customer.findUniqueOrThrow({ where: { id: customers[0].id } })).toMatchObject({ lastCallAt: later, lastCallStatus: "Contacted" });
  });

  it("runs outbox hooks inside the transaction: a failing hook rolls the result back", async () => {
    const { calls, clock } = await dialling(1, 40);
    const seen: string[] = [];
    const off = onCallEvent(async (tx, event) => {
      seen.push(`${event.type}:${event.status}`);
      // Same transaction: the call is already updated here.
      const [row] = await tx.$queryRaw<{ state: string }[]>`SELECT state::text FROM calls WHERE id = ${event.callId}::uuid`;
      if (row.state !== "completed") throw new Error("not in the transaction");
      if (seen.length === 1) throw new Error("outbox unavailable");
    });
    try {
      await expect(recordCallResult({ organizationId: org.id }, { ...result, providerCallId: calls[0].providerCallId!, clock })).rejects.toThrow("outbox unavailable");
      expect((await db.call.findUniqueOrThrow({ where: { id: calls[0].id } })).state).toBe("dialing");
      expect(await db.callEvent.count({ where: { callId: calls[0].id } })).toBe(0);
      expect(await recordCallResult({ organizationId: org.id }, { ...result, providerCallId: calls[0].providerCallId!, clock })).toMatchObject({ outcome: "updated" });
      expect(seen).toEqual(["call.result:Contacted", "call.result:Contacted"]);
    } finally {
      off();
    }
  });

  it("rejects a malformed result and changes nothing", async () => {
    const clock = manualClock("2099-12-07T04:30:00Z");
    await expect(recordCallResult({ organizationId: org.id }, { providerCallId: "x", status: "Busy" as never, duration: -1, clock })).rejects.toBeInstanceOf(Invalid);
  });
});
