import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { createTestCampaign, createTestOrg, deleteTestOrg, CAMPAIGN_WINDOW, type TestOrg } from "@/lib/test/fixtures";
import { apiRoutes, fillPattern, routeParams, type ApiRoute, type HttpMethod } from "@/lib/test/api-routes";
import { contact, createFlexyCampaign, upload } from "@/lib/flexydial/test-kit";
import { loan, operatorCookie } from "@/lib/test/records";
import { watchUnhandled } from "@/lib/test/unhandled-errors";
import { stopBoss } from "@/lib/jobs/boss";
import { processFlexydialUpload } from "@/lib/flexydial/worker/worker";
import { hashPassword } from "@/lib/auth/passwords";

// Property test over every route under app/api (found on disk) and every exported method: a
// plausible request with one hostile part — NUL, lone surrogates, huge strings, 10,000-deep
// nesting, wrong types, __proto__, numbers beyond 2^53, Infinity, formula-looking cells — in the
// body, a key, the query or a path parameter. Properties: no undocumented 500 (the wrapper never
// falls back to its generic error), and the database says what the response says (a refusal
// writes nothing; a bulk add writes exactly `successful` customers).

const RUNS_PER_ROUTE_METHOD = Number(process.env.HOSTILE_RUNS ?? 60);

type Fixture = Awaited<ReturnType<typeof makeFixture>>;
type Base = { body?: unknown; query?: Record<string, string>; params?: Record<string, string> };

// Placeholders a JSON.stringify'd body carries for what JSON.stringify cannot write.
const RAW: Record<string, string> = {
  __RAW_BIGINT__: "12345678901234567890",
  __RAW_2P53__: "9007199254740993",
  __RAW_INF__: "1e400",
  __RAW_NEGZERO__: "-0",
  __RAW_DEEP__: `${"[".repeat(10_000)}1${"]".repeat(10_000)}`,
  __RAW_DEEPOBJ__: `${'{"a":'.repeat(40)}1${"}".repeat(40)}`,
  __RAW_PROTO__: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
};

const hostileString = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "98\u00001",
    "\ud800",
    "x\udfffy",
    '=HYPERLINK("http://evil.test","click")',
    "+1+1",
    "@SUM(A1:A9)",
    "-2+3",
    "__proto__",
    "constructor",
    "",
    "   ",
    "😀\u202e\u200b",
    "'; DROP TABLE customers; --",
    "9876543210",
    "x".repeat(300),
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 6 }).map((s) => `${s}\u0000${s}`),
  fc.string({ unit: "binary", maxLength: 6 }).map((s) => `${s}\udc01`),
  fc.constantFrom(100_000, 1_000_000).map((n) => "9".repeat(n)),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...Object.keys(RAW)) },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, [], {}, [[]], [{}], { a: null }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
);

/** One hostile change to a plausible request. */
type Mutation =
  | { kind: "value"; pick: number; value: unknown }
  | { kind: "key"; pick: number; key: string; value: unknown }
  | { kind: "body"; value: unknown }
  | { kind: "rawBody"; text: string }
  | { kind: "query"; key: string | null; value: string }
  | { kind: "param"; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("value" as const), pick: fc.nat(), value: hostileValue }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("key" as const),
      pick: fc.nat(),
      key: hostileString.filter((k) => k.length < 1000),
      value: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("body" as const), value: hostileValue }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("rawBody" as const),
      text: fc.constantFrom("", "{", "null", '"x"', "[1,", "\u0000", '{"a":1}garbage', "[]"),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("query" as const),
      key: fc.option(hostileString.filter((k) => k.length < 100)),
      value: hostileString.filter((v) => v.length < 5000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("param" as const), value: hostileString.filter((v) => v.length < 5000) }) },
);

let counter = 0;
const next = () => ++counter;

/** A plausible request per route; a route added later gets `{}` and still runs. */
const BASE: Record<string, (f: Fixture, method: HttpMethod) => Base> = {
  "/api/v1/campaigns": () => ({ query: { page: "1", limit: "10", status: "active", campaign_type: "emi", search: "Campaign" } }),
  "/api/v1/campaigns/create": () => ({
    body: {
      name: `Hostile ${randomBytes(4).toString("hex")}`,
      description: "d",
      campaignType: "custom",
      ...CAMPAIGN_WINDOW,
      languages: ["hindi"],
      region: "south",
      tags: ["a"],
      timezone: "Asia/Kolkata",
      crmFields: [
        { key: "info:id", required: true },
        { key: "info:status", type: "enum", enumValues: ["a", "b"] },
      ],
      identifierField: "info:id",
    },
  }),
  "/api/v1/campaigns/update/[id]": () => ({
    body: { name: `Renamed ${randomBytes(4).toString("hex")}`, description: "x", tags: ["t"], timezone: "Asia/Kolkata" },
  }),
  "/api/v1/customers/add/bulk": (f) => ({
    body: { campaignId: f.emi.id, records: [loan(next()), loan(next())] },
    query: { validateOnly: "false" },
  }),
  "/api/v1/customers/add": (f) => ({ body: { campaignId: f.emi.id, data: loan(next()) } }),
  "/api/v1/customers/update": (f) => ({
    body: { campaignId: f.emi.id, loan_id: "LN1", data: { first_name: "Changed", loan_amount: 1000 } },
  }),
  "/api/v1/customer-data": (f) => ({ body: { campaignId: f.emi.id, loan_id: "LN1", data: { first_name: "Changed" } } }),
  "/api/v1/customer-data/bulk": (f) => ({
    body: {
      campaignId: f.emi.id,
      records: [
        { id: "LN1", data: { first_name: "Bulk" } },
        { id: "LN2", data: { last_name: "Bulk" } },
      ],
    },
  }),
  "/api/bulkphonebookupload/v1": (f) => ({
    body: { campaign: f.custom.name, action_type: "insert", bulk_data: [contact(next()), contact(next())] },
  }),
  "/api/upload-dnc": (f) => ({
    body: [
      { numeric: String(6_300_000_000 + next()), campaign: f.custom.name, global_dnc: "false", status: "Active" },
      { numeric: String(6_300_000_000 + next()), campaign: "", global_dnc: "true" },
    ],
  }),
  "/api/remove-dnc": (f) => ({ body: [{ numeric: f.dncNumber, campaign: "" }] }),
  // The DNC screen's routes.
  "/api/dnc": (_f, method) =>
    method === "GET"
      ? { query: { q: "98765 43210", status: "active", scope: "global", page: "1" } }
      : { body: { number: String(6_300_000_000 + next()), campaignId: null, reason: "hostile" } },
  "/api/dnc/[id]": () => ({ body: { active: false } }),
  "/api/dnc/check": (f) => ({ body: { campaignId: f.custom.id, numbers: [{ row: 2, value: String(6_300_000_000 + next()) }] } }),
  "/api/dnc/import": () => ({
    body: {
      campaignId: null,
      numbers: [
        { row: 2, value: String(6_300_000_000 + next()) },
        { row: 3, value: "x" },
      ],
    },
  }),
  "/api/dnc/history": () => ({ query: { q: "6300", page: "1" } }),
  "/api/generate-token": (f) => ({ body: { username: f.email, password: "wrong password" } }),
  "/api/campaigns/[id]/mapping": () => ({ body: { columns: { mobile: "phone_number", "first name": "first_name" } } }),
  "/api/auth/[...all]": (f, method) =>
    method === "POST"
      ? { params: { all: "sign-in/email" }, body: { email: f.email, password: "wrong password" } }
      : { params: { all: "get-session" } },
};

/** The caller's own ids for each dynamic segment; an unknown segment fails the test. */
const OWN_IDS: Record<string, (f: Fixture, method: HttpMethod) => Promise<string>> = {
  id: async (f, method) => (method === "DELETE" ? (await createTestCampaign(f.org.id, "emi")).id : f.emi.id),
  job_id: async (f) => f.jobId,
  jobId: async (f) => f.jobId,
  // The initiate routes (app/api/v1/initiate/[campaignId]/…) and the WhatsApp details read (none exists: 404).
  campaignId: async (f) => f.emi.id,
  message_id: async () => "00000000-0000-4000-8000-000000000000",
  all: async () => "get-session",
  call_id: async (f) => f.callId,
  contactId: async (f) => f.contactId,
  organizationId: async (f) => f.org.id,
  path: async () => "v1/no-such-route",
  memberId: async (f) => f.memberId,
  invitationId: async (f) => f.invitationId,
};

async function makeFixture(org: TestOrg) {
  const emi = await createTestCampaign(org.id, "emi");
  const custom = await createFlexyCampaign(org.id);
  const job = await upload(org.apiKey, { campaign: custom.name, bulk_data: [contact(1)] });
  const email = `hostile-${org.suffix}@test.local`;
  const user = await db.user.create({
    data: { email, name: "Hostile", organizationId: org.id, membership: { create: { organizationId: org.id, role: "admin" } } },
  });
  await db.account.create({
    data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword("right password") },
  });
  const member = await db.member.findUniqueOrThrow({ where: { userId: user.id } });
  const invitation = await db.invitation.create({
    data: {
      organizationId: org.id,
      email: `invitee-${org.suffix}@test.local`,
      role: "viewer",
      expiresAt: new Date(Date.now() + 86_400_000),
      inviterId: user.id,
    },
  });
  await processFlexydialUpload(job.json.job_id);
  const customer = await db.customer.findFirstOrThrow({ where: { campaignId: custom.id } });
  const placed = await db.call.create({
    data: {
      organizationId: org.id,
      campaignId: customer.campaignId,
      customerId: customer.id,
      agentId: org.agent.id,
      toPhone: "+919811122255",
      state: "completed",
      dialedAt: new Date(),
      finishedAt: new Date(),
      outcome: "Contacted",
    },
  });
  return {
    org,
    emi,
    custom,
    jobId: job.json.job_id as string,
    callId: placed.id,
    contactId: customer.id,
    dncNumber: "6300868401",
    email,
    memberId: member.id,
    invitationId: invitation.id,
  };
}

async function counts(organizationId: string) {
  const [row] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT
      (SELECT count(*) FROM campaigns WHERE "organizationId" = ${organizationId}) AS campaigns,
      (SELECT count(*) FROM customers cu JOIN campaigns c ON c.id = cu."campaignId" WHERE c."organizationId" = ${organizationId}) AS customers,
      (SELECT count(*) FROM dnc_entries WHERE "organizationId" = ${organizationId}) AS dnc,
      (SELECT count(*) FROM dnc_events WHERE "organizationId" = ${organizationId}) AS dnc_events,
      (SELECT count(*) FROM upload_jobs WHERE "organizationId" = ${organizationId}) AS jobs`;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

let org: TestOrg;
let fixture: Fixture;
let routes: ApiRoute[];
let cookie: string;
beforeAll(async () => {
  org = await createTestOrg("hostile");
  fixture = await makeFixture(org);
  cookie = (await operatorCookie(org.id)).cookie;
  routes = await apiRoutes();
});
afterAll(async () => {
  await stopBoss();
  await deleteTestOrg(org);
  await db.campaign.deleteMany({ where: { organizationId: org.id } }).catch(() => {});
});

describe("hostile input over every JSON route", () => {
  it("knows an id of the caller's own for every dynamic segment", () => {
    const unknown = routes.flatMap((r) => r.params.filter((p) => !OWN_IDS[p]).map((p) => `${r.file}: [${p}]`));
    expect(unknown, "add these segment names to OWN_IDS in lib/api/hostile-input.test.ts").toEqual([]);
  });

  it("0 undocumented 500s, and a refusal writes nothing", async () => {
    const unhandled = watchUnhandled();
    const failures: string[] = [];
    let cases = 0;
    for (const route of routes) {
      for (const method of route.methods) {
        await fc.assert(
          fc.asyncProperty(mutation, fc.boolean(), async (change, useSession) => {
            cases++;
            const request = await buildRequest(route, method, change, useSession);
            const before = await counts(org.id);
            const response = await route.handlers[method]!(request.request, { params: Promise.resolve(request.params) });
            const text = await response.text();
            const after = await counts(org.id);
            const what = `${method} ${route.pattern} ${JSON.stringify(change).slice(0, 160)} → ${response.status} ${text.slice(0, 160)}`;
            if (unhandled.check(route, response.status)) failures.push(`undocumented 500: ${what}`);
            const problem = consistency(route, method, response, text, before, after);
            if (problem) failures.push(`${problem}: ${what}`);
          }),
          { numRuns: RUNS_PER_ROUTE_METHOD, endOnFailure: true },
        );
      }
    }
    unhandled.restore();
    console.info(`hostile input: ${routes.length} routes, ${cases} cases, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(routes.length * RUNS_PER_ROUTE_METHOD);
  }, 900_000);
});

function consistency(
  route: ApiRoute,
  method: HttpMethod,
  response: Response,
  text: string,
  before: Record<string, number>,
  after: Record<string, number>,
): string | null {
  const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
  if (response.status >= 400 && !response.headers.get("x-upload-job-id") && changed.length > 0)
    return `refused but wrote ${changed.join(", ")}`;
  if (route.pattern === "/api/v1/customers/add/bulk") {
    const body = safeJson(text) as { results?: { successful?: number }; validateOnly?: boolean } | undefined;
    const expected = body?.validateOnly ? 0 : (body?.results?.successful ?? 0);
    if (after.customers - before.customers !== expected)
      return `bulk add says ${expected} added, the database holds ${after.customers - before.customers} more`;
  }
  if (route.pattern === "/api/v1/customers/add" && response.status === 201 && after.customers - before.customers !== 1)
    return "201 without exactly one customer";
  if (route.pattern === "/api/v1/campaigns/create" && response.status === 201 && after.campaigns - before.campaigns !== 1)
    return "201 without exactly one campaign";
  if (
    route.pattern === "/api/dnc" &&
    response.status === 201 &&
    (after.dnc - before.dnc !== 1 || after.dnc_events - before.dnc_events !== 1)
  )
    return "201 without exactly one DNC entry and its history row";
  if (route.pattern === "/api/dnc/check" && changed.length > 0) return `the DNC check wrote ${changed.join(", ")}`;
  if (route.pattern === "/api/dnc/import" && response.status === 200) {
    const done = (safeJson(text) as { imported?: { added?: number; reactivated?: number } } | undefined)?.imported;
    const added = done?.added ?? 0;
    if (after.dnc - before.dnc !== added || after.dnc_events - before.dnc_events !== added + (done?.reactivated ?? 0))
      return `DNC import says ${added} added, the database holds ${after.dnc - before.dnc} more entries`;
  }
  if (method === "GET" && changed.length > 0) return `GET wrote ${changed.join(", ")}`;
  return null;
}

async function buildRequest(route: ApiRoute, method: HttpMethod, change: Mutation, useSession: boolean) {
  const base = BASE[route.pattern]?.(fixture, method) ?? {};
  const values: Record<string, string> = {};
  for (const name of route.params) values[name] = base.params?.[name] ?? (await OWN_IDS[name](fixture, method));
  if (change.kind === "param" && route.params.length > 0 && !route.file.includes("[...all]")) values[route.params[0]] = change.value;

  const url = new URL(fillPattern(route.pattern, values), "http://localhost:3000");
  for (const [k, v] of Object.entries(base.query ?? {})) url.searchParams.set(k, v);
  if (change.kind === "query") url.searchParams.set(change.key ?? Object.keys(base.query ?? { q: "" })[0] ?? "q", change.value);

  const headers: Record<string, string> = { origin: "http://localhost:3000" };
  if (useSession) headers.cookie = cookie;
  else headers.authorization = `${route.pattern.startsWith("/api/v1") ? "Bearer" : "Token"} ${org.apiKey}`;

  let text: string | undefined;
  if (method !== "GET" && method !== "DELETE") {
    headers["content-type"] = "application/json";
    if (change.kind === "rawBody") text = change.text;
    else if (change.kind === "body") text = serialize(change.value);
    else text = serialize(mutate(base.body ?? {}, change));
  }
  return { request: new Request(url, { method, headers, body: text }), params: routeParams(route.pattern, values) };
}

/** The body with one node replaced (or one key added), picked among all its nodes. */
function mutate(body: unknown, change: Mutation): unknown {
  if (change.kind !== "value" && change.kind !== "key") return body;
  const copy = structuredClone(body);
  const containers: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const objects: Record<string, unknown>[] = [];
  const stack: unknown[] = [copy];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    if (!Array.isArray(node)) objects.push(node as Record<string, unknown>);
    for (const [k, v] of Object.entries(node)) {
      containers.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(k) : k });
      stack.push(v);
    }
  }
  if (change.kind === "key") {
    if (objects.length === 0) return { [change.key]: change.value };
    objects[change.pick % objects.length][change.key] = change.value;
    return copy;
  }
  if (containers.length === 0) return change.value;
  const target = containers[change.pick % containers.length];
  (target.parent as Record<string, unknown>)[target.key as string] = change.value;
  return copy;
}

function serialize(value: unknown): string {
  let text = JSON.stringify(value) ?? "null";
  for (const [token, raw] of Object.entries(RAW)) text = text.split(JSON.stringify(token)).join(raw);
  return text;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
