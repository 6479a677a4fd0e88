import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as initiate } from "@/app/api/v1/initiate/[campaignId]/calls/route";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { zoneWithLocalHour } from "@/lib/test/window-zone";
import { loan } from "@/lib/test/records";

// TimePay's Initiate Call(s) (reference/api-contracts.md §2.4) over the calls domain: every
// status code and field, the filters, Idempotency-Key, preflight, and other organizations.

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("initiate-a");
  b = await createTestOrg("initiate-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

/** A campaign inside its calling window right now (local noon), holding `records`. */
async function campaignWith(records: Record<string, unknown>[], localHour = 12, org = a) {
  const campaign = await createTestCampaign(org.id, "emi", { timezone: zoneWithLocalHour(localHour) });
  if (records.length) expect((await call(bulkAdd, { apiKey: org.apiKey, body: { campaignId: campaign.id, records } })).status).toBe(201);
  return campaign;
}
const send = (
  campaignId: string,
  body: unknown,
  extra: { headers?: Record<string, string>; query?: Record<string, string>; apiKey?: string } = {},
) =>
  call(initiate, {
    apiKey: extra.apiKey ?? a.apiKey,
    params: { campaignId },
    body,
    headers: extra.headers,
    query: extra.query,
    path: `/api/v1/initiate/${campaignId}/calls`,
  });
const target = (org = a) => ({ agentId: org.agent.id, dispositionId: org.disposition.id });
const callsOf = (campaignId: string) =>
  db.call
    .findMany({ where: { campaignId }, include: { customer: { select: { identifier: true } } } })
    .then((calls) => calls.sort((x, y) => x.customer.identifier.localeCompare(y.customer.identifier)));
const three = () => [
  loan(1),
  loan(2, { payment_status: "bounced", language: "english" }),
  loan(3, { payment_status: "paid", emi_amount: 4000 }),
];

describe("POST /api/v1/initiate/{campaignId}/calls", () => {
  it("200: every matched customer initiated, exactly the documented body", async () => {
    const campaign = await campaignWith(three());
    const res = await send(campaign.id, target());
    expect(res.status).toBe(200);
    expect(res.text).toBe(
      JSON.stringify({
        success: true,
        message: "Calls initiated for 3 customers",
        results: { totalMatched: 3, customersSelected: 3, initiated: 3, failed: 0, batchesProcessed: 1, errors: [] },
      }),
    );
    const calls = await callsOf(campaign.id);
    expect(calls.map((c) => [c.customer.identifier, c.state, c.agentId, c.dispositionId])).toEqual([
      ["LN1", "scheduled", a.agent.id, a.disposition.id],
      ["LN2", "scheduled", a.agent.id, a.disposition.id],
      ["LN3", "scheduled", a.agent.id, a.disposition.id],
    ]);
  });

  it("filters combine with AND; limit takes the first N of the matches", async () => {
    const records = [...three(), loan(4, { payment_status: "bounced" }), loan(5, { payment_status: "pending", language: "tamil" })];
    const campaign = await campaignWith(records);
    const cases: [Record<string, unknown>, number | undefined, number, string[]][] = [
      [{ payment_status: "bounced" }, undefined, 2, ["LN2", "LN4"]],
      [{ payment_status: ["bounced", "pending"], language: ["hindi"] }, undefined, 2, ["LN1", "LN4"]],
      [{ ids: ["LN1", "LN3", "LN5", "LN9"], exclude_ids: ["LN5"] }, undefined, 2, ["LN1", "LN3"]],
      [{ custom: { emi_amount: 4000 } }, undefined, 1, ["LN3"]],
      [{ custom: { emi_amount: [2500, "4000"], last_name: "Sharma" }, language: ["HINDI", "english"] }, 2, 4, ["LN1", "LN2"]],
    ];
    for (const [filters, limit, matched, called] of cases) {
      await db.call.deleteMany({ where: { campaignId: campaign.id } });
      const res = await send(campaign.id, { ...target(), filters, ...(limit && { limit }) });
      expect([res.status, res.json.results.totalMatched, res.json.results.customersSelected], JSON.stringify(filters)).toEqual([
        200,
        matched,
        called.length,
      ]);
      expect((await callsOf(campaign.id)).map((c) => c.customer.identifier)).toEqual(called);
    }
  });

  it("207 when some cannot be called (DNC), 500 when none can, each with {id, error, reason}", async () => {
    const campaign = await campaignWith(three());
    await db.dncEntry.create({ data: { organizationId: a.id, scope: "", phoneRaw: "9800000002", phoneE164: "+919800000002" } });
    const some = await send(campaign.id, target());
    expect(some.status).toBe(207);
    expect(some.json).toEqual({
      success: false,
      message: "Calls initiated for 2 customers",
      results: {
        totalMatched: 3,
        customersSelected: 3,
        initiated: 2,
        failed: 1,
        batchesProcessed: 1,
        errors: [{ id: "LN2", error: "DNC_BLOCKED", reason: "The number is on the Do-Not-Call list" }],
      },
    });
    // Again: the two now have a live attempt, the third is still on the DNC list.
    const none = await send(campaign.id, target());
    expect(none.status).toBe(500);
    expect(none.json).toMatchObject({ success: false, message: "Calls initiated for 0 customers", results: { initiated: 0, failed: 3 } });
    expect(none.json.results.errors.map((e: { id: string; error: string }) => [e.id, e.error])).toEqual([
      ["LN1", "CALL_IN_PROGRESS"],
      ["LN2", "DNC_BLOCKED"],
      ["LN3", "CALL_IN_PROGRESS"],
    ]);
    expect(await callsOf(campaign.id)).toHaveLength(2);
    await db.dncEntry.deleteMany({ where: { organizationId: a.id } });
  });

  it("outside the calling window: initiated (waiting), with results.scheduledFor", async () => {
    const campaign = await campaignWith([loan(1)], 3);
    const res = await send(campaign.id, target());
    expect(res.status).toBe(200);
    expect(res.json.results).toMatchObject({
      initiated: 1,
      failed: 0,
      scheduledFor: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/),
    });
    const opens = new Date(res.json.results.scheduledFor).getTime();
    expect(opens - Date.now()).toBeGreaterThan(5 * 3600_000); // 09:00 local is about 6 h away
    expect((await callsOf(campaign.id))[0]).toMatchObject({ state: "scheduled", waitReason: "window" });
  });

  it("400 naming every problem: required ids, limit, filter types, unknown filter keys; nothing dialled", async () => {
    const campaign = await campaignWith([loan(1)]);
    const cases: [unknown, string[]][] = [
      [{}, ["agentId is required and must be a string", "dispositionId is required and must be a string"]],
      [{ ...target(), limit: 0 }, ["limit must be a positive integer"]],
      [{ ...target(), limit: "5" }, ["limit must be a positive integer"]],
      [{ ...target(), limit: 2.5 }, ["limit must be a positive integer"]],
      [
        { ...target(), filters: { ids: "LN1", language: "hindi", payment_status: "late", custom: [1] } },
        [
          "filters.ids must be an array of strings",
          "filters.payment_status must be one of bounced, pending, partial, paid, received or an array of them",
          "filters.language must be an array of strings",
          "filters.custom must be an object of field: value",
        ],
      ],
      [
        { ...target(), filters: { payment_stauts: "paid", region: "south" } },
        [
          "filters.payment_stauts is not a supported filter (use ids, exclude_ids, payment_status, language, custom)",
          "filters.region is not a supported filter (use ids, exclude_ids, payment_status, language, custom)",
        ],
      ],
      [{ ...target(), filters: "bounced" }, ["filters must be an object"]],
      [[target()], ["Request body must be a JSON object"]],
    ];
    for (const [body, errors] of cases) {
      const res = await send(campaign.id, body);
      expect([res.status, res.json], JSON.stringify(body)).toEqual([400, { success: false, message: "Validation failed", errors }]);
    }
    expect(await callsOf(campaign.id)).toEqual([]);
  });

  it("404 for an unknown or another organization's campaign, agent or disposition, and when no customer matches; nothing dialled", async () => {
    const campaign = await campaignWith(three());
    const theirs = await campaignWith([loan(1)], 12, b);
    const cases: [string, unknown, string][] = [
      ["camp_0000000000000000", target(), "Campaign not found"],
      [theirs.id, target(), "Campaign not found"],
      [campaign.id, { ...target(), agentId: b.agent.id }, "Agent not found"],
      [campaign.id, { ...target(), dispositionId: b.disposition.id }, "Disposition not found"],
      [campaign.id, { ...target(), filters: { ids: ["LN404"] } }, "No customers found matching the filters"],
      [campaign.id, { ...target(), agentId: b.agent.id, filters: { ids: ["LN404"] } }, "Agent not found"],
    ];
    for (const [campaignId, body, message] of cases) {
      const res = await send(campaignId, body);
      expect([res.status, res.text], message).toEqual([404, JSON.stringify({ success: false, message })]);
    }
    expect(await callsOf(campaign.id)).toEqual([]);
    expect(await callsOf(theirs.id)).toEqual([]);
    // The other organization's own key works on its campaign.
    expect((await send(theirs.id, target(b), { apiKey: b.apiKey })).status).toBe(200);
  });

  it("Idempotency-Key: a retried request replays its answer and never dials anyone twice", async () => {
    const campaign = await campaignWith(three());
    const headers = { "Idempotency-Key": `init-${campaign.id}` };
    const first = await send(campaign.id, target(), { headers });
    const again = await send(campaign.id, target(), { headers });
    expect(first.status).toBe(200);
    expect([again.status, again.text, again.headers.get("idempotent-replayed")]).toEqual([200, first.text, "true"]);
    // Even if the stored answer is gone (a request that died before answering releases its key),
    // the same key schedules nobody again: the calls domain keeps one attempt per customer and key.
    await db.idempotencyKey.deleteMany({ where: { organizationId: a.id } });
    const retried = await send(campaign.id, target(), { headers });
    expect([retried.status, retried.json.results.initiated, retried.json.results.failed]).toEqual([200, 3, 0]);
    expect(await callsOf(campaign.id)).toHaveLength(3);
  });

  it("?validateOnly=true: what would happen, per reason, and writes nothing", async () => {
    const campaign = await campaignWith(three());
    await db.dncEntry.create({
      data: { organizationId: a.id, scope: campaign.id, campaignId: campaign.id, phoneRaw: "9800000003", phoneE164: "+919800000003" },
    });
    const res = await send(campaign.id, target(), { query: { validateOnly: "true" } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      success: false,
      validateOnly: true,
      message: "Validated 3 customers: 2 would be called",
      results: {
        totalMatched: 3,
        customersSelected: 3,
        wouldInitiate: 2,
        wouldFail: 1,
        dialNow: 2,
        waitForWindow: 0,
        windowOpensAt: null,
        waitForResume: 0,
        blocked: {
          dnc: 1,
          frequencyCap: 0,
          callInProgress: 0,
          agentInactive: 0,
          customerNotFound: 0,
          campaignEnded: 0,
          windowNeverOpens: 0,
          missingAgentVariables: 0,
        },
        errors: [{ id: "LN3", error: "DNC_BLOCKED", reason: "The number is on the Do-Not-Call list" }],
      },
    });
    expect(await callsOf(campaign.id)).toEqual([]);
    expect(await db.callBatch.count({ where: { campaignId: campaign.id } })).toBe(0);

    await db.agent.update({ where: { id: a.agent.id }, data: { active: false } });
    const inactive = await send(campaign.id, target(), { query: { validateOnly: "true" } });
    expect(inactive.json.results).toMatchObject({ wouldInitiate: 0, wouldFail: 3, blocked: { agentInactive: 3 } });
    const placed = await send(campaign.id, target());
    expect([placed.status, placed.json.results.errors[0]]).toEqual([
      500,
      { id: "LN1", error: "AGENT_INACTIVE", reason: "The agent is inactive and takes no new calls" },
    ]);
    await db.agent.update({ where: { id: a.agent.id }, data: { active: true } });
    const bad = await send(campaign.id, target(), { query: { validateOnly: "maybe" } });
    expect([bad.status, bad.json.errors]).toEqual([400, ["validateOnly must be true or false"]]);
  });
});
