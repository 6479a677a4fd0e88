import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { apiRoutes, fillPattern, routeParams, type ApiRoute, type HttpMethod } from "@/lib/test/api-routes";
import { contact, createFlexyCampaign, upload } from "@/lib/flexydial/test-kit";
import { loan, operatorCookie } from "@/lib/test/records";
import { processFlexydialUpload } from "@/lib/flexydial/worker/worker";
import { stopBoss } from "@/lib/jobs/boss";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { POST as uploadDnc } from "@/app/api/upload-dnc/route";
import { PUT as saveMapping } from "@/app/api/campaigns/[id]/mapping/route";
import { call } from "@/lib/test/http";
import { watchUnhandled } from "@/lib/test/unhandled-errors";

// The tenant sweep: every route under app/api (found on disk, so it grows with the app), every
// exported method, each called with organization B's credentials (Bearer key, Token key, an
// operator's session) and organization A's ids — in the path, the query and the body. Nothing of
// A may come back (A's markers never appear in a response) and nothing of A may change (A's rows
// hash the same before and after every attempt).

type Victim = Awaited<ReturnType<typeof makeVictim>>;

/**
 * A's ids for each dynamic segment name. A route with a segment not listed here fails the sweep:
 * add how to name another organization's thing of that kind.
 */
const FOREIGN_IDS: Record<string, (v: Victim) => string[]> = {
  // Campaigns, dispositions, disposition groups, workflows, webhook deliveries and DNC entries are all `[id]`: A's of each.
  id: (v) => [v.emi.id, v.custom.id, v.dispositionId, v.groupId, v.workflowId, ...v.dncEntryIds],
  campaignId: (v) => [v.emi.id, v.custom.id],
  call_id: (v) => [v.callId],
  // A contact (customer) of A's, under A's campaign and under B's own (app/api/campaigns/[id]/contacts/[contactId]).
  contactId: (v) => [v.customerId],
  // The provider results webhook names the organization in its path (its signature proves it).
  organizationId: (v) => [v.org.id],
  // The catch-all 404 of unknown API paths: A's ids inside an unknown path.
  path: (v) => [`v1/unknown/${v.emi.id}`, `settings/unknown/${v.callId}`],
  job_id: (v) => [v.timepayJobId, v.flexyJobId],
  // The upload wizard's jobs (app/api/uploads/[jobId]/…): A's wizard job and its API jobs.
  jobId: (v) => [v.wizardJobId, v.timepayJobId, v.flexyJobId],
  // better-auth's catch-all: the session and sign-in endpoints.
  all: () => ["get-session", "sign-in/email", "sign-out", "list-sessions"],
  // The WhatsApp details read (app/api/v1/communication/whatsapp/[message_id]): a well-formed id.
  message_id: () => ["00000000-0000-4000-8000-000000000000"],
  // The team routes (app/api/team/members/[memberId], app/api/team/invitations/[invitationId]).
  memberId: (v) => [v.memberId],
  invitationId: (v) => [v.invitationId],
};

/** Bodies naming A's things; every write route gets all of them (new routes included). */
function foreignBodies(v: Victim): unknown[] {
  const record = { ...loan(1), loan_id: v.loanId };
  return [
    {
      campaignId: v.emi.id,
      campaign: v.custom.name,
      id: v.customerId,
      loan_id: v.loanId,
      lead_id: v.loanId,
      job_id: v.timepayJobId,
      uploadJobId: v.timepayJobId,
      records: [record, { id: v.loanId, data: { first_name: "Hijacked" } }],
      data: { first_name: "Hijacked" },
      customers: [{ id: v.loanId, data: { first_name: "Hijacked" } }],
      callConfig: { agentId: v.agentId, dispositionId: v.dispositionId },
      initiateCall: true,
      name: `${v.emi.name} hijacked`,
      status: "paused",
      updatedFields: { name: "Hijacked" },
      columns: { phone: "phone_number" },
    },
    { campaignId: v.custom.id, records: [{ id: v.customerId, data: { "customer_info:customer_name": "Hijacked" } }] },
    { campaign: v.custom.name, action_type: "insert", bulk_data: [contact(9)] },
    {
      campaign: v.custom.name,
      action_type: "update",
      reference_field: "numeric",
      bulk_data: [{ numeric: v.flexyPhone, "customer_info:city": "Hijacked" }],
    },
    [{ numeric: v.dncNumber }, { numeric: v.dncNumber, campaign: v.custom.name }],
    [{ numeric: v.dncNumber, campaign: v.custom.name, global_dnc: "false", status: "Inactive" }],
    // The DNC screen's: A's campaign's list.
    { number: v.dncNumber, campaignId: v.custom.id, numbers: [{ row: 2, value: v.dncNumber }], active: false },
    {
      name: v.emi.name,
      description: "x",
      campaignType: "emi",
      startDate: "2026-11-01",
      startTime: "09:00",
      endDate: "2027-03-31",
      endTime: "19:00",
      languages: ["hindi"],
      region: "south",
    },
    { email: v.email, password: "wrong password" },
    { username: v.email, password: "wrong password" },
  ];
}

function foreignQueries(v: Victim): Record<string, string>[] {
  return [{}, { campaignId: v.emi.id, campaign_id: v.emi.id, search: v.emi.name, organizationId: v.org.id, org_id: v.org.id }];
}

async function makeVictim(a: TestOrg) {
  const marker = `victim${a.suffix}`;
  const emi = await createTestCampaign(a.id, "emi", { description: `${marker}-description` });
  const custom = await createFlexyCampaign(a.id);
  await db.campaign.update({ where: { id: custom.id }, data: { description: `${marker}-description` } });
  const loanId = `VLN-${a.suffix}`;
  const added = await call(bulkAdd, {
    apiKey: a.apiKey,
    body: { campaignId: emi.id, records: [{ ...loan(1), loan_id: loanId, first_name: `${marker}first`, phone_number: "9811122233" }] },
  });
  expect(added.status).toBe(201);
  const flexyPhone = "9811122244";
  const flexy = await upload(a.apiKey, {
    campaign: custom.name,
    bulk_data: [contact(1, { numeric: flexyPhone, "customer_info:customer_name": `${marker}name` })],
  });
  expect(flexy.status).toBe(200);
  await processFlexydialUpload(flexy.json.job_id);
  const dncNumber = "6300868499";
  expect(
    (
      await call(uploadDnc, {
        path: "/api/upload-dnc/",
        apiKey: a.apiKey,
        scheme: "Token",
        body: [
          { numeric: dncNumber, campaign: "", global_dnc: "true" },
          { numeric: dncNumber, campaign: custom.name, global_dnc: "false" },
        ],
      })
    ).status,
  ).toBe(200);
  expect(
    (await call(saveMapping, { method: "PUT", apiKey: a.apiKey, params: { id: emi.id }, body: { columns: { mobile: "phone_number" } } }))
      .status,
  ).toBe(200);
  const wizard = await call(bulkAdd, {
    headers: { cookie: (await operatorCookie(a.id)).cookie },
    body: { campaignId: emi.id, records: [{ ...loan(2), loan_id: `${loanId}-W`, first_name: `${marker}first` }] },
  });
  expect(wizard.status).toBe(201);
  const customer = await db.customer.findFirstOrThrow({ where: { campaignId: custom.id } });
  const user = await db.user.create({
    data: {
      email: `${marker}@victim.test`,
      name: `${marker}user`,
      organizationId: a.id,
      membership: { create: { organizationId: a.id, role: "admin" } },
    },
  });
  const member = await db.member.findUniqueOrThrow({ where: { userId: user.id } });
  const invitation = await db.invitation.create({
    data: {
      organizationId: a.id,
      email: `${marker}invitee@victim.test`,
      role: "operator",
      expiresAt: new Date(Date.now() + 86_400_000),
      inviterId: user.id,
    },
  });
  const placed = new Date(Date.now() - 60_000);
  const aCall = await db.call.create({
    data: {
      organizationId: a.id,
      campaignId: custom.id,
      customerId: customer.id,
      agentId: a.agent.id,
      toPhone: "+919811122244",
      state: "completed",
      dialedAt: placed,
      finishedAt: new Date(),
      outcome: "Contacted",
      summary: `${marker}summary`,
    },
  });
  const group = await db.dispositionGroup.create({ data: { organizationId: a.id, name: `${marker}group`, description: `${marker}group` } });
  const steps = [{ id: "done", type: "stop" }];
  const workflow = await db.workflow.create({
    data: { organizationId: a.id, name: `${marker}workflow`, description: `${marker}workflow`, steps, latestVersion: 1 },
  });
  await db.workflowVersion.create({ data: { workflowId: workflow.id, version: 1, definition: { steps } } });
  const dncEntryIds = (await db.dncEntry.findMany({ where: { organizationId: a.id }, select: { id: true } })).map((e) => e.id);
  expect(dncEntryIds).toHaveLength(2);
  return {
    dncEntryIds,
    org: a.org,
    emi,
    custom,
    loanId,
    customerId: customer.id,
    flexyPhone,
    dncNumber,
    timepayJobId: added.headers.get("x-upload-job-id")!,
    flexyJobId: flexy.json.job_id as string,
    wizardJobId: wizard.headers.get("x-upload-job-id")!,
    agentId: a.agent.id,
    dispositionId: a.disposition.id,
    groupId: group.id,
    workflowId: workflow.id,
    callId: aCall.id,
    memberId: member.id,
    invitationId: invitation.id,
    email: user.email,
    /** Text only A's data holds: never sent by B, so it may never come back. */
    markers: [marker, a.org.name, a.org.slug, "+919811122233", "+919811122244", a.apiKey],
  };
}

/** Everything A owns, as one hash: any write to A's data changes it. */
async function fingerprint(organizationId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ h: string }[]>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(c::text, ',' ORDER BY c.id) FROM campaigns c WHERE c."organizationId" = ${organizationId}),
      (SELECT string_agg(cu::text, ',' ORDER BY cu.id) FROM customers cu JOIN campaigns c ON c.id = cu."campaignId" WHERE c."organizationId" = ${organizationId}),
      (SELECT string_agg(d::text, ',' ORDER BY d.id) FROM dnc_entries d WHERE d."organizationId" = ${organizationId}),
      (SELECT string_agg(e::text, ',' ORDER BY e.id) FROM dnc_events e WHERE e."organizationId" = ${organizationId}),
      (SELECT string_agg(j::text, ',' ORDER BY j.id) FROM upload_jobs j WHERE j."organizationId" = ${organizationId}),
      (SELECT string_agg(k.id || k."lastUsedAt"::text, ',' ORDER BY k.id) FROM api_keys k WHERE k."organizationId" = ${organizationId}),
      (SELECT string_agg(u::text, ',' ORDER BY u.id) FROM users u WHERE u."organizationId" = ${organizationId}),
      (SELECT string_agg(m::text, ',' ORDER BY m.id) FROM members m WHERE m."organizationId" = ${organizationId}),
      (SELECT string_agg(i::text, ',' ORDER BY i.id) FROM invitations i WHERE i."organizationId" = ${organizationId}),
      (SELECT string_agg(c::text, ',' ORDER BY c.id) FROM calls c WHERE c."organizationId" = ${organizationId}),
      (SELECT string_agg(d::text, ',' ORDER BY d.id) FROM dispositions d WHERE d."organizationId" = ${organizationId}),
      (SELECT string_agg(g::text, ',' ORDER BY g.id) FROM disposition_groups g WHERE g."organizationId" = ${organizationId}),
      (SELECT string_agg(w::text, ',' ORDER BY w.id) FROM workflows w WHERE w."organizationId" = ${organizationId}),
      (SELECT string_agg(s::text, ',') FROM call_settings s WHERE s."organizationId" = ${organizationId}),
      (SELECT string_agg(w::text, ',') FROM webhook_endpoints w WHERE w."organizationId" = ${organizationId})
    )) AS h`;
  return row.h;
}

let a: TestOrg;
let b: TestOrg;
let victim: Victim;
let bCookie: string;
let routes: ApiRoute[];
beforeAll(async () => {
  a = await createTestOrg("sweep-a");
  b = await createTestOrg("sweep-b");
  victim = await makeVictim(a);
  // B has a campaign of the same name as A's: names resolve inside the caller's organization.
  await createTestCampaign(b.id, "custom", { name: victim.custom.name });
  bCookie = (await operatorCookie(b.id)).cookie;
  routes = await apiRoutes();
});
afterAll(async () => {
  await stopBoss();
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

describe("tenant sweep", () => {
  it("knows how to name another organization's id for every dynamic segment", () => {
    const unknown = routes.flatMap((r) => r.params.filter((p) => !FOREIGN_IDS[p]).map((p) => `${r.file}: [${p}]`));
    expect(unknown, "add these segment names to FOREIGN_IDS in lib/api/tenant-sweep.test.ts").toEqual([]);
  });

  it("every route × method × credential × foreign id: 0 reads and 0 writes of the other organization", async () => {
    expect(routes.length).toBeGreaterThanOrEqual(17);
    const credentials: { name: string; headers: Record<string, string> }[] = [
      { name: "Bearer", headers: { authorization: `Bearer ${b.apiKey}` } },
      { name: "Token", headers: { authorization: `Token ${b.apiKey}` } },
      { name: "session", headers: { cookie: bCookie } },
    ];
    const unhandled = watchUnhandled();
    const before = await fingerprint(a.id);
    const leaks: string[] = [];
    let attempts = 0;
    for (const route of routes) {
      for (const method of route.methods) {
        for (const values of paramCombinations(route, victim)) {
          const bodies: (unknown | undefined)[] = method === "GET" || method === "DELETE" ? [undefined] : foreignBodies(victim);
          for (const body of bodies) {
            for (const query of foreignQueries(victim)) {
              for (const credential of credentials) {
                attempts++;
                const res = await attempt(route, method, values, query, credential.headers, body);
                const what = `${method} ${fillPattern(route.pattern, values)} ${credential.name} ${JSON.stringify(body)?.slice(0, 80)} → ${res.status}`;
                const leaked = victim.markers.filter((m) => res.text.includes(m));
                if (leaked.length) leaks.push(`read ${leaked.join(",")}: ${what}`);
                if (unhandled.check(route, res.status)) leaks.push(`undocumented 500: ${what}: ${res.text.slice(0, 200)}`);
                if ((await fingerprint(a.id)) !== before) {
                  leaks.push(`write: ${what}`);
                  return expect.fail(`organization A's data changed: ${what}`);
                }
              }
            }
          }
        }
      }
    }
    unhandled.restore();
    console.info(
      `tenant sweep: ${routes.length} routes, ${routes.reduce((n, r) => n + r.methods.length, 0)} route methods, ${attempts} attempts, ${leaks.length} leaks`,
    );
    expect(leaks).toEqual([]);
    expect(attempts).toBeGreaterThan(500);
  }, 600_000);
});

describe("the sweep's own detectors", () => {
  it("see a read and a write when the caller is A itself (so the sweep can fail)", async () => {
    const route = routes.find((r) => r.pattern === "/api/v1/campaigns/[id]")!;
    const own = await attempt(route, "GET", { id: victim.emi.id }, {}, { authorization: `Bearer ${a.apiKey}` }, undefined);
    expect(victim.markers.some((m) => own.text.includes(m))).toBe(true);
    const before = await fingerprint(a.id);
    const pause = routes.find((r) => r.pattern === "/api/v1/campaigns/pause/[id]")!;
    expect((await attempt(pause, "PATCH", { id: victim.emi.id }, {}, { authorization: `Bearer ${a.apiKey}` }, undefined)).status).toBe(200);
    expect(await fingerprint(a.id)).not.toBe(before);
  });
});

function paramCombinations(route: ApiRoute, v: Victim): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const name of route.params) combos = combos.flatMap((c) => FOREIGN_IDS[name](v).map((value) => ({ ...c, [name]: value })));
  return combos;
}

async function attempt(
  route: ApiRoute,
  method: HttpMethod,
  values: Record<string, string>,
  query: Record<string, string>,
  headers: Record<string, string>,
  body: unknown,
) {
  const url = new URL(fillPattern(route.pattern, values), "http://localhost:3000");
  for (const [k, val] of Object.entries(query)) url.searchParams.set(k, val);
  const init: RequestInit = { method, headers: { ...headers, origin: "http://localhost:3000" } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  const response = await route.handlers[method]!(new Request(url, init), { params: Promise.resolve(routeParams(route.pattern, values)) });
  return { status: response.status, text: await response.text() };
}
