import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf, createCallsCampaign, createCustomers, testDialer } from "@/lib/calls/calls-test-kit";
import { scheduleCalls } from "@/lib/calls/schedule-calls";
import { drainDueAttempts } from "@/lib/calls/dispatch";
import { addDncEntry, setDncEntryActive } from "./dnc-writes";
import { importDncFile } from "./dnc-file";

// A number put on the list from the DNC screen (one number or a file) blocks a call already
// scheduled for it, at dial time; removed from the list, it is dialled again.

let org: TestOrg;
beforeAll(async () => {
  await getBoss();
  org = await createTestOrg("dnc-blocks");
});
afterAll(async () => {
  await deleteTestOrg(org);
  await stopBoss();
});

describe("DNC screen entries at dial time", () => {
  it("an added number and a file's number block their scheduled attempts; a removed one does not", async () => {
    const campaign = await createCallsCampaign(org.id);
    const customers = await createCustomers(campaign.id, 4, { offset: 7_000 });
    const clock = manualClock("2099-12-07T04:30:00Z"); // Monday 10:00 IST
    const ctx = contextOf(org.id);
    await scheduleCalls(ctx, {
      campaignId: campaign.id,
      customerIds: customers.map((c) => c.id),
      agentId: org.agent.id,
      dispositionId: org.disposition.id,
      clock,
    });

    // Typed as a person would, not as stored.
    const national = (e164: string) => `${e164.slice(3, 8)} ${e164.slice(8)}`;
    await addDncEntry(ctx, { number: national(customers[0].phoneE164), campaignId: null });
    await importDncFile(ctx, { campaignId: campaign.id, numbers: [{ row: 2, value: customers[1].phoneE164 }] });
    const removed = await addDncEntry(ctx, { number: customers[2].phoneE164, campaignId: campaign.id });
    await setDncEntryActive(ctx, removed.id, false);

    const { dialerFor, placed } = testDialer();
    await drainDueAttempts({ clock, dialerFor, organizationId: org.id });
    expect(placed.map((p) => p.customerId).sort()).toEqual([customers[2].id, customers[3].id].sort());
    const calls = await db.call.findMany({
      where: { organizationId: org.id },
      select: { customerId: true, state: true, blockedReason: true },
    });
    const byCustomer = new Map(calls.map((c) => [c.customerId, c]));
    expect(byCustomer.get(customers[0].id)).toMatchObject({ state: "blocked", blockedReason: "dnc" });
    expect(byCustomer.get(customers[1].id)).toMatchObject({ state: "blocked", blockedReason: "dnc" });
  });
});
