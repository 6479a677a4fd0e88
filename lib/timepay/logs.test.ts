import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as logs } from "@/app/api/v1/logs/route";
import { GET as details } from "@/app/api/v1/communication/call/[call_id]/route";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { createTestCall, createTestCustomer, resultFields } from "@/lib/test/call-fixtures";
import { db } from "@/lib/db/client";

// §2.6: GET /api/v1/logs (filters, 10 per page, count_only, pagination) and call details.

let a: TestOrg;
let b: TestOrg;
const ids: Record<string, string> = {};
let campaignId: string;
let leadCampaignId: string;
let otherAgentId: string;

beforeAll(async () => {
  a = await createTestOrg("logs-a");
  b = await createTestOrg("logs-b");
  const campaign = await createTestCampaign(a.id, "emi", { name: `August EMI Reminder ${a.suffix}` });
  const lead = await createTestCampaign(a.id, "lead");
  const bulk = await createTestCampaign(a.id, "emi");
  campaignId = campaign.id;
  leadCampaignId = lead.id;
  otherAgentId = (await db.agent.create({ data: { organizationId: a.id, name: "Second agent", username: `second-${a.suffix}` } })).id;
  const voicemail = await db.disposition.create({ data: { organizationId: a.id, name: "Voicemail" } });
  const refs = async (cid: string, customer: Parameters<typeof createTestCustomer>[1] = {}, agentId = a.agent.id) => ({
    organizationId: a.id,
    campaignId: cid,
    agentId,
    customer: await createTestCustomer(cid, customer),
  });

  ids.contacted = (
    await createTestCall(
      await refs(campaignId, { identifier: "LOAN-ABC-123", phone: "+919999999999", firstName: "John", lastName: "Wick" }),
      resultFields("2026-01-17T03:03:31Z", "Contacted", {
        duration: 92,
        outcomeDisposition: "Promise to Pay",
        outcomeDispositionId: a.disposition.id,
        dispositionId: a.disposition.id,
        summary: "Customer promised to pay by tomorrow.",
        extractedData: { emi_amount: 12500, promise_to_pay_date: "2026-01-18" },
        recordingId: "9242c009-1f8f-4bd6-a40c-e40926d1fd88",
        transcriptId: "7437557f-7ab9-4012-b411-a6f534c5aaf0",
      }),
    )
  ).id;
  ids.noContact = (
    await createTestCall(
      await refs(campaignId, {}, otherAgentId),
      resultFields("2026-01-16T10:00:00Z", "No Contact", {
        duration: 14,
        outcomeDisposition: "Voicemail",
        outcomeDispositionId: voicemail.id,
        fromPhone: "+918888888888",
      }),
    )
  ).id;
  ids.dialFailed = (
    await createTestCall(await refs(campaignId), {
      state: "failed",
      dialedAt: new Date("2026-01-15T10:00:00Z"),
      errorMessage: "provider refused the call",
      fromPhone: "+918035450808",
      createdAt: new Date("2026-01-15T09:00:00Z"),
    })
  ).id;
  ids.inProgress = (
    await createTestCall(await refs(campaignId), {
      state: "dialing",
      dialedAt: new Date("2026-01-18T04:00:00Z"),
      fromPhone: "+918035450808",
    })
  ).id;
  ids.scheduled = (
    await createTestCall(await refs(campaignId), { state: "scheduled", waitReason: "window", notBefore: new Date("2026-01-19T02:30:00Z") })
  ).id;
  ids.blocked = (await createTestCall(await refs(campaignId), { state: "blocked", blockedReason: "dnc" })).id;
  ids.lead = (
    await createTestCall(
      await refs(leadCampaignId, { identifier: "6f1f7f4e-0000-4000-8000-000000000001" }),
      resultFields("2026-01-14T10:00:00Z", "Contacted", { outcomeDisposition: "Interested" }),
    )
  ).id;
  for (let i = 0; i < 8; i++) {
    await createTestCall(await refs(bulk.id), resultFields(`2026-01-10T10:0${i}:00Z`, "No Contact", { outcomeDisposition: "No Answer" }));
  }

  const theirs = await createTestCampaign(b.id);
  const theirCustomer = await createTestCustomer(theirs.id);
  ids.foreign = (
    await createTestCall(
      { organizationId: b.id, campaignId: theirs.id, agentId: b.agent.id, customer: theirCustomer },
      resultFields("2026-01-17T05:00:00Z", "Contacted"),
    )
  ).id;
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

const get = (query: Record<string, string> = {}, apiKey = a.apiKey) => call(logs, { apiKey, query });
const callIds = (res: { json: { data: { call_id: string }[] } }) => res.json.data.map((d) => d.call_id);

describe("GET /api/v1/logs", () => {
  it("lists dialled calls newest first with every documented field; waiting and blocked attempts are not calls", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.json.success).toBe(true);
    expect(callIds(res).slice(0, 5)).toEqual([ids.inProgress, ids.contacted, ids.noContact, ids.dialFailed, ids.lead]);
    expect(callIds(res)).not.toContain(ids.scheduled);
    expect(callIds(res)).not.toContain(ids.blocked);
    expect(res.json.data[1]).toEqual({
      call_id: ids.contacted,
      date: "2026-01-17",
      start_time: "2026-01-17T08:33:36",
      end_time: "2026-01-17T08:35:08",
      campaign_name: `August EMI Reminder ${a.suffix}`,
      campaign_id: campaignId,
      name: "John Wick",
      loan_id: "LOAN-ABC-123",
      duration: 92,
      direction: "outbound",
      from: "+918035450808",
      to: "9999999999",
      status: "Contacted",
      disposition: "Promise to Pay",
      transcript_id: "7437557f-7ab9-4012-b411-a6f534c5aaf0",
      recording_id: "9242c009-1f8f-4bd6-a40c-e40926d1fd88",
      extracted_data: { emi_amount: 12500, promise_to_pay_date: "2026-01-18" },
      summary: "Customer promised to pay by tomorrow.",
      agent_id: a.agent.id,
      disposition_id: a.disposition.id,
      type: "call",
    });
  });

  it("paginates 10 per page with {page, per_page, total, total_pages, has_next, has_prev}", async () => {
    const first = await get();
    expect(first.json.data).toHaveLength(10);
    expect(first.json.pagination).toEqual({ page: 1, per_page: 10, total: 13, total_pages: 2, has_next: true, has_prev: false });
    const second = await get({ page: "2" });
    expect(second.json.data).toHaveLength(3);
    expect(second.json.pagination).toEqual({ page: 2, per_page: 10, total: 13, total_pages: 2, has_next: false, has_prev: true });
    const beyond = await get({ page: "3" });
    expect(beyond.json.data).toEqual([]);
    expect(beyond.json.pagination).toEqual({ page: 3, per_page: 10, total: 13, total_pages: 2, has_next: false, has_prev: true });
  });

  it("reports a call without a result as In Progress or Failed, and a lead's identifier as lead_id", async () => {
    const res = await get();
    const byId = Object.fromEntries(res.json.data.map((d: { call_id: string }) => [d.call_id, d]));
    expect(byId[ids.inProgress]).toMatchObject({
      status: "In Progress",
      disposition: null,
      duration: null,
      end_time: null,
      start_time: "2026-01-18T09:30:00",
      extracted_data: {},
      summary: null,
    });
    expect(byId[ids.dialFailed]).toMatchObject({ status: "Failed", disposition: null });
    expect(byId[ids.lead]).toMatchObject({ lead_id: "6f1f7f4e-0000-4000-8000-000000000001" });
    expect(byId[ids.lead]).not.toHaveProperty("loan_id");
  });

  it("filters by status (case-insensitive), disposition, phones, campaign, agent and type", async () => {
    expect(callIds(await get({ status: "Contacted" }))).toEqual([ids.contacted, ids.lead]);
    expect((await get({ status: "no contact" })).json.pagination.total).toBe(9);
    expect(callIds(await get({ status: "Failed" }))).toEqual([ids.dialFailed]);
    expect(callIds(await get({ status: "In Progress" }))).toEqual([ids.inProgress]);
    expect((await get({ status: "Completed" })).json.pagination.total).toBe(11);
    expect(callIds(await get({ disposition: "voicemail" }))).toEqual([ids.noContact]);
    expect(callIds(await get({ from_phone: "+918888888888" }))).toEqual([ids.noContact]);
    for (const phone of ["9999999999", "+919999999999", "919999999999"]) expect(callIds(await get({ phone }))).toEqual([ids.contacted]);
    expect(callIds(await get({ campaign_id: leadCampaignId }))).toEqual([ids.lead]);
    expect(callIds(await get({ agent_id: otherAgentId }))).toEqual([ids.noContact]);
    expect(callIds(await get({ campaign_id: campaignId, status: "Contacted", agent_id: a.agent.id }))).toEqual([ids.contacted]);
    expect((await get({ type: "call" })).json.pagination.total).toBe(13);
    const whatsapp = await get({ type: "whatsapp" });
    expect(whatsapp.json).toEqual({
      success: true,
      data: [],
      pagination: { page: 1, per_page: 10, total: 0, total_pages: 0, has_next: false, has_prev: false },
    });
  });

  it("start_time and end_time are inclusive, India time unless a zone is given", async () => {
    // The contacted call was dialled at 2026-01-17T03:03:31Z = 08:33:31 IST.
    expect(callIds(await get({ start_time: "2026-01-17T08:33:31", end_time: "2026-01-17T08:33:31" }))).toEqual([ids.contacted]);
    expect(callIds(await get({ start_time: "2026-01-17T08:33:32", end_time: "2026-01-17T23:59:59" }))).toEqual([]);
    expect(callIds(await get({ start_time: "2026-01-17T03:03:31Z", end_time: "2026-01-17T03:03:31.000Z" }))).toEqual([ids.contacted]);
    expect(callIds(await get({ start_time: "2026-01-16", end_time: "2026-01-17" }))).toEqual([ids.contacted, ids.noContact]);
  });

  it("count_only=true answers only the count, with the same filters", async () => {
    const res = await get({ count_only: "true", campaign_id: campaignId });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true, count: 4 });
    expect((await get({ count_only: "false" })).json.pagination.total).toBe(13);
  });

  it("400 names each wrong parameter and each unknown one", async () => {
    const res = await get({
      page: "two",
      count_only: "yes",
      status: "Busy",
      type: "sms",
      start_time: "yesterday",
      phone: "12",
      foo: "1",
      limit: "50",
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      success: false,
      message: "Validation failed",
      errors: expect.arrayContaining([
        "Unknown parameter(s): foo, limit",
        "type must be one of call, whatsapp",
        "status must be one of Contacted, No Contact, Failed, In Progress, Completed",
        "phone must be a phone number (too short)",
        "start_time must be an ISO 8601 date-time, e.g. 2026-01-17T00:00:00",
        "page must be a positive integer",
        "count_only must be true or false",
      ]),
    });
    expect(res.json.errors).toHaveLength(7);
    const reversed = await get({ start_time: "2026-01-17T00:00:00", end_time: "2026-01-16T00:00:00" });
    expect(reversed.json.errors).toEqual(["end_time must not be before start_time"]);
    expect((await get({ start_time: "2026-02-30T00:00:00" })).json.errors).toEqual([
      "start_time must be an ISO 8601 date-time, e.g. 2026-01-17T00:00:00",
    ]);
  });

  it("never shows another organization's calls, not even by its campaign id; 401 without a credential", async () => {
    const theirs = await db.call.findUniqueOrThrow({ where: { id: ids.foreign } });
    const res = await get({ campaign_id: theirs.campaignId });
    expect(res.json.pagination.total).toBe(0);
    expect(callIds(await get({}, b.apiKey))).toEqual([ids.foreign]);
    const anonymous = await call(logs, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toEqual({ success: false, error: "Unauthorized", message: "Missing or invalid authorization header" });
  });
});

describe("GET /api/v1/communication/call/{call_id}", () => {
  it("200 with every documented field; times in UTC ISO 8601", async () => {
    const res = await call(details, { apiKey: a.apiKey, params: { call_id: ids.contacted } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      success: true,
      data: {
        call_id: ids.contacted,
        name: "John Wick",
        campaign_id: campaignId,
        campaign_name: `August EMI Reminder ${a.suffix}`,
        agent_id: a.agent.id,
        loan_id: "LOAN-ABC-123",
        from: "+918035450808",
        to: "9999999999",
        direction: "outbound",
        status: "Contacted",
        disposition: "Promise to Pay",
        disposition_id: a.disposition.id,
        duration: 92,
        start_time: "2026-01-17T03:03:36.000Z",
        end_time: "2026-01-17T03:05:08.000Z",
        recording_id: "9242c009-1f8f-4bd6-a40c-e40926d1fd88",
        transcript_id: "7437557f-7ab9-4012-b411-a6f534c5aaf0",
        summary: "Customer promised to pay by tomorrow.",
        extracted_data: { emi_amount: 12500, promise_to_pay_date: "2026-01-18" },
      },
    });
  });

  it("lead_id for a lead generation campaign; In Progress without a result", async () => {
    const lead = await call(details, { apiKey: a.apiKey, params: { call_id: ids.lead } });
    expect(lead.json.data.lead_id).toBe("6f1f7f4e-0000-4000-8000-000000000001");
    expect(lead.json.data).not.toHaveProperty("loan_id");
    const live = await call(details, { apiKey: a.apiKey, params: { call_id: ids.inProgress } });
    expect(live.json.data).toMatchObject({ status: "In Progress", end_time: null, duration: null, disposition: null, extracted_data: {} });
  });

  it("404 'Call not found' for an unknown or malformed id, an attempt never dialled, and another organization's call", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", ids.scheduled, ids.blocked, ids.foreign]) {
      const res = await call(details, { apiKey: a.apiKey, params: { call_id: id } });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ success: false, message: "Call not found" });
    }
  });
});
