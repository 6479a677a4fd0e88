import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createCallsCampaign, createCustomers } from "@/lib/calls/calls-test-kit";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { compactCampaignStats } from "./stats-compaction";

// The rollups the dashboard reads (migration dashboard_rollups) against the figures computed
// straight from calls and customers, after inserts, updates, deletes, a compaction and writers
// racing on a real Postgres server.

let org: TestOrg;
let campaign: { id: string; organizationId: string };
let other: { id: string; organizationId: string };

const truthCalls = (campaignId: string) => db.$queryRaw<Record<string, string>[]>`
  SELECT to_char(coalesce((("finishedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Kolkata')::date, DATE '1970-01-01'), 'YYYY-MM-DD') AS day,
         coalesce(outcome, '') AS outcome, coalesce("outcomeDisposition", '') AS disposition,
         CASE WHEN state = 'blocked' THEN coalesce("blockedReason", 'unknown') ELSE '' END AS blocked,
         count(*)::text AS calls, coalesce(sum(duration), 0)::text AS duration_sum, count(duration)::text AS duration_n,
         count(*) FILTER (WHERE outcome = 'Contacted' AND "extractedData" ? 'promise_to_pay_date')::text AS promises
  FROM calls WHERE "campaignId" = ${campaignId} AND (outcome IS NOT NULL OR state = 'blocked' OR duration IS NOT NULL)
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
const rolledCalls = (campaignId: string) => db.$queryRaw<Record<string, string>[]>`
  SELECT to_char(day, 'YYYY-MM-DD') AS day, outcome, disposition, blocked, sum(calls)::text AS calls,
         sum("durationSum")::text AS duration_sum, sum("durationN")::text AS duration_n, sum(promises)::text AS promises
  FROM campaign_call_stats WHERE "campaignId" = ${campaignId}
  GROUP BY 1, 2, 3, 4 HAVING sum(calls) <> 0 OR sum("durationSum") <> 0 OR sum("durationN") <> 0 OR sum(promises) <> 0
  ORDER BY 1, 2, 3, 4`;
const truthContacts = async (campaignId: string) =>
  (
    await db.$queryRaw<{ contacts: string; called: string; contacted: string }[]>`
      SELECT count(*)::text AS contacts, count("lastCallAt")::text AS called,
             count(*) FILTER (WHERE "lastCallStatus" = 'Contacted')::text AS contacted
      FROM customers WHERE "campaignId" = ${campaignId}`
  )[0];
const rolledContacts = async (campaignId: string) =>
  (
    await db.$queryRaw<{ contacts: string; called: string; contacted: string }[]>`
      SELECT coalesce(sum(contacts), 0)::text AS contacts, coalesce(sum(called), 0)::text AS called,
             coalesce(sum(contacted), 0)::text AS contacted
      FROM campaign_contact_stats WHERE "campaignId" = ${campaignId}`
  )[0];

async function expectRollupsTrue() {
  for (const c of [campaign, other]) {
    expect(await rolledCalls(c.id)).toEqual(await truthCalls(c.id));
    expect(await rolledContacts(c.id)).toEqual(await truthContacts(c.id));
  }
}

/** A deterministic pseudo-random sequence (the test must be repeatable). */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

beforeAll(async () => {
  org = await createTestOrg("rollups");
  campaign = await createCallsCampaign(org.id, "emi");
  other = await createCallsCampaign(org.id, "edi");
});
afterAll(async () => {
  await deleteTestOrg(org);
});

describe("dashboard rollups", () => {
  it("match the tables after inserts, updates and deletes of every kind, and after a compaction", async () => {
    const customers = await createCustomers(campaign.id, 40, { offset: 7_000 });
    const others = await createCustomers(other.id, 10, { offset: 7_100 });
    const next = random(42);
    const outcomes = [null, "Contacted", "No Contact", "Failed"] as const;
    const states = ["scheduled", "completed", "failed", "blocked", "cancelled"] as const;
    const base = Date.parse("2026-11-20T00:00:00Z");
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    const callData = (c: { id: string; phoneE164: string }, target: { id: string }) => {
      const outcome = pick(outcomes);
      const state: (typeof states)[number] = outcome ? "completed" : pick(states.filter((s) => s !== "completed"));
      return {
        organizationId: org.id,
        campaignId: target.id,
        customerId: c.id,
        agentId: org.agent.id,
        toPhone: c.phoneE164,
        state,
        outcome,
        outcomeDisposition: outcome ? pick(["PTP", "Busy", "Callback", null]) : null,
        duration: outcome && next() < 0.7 ? Math.floor(next() * 300) : null,
        finishedAt: outcome || state === "blocked" ? new Date(base + Math.floor(next() * 10 * 86_400_000)) : null,
        extractedData: outcome === "Contacted" && next() < 0.5 ? { promise_to_pay_date: "2026-12-10" } : undefined,
        blockedReason: state === "blocked" ? pick(["dnc", "frequency_cap", null]) : null,
      };
    };
    // Inserts one by one and in one statement, in both campaigns.
    for (const c of customers.slice(0, 20)) await db.call.create({ data: callData(c, campaign) });
    await db.call.createMany({ data: customers.slice(20).map((c) => callData(c, campaign)) });
    await db.call.createMany({ data: others.map((c) => callData(c, other)) });
    await expectRollupsTrue();

    // Updates: results arriving, a set-based update over many rows, a campaign moved, no-op updates.
    const calls = await db.call.findMany({ where: { campaignId: campaign.id }, select: { id: true } });
    for (const { id } of calls.slice(0, 10))
      await db.call.update({
        where: { id },
        data: { state: "completed", outcome: "Contacted", outcomeDisposition: "PTP", duration: 42, finishedAt: new Date(base) },
      });
    await db.$executeRaw`UPDATE calls SET duration = coalesce(duration, 0) + 1 WHERE "campaignId" = ${campaign.id}`;
    await db.$executeRaw`UPDATE calls SET "updatedAt" = now() WHERE "campaignId" = ${campaign.id}`;
    await db.call.updateMany({ where: { id: { in: calls.slice(10, 15).map((c) => c.id) } }, data: { campaignId: other.id } });
    await db.customer.updateMany({
      where: { id: { in: customers.slice(0, 25).map((c) => c.id) } },
      data: { lastCallAt: new Date(base), lastCallStatus: "Contacted" },
    });
    await db.customer.update({ where: { id: customers[0].id }, data: { lastCallStatus: "No Contact" } });
    await expectRollupsTrue();

    // Deletes: calls, then customers (their calls go by cascade).
    await db.call.deleteMany({ where: { id: { in: calls.slice(15, 20).map((c) => c.id) } } });
    await db.customer.deleteMany({ where: { id: { in: customers.slice(30).map((c) => c.id) } } });
    await expectRollupsTrue();

    const rowsBefore = await db.campaignCallStat.count({ where: { campaignId: campaign.id } });
    expect(await compactCampaignStats({ campaignIds: [campaign.id, other.id] })).toBe(2);
    const rowsAfter = await db.campaignCallStat.count({ where: { campaignId: campaign.id } });
    expect(rowsAfter).toBeLessThan(rowsBefore);
    expect(rowsAfter).toBe((await truthCalls(campaign.id)).length);
    expect(await db.campaignContactStat.count({ where: { campaignId: campaign.id } })).toBe(1);
    await expectRollupsTrue();
  });

  it("stay exact while writers on separate connections race on one campaign, with a compaction between them", async () => {
    const racing = await createCallsCampaign(org.id, "emi");
    const customers = await createCustomers(racing.id, 60, { offset: 7_200 });
    await db.call.createMany({
      data: customers.map((c) => ({
        organizationId: org.id,
        campaignId: racing.id,
        customerId: c.id,
        agentId: org.agent.id,
        toPhone: c.phoneE164,
        state: "dialing" as const,
      })),
    });
    const ids = (await db.call.findMany({ where: { customerId: { in: customers.map((c) => c.id) } }, select: { id: true } })).map(
      (c) => c.id,
    );
    const clients = await Promise.all(
      [0, 1, 2].map(async () => {
        const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        return client;
      }),
    );
    try {
      // Each writer finishes its third of the calls in small transactions, in opposite orders, while
      // the others do the same: with counter rows this would block or deadlock; appends never do.
      await Promise.all([
        ...clients.map(async (client, w) => {
          const mine = ids.filter((_, i) => i % 3 === w);
          if (w === 1) mine.reverse();
          for (let i = 0; i < mine.length; i += 4) {
            await client.query("BEGIN");
            await client.query(
              `UPDATE calls SET state = 'completed', outcome = $2, "outcomeDisposition" = 'Busy', duration = 10,
                 "finishedAt" = now() WHERE id = ANY($1::uuid[])`,
              [mine.slice(i, i + 4), w === 0 ? "Contacted" : "No Contact"],
            );
            await client.query(
              `UPDATE customers SET "lastCallAt" = now() WHERE id IN (SELECT "customerId" FROM calls WHERE id = ANY($1::uuid[]))`,
              [mine.slice(i, i + 4)],
            );
            await client.query("COMMIT");
          }
        }),
        compactCampaignStats({ campaignIds: [racing.id] }),
      ]);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const expectTrue = async () => {
      expect(await rolledCalls(racing.id)).toEqual(await truthCalls(racing.id));
      expect(await rolledContacts(racing.id)).toEqual(await truthContacts(racing.id));
    };
    await expectTrue();
    expect((await truthCalls(racing.id)).reduce((n, r) => n + Number(r.calls), 0)).toBe(60);
    await compactCampaignStats({ campaignIds: [racing.id] });
    await expectTrue();
  });

  it("go with their campaign and are not written back by its cascade", async () => {
    const doomed = await createCallsCampaign(org.id, "emi");
    const [c] = await createCustomers(doomed.id, 1, { offset: 7_300 });
    await db.call.create({
      data: {
        organizationId: org.id,
        campaignId: doomed.id,
        customerId: c.id,
        agentId: org.agent.id,
        toPhone: c.phoneE164,
        state: "completed",
        outcome: "Contacted",
        finishedAt: new Date(),
      },
    });
    expect(await db.campaignCallStat.count({ where: { campaignId: doomed.id } })).toBe(1);
    await db.campaign.delete({ where: { id: doomed.id } });
    expect(await db.campaignCallStat.count({ where: { campaignId: doomed.id } })).toBe(0);
    expect(await db.campaignContactStat.count({ where: { campaignId: doomed.id } })).toBe(0);
  });
});
