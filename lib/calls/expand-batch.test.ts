import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { getBoss, QUEUES, stopBoss } from "@/lib/jobs/boss";
import { manualClock } from "@/lib/domain/clock";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { acceptNewCustomerCalls } from "./accept-new-customers";
import { expandBatch } from "./expand-batch";
import { resendOwed, startExpandWorker } from "./expand-queue";
import { insertAttempts } from "./insert-attempts";
import { contextOf, createCallsCampaign, createCustomers } from "./calls-test-kit";

// Calls accepted by a bulk add (acceptNewCustomerCalls) and written by the calls-expand worker
// (expandBatch): one first attempt per accepted customer whatever happens in between — a second
// or concurrent run, a run that dies mid-way and is redelivered through the real queue, another
// request that gave a customer a live attempt first — and the batch with its message commit
// together or not at all. Queues of this file's own (before lib/jobs/boss loads).
vi.hoisted(() => {
  process.env.QUEUE_PREFIX = "test-expand.";
});

const inWindow = () => manualClock("2099-12-07T04:30:00Z"); // Monday 10:00 IST

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("expand");
});
afterAll(async () => {
  await deleteTestOrg(org);
  await stopBoss();
});

/** n customers of a new campaign accepted for calls under `key`, as a bulk add does; nothing expanded yet. */
async function accepted(n: number, key: string, offset = 0) {
  const campaign = await createCallsCampaign(org.id, "emi");
  const customers = await createCustomers(campaign.id, n, { offset });
  const result = await acceptNewCustomerCalls(contextOf(org.id), acceptInput(campaign.id, customers, key));
  return { campaign, customers, result, batchId: result.batchId! };
}

/** A bulk add's call acceptance of `customers` under `key`, in the window. */
function acceptInput(campaignId: string, customers: { id: string; identifier: string; phoneE164: string }[], key: string) {
  return {
    campaignId,
    customers: customers.map((c) => ({ customerId: c.id, identifier: c.identifier, phoneE164: c.phoneE164, values: {} })),
    agentId: org.agent.id,
    dispositionId: org.disposition.id,
    requestKey: key,
    clock: inWindow(),
  };
}

/** Attempts of the batch per customer (by state), and how many customers have more than one. */
async function attemptsOf(batchId: string) {
  const rows = await db.call.groupBy({ by: ["customerId"], where: { batchId }, _count: { _all: true } });
  return { customers: rows.length, doubled: rows.filter((r) => r._count._all !== 1).length };
}

describe("accepted call batches", () => {
  it("the request writes the batch and its message, no attempt; expanding twice or three times at once writes each once", async () => {
    const { campaign, customers, result, batchId } = await accepted(1_203, `expand-twice-${org.suffix}`);
    expect(result).toMatchObject({ totalRequested: 1_203, initiated: 1_203, failed: 0, errors: [], batchesProcessed: 3 });
    expect(await db.call.count({ where: { campaignId: campaign.id } })).toBe(0);
    const messages = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.callsExpand} AND data->>'batchId' = ${batchId}`;
    expect(messages[0].n).toBe(1);

    const runs = await Promise.all([expandBatch(batchId), expandBatch(batchId), expandBatch(batchId)]);
    expect(runs.reduce((sum, r) => sum + r.scheduled, 0)).toBe(1_203);
    expect(runs.reduce((sum, r) => sum + r.skipped, 0)).toBe(0);
    expect(await expandBatch(batchId)).toEqual({ scheduled: 0, skipped: 0, expanded: false });
    expect(await attemptsOf(batchId)).toEqual({ customers: customers.length, doubled: 0 });
    expect(await db.call.count({ where: { batchId, state: "scheduled", attempt: 1, notBefore: inWindow().now() } })).toBe(1_203);
    expect((await db.callBatch.findUniqueOrThrow({ where: { id: batchId } })).expandedAt).toBeInstanceOf(Date);
  });

  it("a run that dies mid-way is redelivered by the queue and ends with exactly one attempt per customer", {
    timeout: 90_000,
  }, async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const customers = await createCustomers(campaign.id, 1_200, { offset: 10_000 });
    // The fault: the second chunk's transaction fails on customer 700 until the trigger is dropped.
    const victim = customers[700].id;
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_expand_fault() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'worker died mid-batch'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER test_expand_fault BEFORE INSERT ON calls FOR EACH ROW
      WHEN (NEW."customerId" = '${victim}'::uuid) EXECUTE FUNCTION test_expand_fault()`);
    const stop = await startExpandWorker(await getBoss());
    try {
      const result = await acceptNewCustomerCalls(contextOf(org.id), {
        campaignId: campaign.id,
        customers: customers.map((c) => ({ customerId: c.id, identifier: c.identifier, phoneE164: c.phoneE164, values: {} })),
        agentId: org.agent.id,
        dispositionId: org.disposition.id,
        requestKey: `expand-crash-${org.suffix}`,
        clock: inWindow(),
      });
      const batchId = result.batchId!;
      // The run failed (the message waits for its retry): the first chunk committed, the second rolled back.
      const retries = async () =>
        (
          await db.$queryRaw<{ retries: number }[]>`
            SELECT retry_count AS retries FROM pgboss.job WHERE name = ${QUEUES.callsExpand} AND data->>'batchId' = ${batchId}`
        )[0]?.retries ?? 0;
      await expect.poll(retries, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
      expect(await db.call.count({ where: { batchId } })).toBe(500);
      expect((await db.callBatch.findUniqueOrThrow({ where: { id: batchId } })).expandedAt).toBeNull();
      await db.$executeRawUnsafe("DROP TRIGGER test_expand_fault ON calls");

      await expect
        .poll(async () => (await db.callBatch.findUniqueOrThrow({ where: { id: batchId } })).expandedAt, { timeout: 60_000 })
        .toBeInstanceOf(Date);
      expect(await attemptsOf(batchId)).toEqual({ customers: 1_200, doubled: 0 });
      expect(await db.call.count({ where: { batchId, state: "scheduled" } })).toBe(1_200);
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER IF EXISTS test_expand_fault ON calls");
      await db.$executeRawUnsafe("DROP FUNCTION IF EXISTS test_expand_fault()");
      await stop();
    }
  });

  it("a customer given a live attempt by another request in between ends cancelled (call_in_progress), not lost", async () => {
    const { campaign, customers, batchId } = await accepted(3, `expand-live-${org.suffix}`, 20_000);
    const now = inWindow().now();
    // Another request (no batch) schedules customer 1 before the expansion runs.
    const [other] = await db.$transaction((tx) =>
      insertAttempts(
        tx,
        [
          {
            organizationId: org.id,
            campaignId: campaign.id,
            customerId: customers[1].id,
            agentId: org.agent.id,
            dispositionId: null,
            batchId: null,
            attempt: 1,
            retryOfId: null,
            toPhone: customers[1].phoneE164,
            notBefore: now,
            waitReason: null,
          },
        ],
        now,
      ),
    );
    expect(await expandBatch(batchId, inWindow())).toEqual({ scheduled: 2, skipped: 1, expanded: true });
    const attempts = await db.call.findMany({
      where: { customerId: { in: customers.map((c) => c.id) } },
      select: { id: true, customerId: true, batchId: true, state: true, blockedReason: true, finishedAt: true },
    });
    const byCustomer = (i: number) => attempts.filter((a) => a.customerId === customers[i].id);
    expect(byCustomer(0)).toEqual([expect.objectContaining({ batchId, state: "scheduled", blockedReason: null })]);
    expect(byCustomer(2)).toEqual([expect.objectContaining({ batchId, state: "scheduled", blockedReason: null })]);
    expect(byCustomer(1)).toHaveLength(2);
    expect(byCustomer(1)).toContainEqual(expect.objectContaining({ id: other.id, batchId: null, state: "scheduled" }));
    const skipped = byCustomer(1).find((a) => a.batchId === batchId)!;
    expect(skipped).toMatchObject({ state: "cancelled", blockedReason: "call_in_progress", finishedAt: expect.any(Date) });
    const events = await db.callEvent.findMany({ where: { callId: skipped.id }, select: { type: true, status: true } });
    expect(events).toEqual([{ type: "call.cancelled", status: "call_in_progress" }]);
    // A second run changes nothing.
    expect(await expandBatch(batchId)).toEqual({ scheduled: 0, skipped: 0, expanded: false });
  });

  it("the sweep re-sends the message of a batch still owed its attempts once its message is gone, and only then", async () => {
    const { batchId } = await accepted(2, `expand-sweep-${org.suffix}`, 40_000);
    const messages = async () =>
      (
        await db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.callsExpand} AND data->>'batchId' = ${batchId} AND state IN ('created', 'retry')`
      )[0].n;
    expect(await messages()).toBe(1);
    const later = new Date(Date.now() + 61_000);
    await resendOwed(later);
    expect(await messages()).toBe(1);
    // The message is lost (its retries exhausted, say): the sweep sends one again.
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ${QUEUES.callsExpand} AND data->>'batchId' = ${batchId}`;
    await resendOwed(new Date(Date.now() - 1_000));
    expect(await messages()).toBe(0);
    await resendOwed(later);
    expect(await messages()).toBe(1);
    await expandBatch(batchId);
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ${QUEUES.callsExpand} AND data->>'batchId' = ${batchId}`;
    await resendOwed(later);
    expect(await messages()).toBe(0);
  });

  it("the batch and its message commit together: when the message cannot be written, no batch is left and a retry works", async () => {
    const campaign = await createCallsCampaign(org.id, "emi");
    const customers = await createCustomers(campaign.id, 2, { offset: 30_000 });
    const key = `expand-atomic-${org.suffix}`;
    const input = acceptInput(campaign.id, customers, key);
    await getBoss();
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_expand_message_fault() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'queue unavailable'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER test_expand_message_fault BEFORE INSERT ON pgboss.job FOR EACH ROW
      WHEN (NEW.name = '${QUEUES.callsExpand}' AND NEW.data->>'batchId' IS NOT NULL) EXECUTE FUNCTION test_expand_message_fault()`);
    try {
      await expect(acceptNewCustomerCalls(contextOf(org.id), input)).rejects.toThrow(/queue unavailable/);
      expect(await db.callBatch.count({ where: { campaignId: campaign.id } })).toBe(0);
      expect(await db.call.count({ where: { campaignId: campaign.id } })).toBe(0);
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER IF EXISTS test_expand_message_fault ON pgboss.job");
      await db.$executeRawUnsafe("DROP FUNCTION IF EXISTS test_expand_message_fault()");
    }
    const retried = await acceptNewCustomerCalls(contextOf(org.id), input);
    expect(retried).toMatchObject({ totalRequested: 2, initiated: 2, failed: 0 });
    const batches = await db.callBatch.findMany({ where: { campaignId: campaign.id }, select: { id: true, requestKey: true } });
    expect(batches).toEqual([{ id: retried.batchId, requestKey: key }]);
  });
});
