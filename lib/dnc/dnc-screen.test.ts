import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { DomainContext, Role } from "@/lib/domain/context";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { call } from "@/lib/test/http";
import { POST as uploadDncRoute } from "@/app/api/upload-dnc/route";
import { POST as removeDncRoute } from "@/app/api/remove-dnc/route";
import { addDncEntry, setDncEntryActive } from "./dnc-writes";
import { checkDncFile, importDncFile } from "./dnc-file";
import { dncHistory, listDnc } from "./dnc-list";
import { blockNumber } from "./block-number";

// The DNC screen's domain: add, remove, re-activate, a file's numbers, the searchable list and
// the history — and every other door (Flexydial, a contact's "Add to DNC") writing history too.

let a: TestOrg;
let b: TestOrg;
let userA: { id: string };
beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("dnc-screen-a"), createTestOrg("dnc-screen-b")]);
  userA = await db.user.create({
    data: {
      email: `dnc-${a.suffix}@test.local`,
      name: "Asha Operator",
      organizationId: a.id,
      membership: { create: { organizationId: a.id, role: "operator" } },
    },
  });
});
afterAll(async () => {
  await Promise.all([deleteTestOrg(a), deleteTestOrg(b)]);
});

const ctxOf = (org: TestOrg, role: Role = "operator", userId: string | null = null): DomainContext => ({
  organizationId: org.id,
  actor: { userId, apiKeyId: null, role },
  source: "ui",
});
const events = (organizationId: string) =>
  db.dncEvent.findMany({
    where: { organizationId },
    orderBy: { createdAt: "asc" },
    select: { phoneE164: true, action: true, status: true, actor: true, source: true, campaignName: true, reason: true },
  });

describe("add one number", () => {
  it("adds it with its reason and a history row naming who added it", async () => {
    const org = await createTestOrg("dnc-add");
    const user = await db.user.create({
      data: {
        email: `add-${org.suffix}@test.local`,
        name: "Ravi",
        organizationId: org.id,
        membership: { create: { organizationId: org.id, role: "operator" } },
      },
    });
    try {
      const added = await addDncEntry(ctxOf(org, "operator", user.id), {
        number: "98765 43210",
        campaignId: null,
        reason: "Asked on the phone",
      });
      expect(added).toMatchObject({ phoneE164: "+919876543210", phoneRaw: "98765 43210", campaignId: null, status: "active" });
      expect(
        await db.dncEntry.findMany({ where: { organizationId: org.id }, select: { scope: true, reason: true, status: true } }),
      ).toEqual([{ scope: "", reason: "Asked on the phone", status: "active" }]);
      expect(await events(org.id)).toEqual([
        {
          phoneE164: "+919876543210",
          action: "added",
          status: "active",
          actor: "Ravi",
          source: "ui",
          campaignName: null,
          reason: "Asked on the phone",
        },
      ]);
    } finally {
      await deleteTestOrg(org);
    }
  });

  it("refuses a number that is not a phone number, with the core's reason, and writes nothing", async () => {
    await expect(addDncEntry(ctxOf(a), { number: "12345", campaignId: null })).rejects.toMatchObject({
      kind: "invalid",
      details: { field: "number", issues: [expect.stringMatching(/^number: /)] },
    });
    await expect(addDncEntry(ctxOf(a), { number: "98765abcde", campaignId: null })).rejects.toMatchObject({ kind: "invalid" });
    expect(await db.dncEntry.count({ where: { organizationId: a.id, phoneRaw: { in: ["12345", "98765abcde"] } } })).toBe(0);
  });

  it("says a duplicate is a duplicate, however it is typed, and says when it is removed", async () => {
    const ctx = ctxOf(a);
    const first = await addDncEntry(ctx, { number: "+91 91234 00001", campaignId: null });
    await expect(addDncEntry(ctx, { number: "09123400001", campaignId: null })).rejects.toMatchObject({
      kind: "conflict",
      message: "+919123400001 is already on the global list",
    });
    await setDncEntryActive(ctx, first.id, false);
    await expect(addDncEntry(ctx, { number: "9123400001", campaignId: null })).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringContaining("re-activate it"),
    });
  });

  it("scopes a number to a campaign: the same number can be global and per campaign", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    await addDncEntry(ctxOf(a), { number: "9123400002", campaignId: null });
    const scoped = await addDncEntry(ctxOf(a), { number: "9123400002", campaignId: campaign.id });
    expect(scoped.campaignId).toBe(campaign.id);
    const history = await db.dncEvent.findFirstOrThrow({ where: { entryId: scoped.id } });
    expect(history).toMatchObject({ campaignName: campaign.name, scope: campaign.id, actor: "The system" });
  });

  it("lets a viewer change nothing, and another organization's campaign is not found", async () => {
    await expect(addDncEntry(ctxOf(a, "viewer"), { number: "9123400003", campaignId: null })).rejects.toMatchObject({ kind: "forbidden" });
    const campaignB = await createTestCampaign(b.id, "emi");
    await expect(addDncEntry(ctxOf(a), { number: "9123400003", campaignId: campaignB.id })).rejects.toMatchObject({ kind: "not_found" });
    expect(await db.dncEntry.count({ where: { phoneE164: "+919123400003" } })).toBe(0);
  });
});

describe("remove and re-activate", () => {
  it("deactivates, re-activates, records each change once, and the list shows the latest", async () => {
    const ctx = ctxOf(a, "operator", userA.id);
    const entry = await addDncEntry(ctx, { number: "9123400010", campaignId: null });
    expect(await setDncEntryActive(ctx, entry.id, false)).toMatchObject({ status: "inactive", changed: true });
    expect(await setDncEntryActive(ctx, entry.id, false)).toMatchObject({ status: "inactive", changed: false });
    let list = await listDnc(ctx, { q: "9123400010" });
    expect(list.rows).toMatchObject([
      { id: entry.id, status: "inactive", addedBy: "Asha Operator", lastChange: { action: "deactivated" } },
    ]);
    await setDncEntryActive(ctx, entry.id, true);
    list = await listDnc(ctx, { q: "9123400010" });
    expect(list.rows).toMatchObject([{ status: "active", lastChange: { action: "reactivated", actor: "Asha Operator" } }]);
    const history = await dncHistory(ctx, { entryId: entry.id });
    expect(history.rows.map((r) => r.action)).toEqual(["reactivated", "deactivated", "added"]);
  });

  it("another organization cannot see, remove or re-activate an entry", async () => {
    const entry = await addDncEntry(ctxOf(a), { number: "9123400011", campaignId: null });
    await expect(setDncEntryActive(ctxOf(b), entry.id, false)).rejects.toMatchObject({ kind: "not_found" });
    await expect(setDncEntryActive(ctxOf(a, "viewer"), entry.id, false)).rejects.toMatchObject({ kind: "forbidden" });
    expect((await db.dncEntry.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe("active");
    expect((await listDnc(ctxOf(b), { q: "9123400011" })).total).toBe(0);
    expect((await dncHistory(ctxOf(b), { q: "9123400011" })).total).toBe(0);
    expect((await dncHistory(ctxOf(b), { entryId: entry.id })).total).toBe(0);
  });
});

describe("the list", () => {
  it("finds a number typed in any format, by part, and as entered; filters by scope and status", async () => {
    const org = await createTestOrg("dnc-list");
    try {
      const ctx = ctxOf(org);
      const campaign = await createTestCampaign(org.id, "emi");
      const one = await addDncEntry(ctx, { number: "98765-43210", campaignId: null });
      await addDncEntry(ctx, { number: "9123456789", campaignId: campaign.id });
      const off = await addDncEntry(ctx, { number: "080 4123 4567", campaignId: null });
      await setDncEntryActive(ctx, off.id, false);
      const ids = async (filter: Parameters<typeof listDnc>[1]) => (await listDnc(ctx, filter)).rows.map((r) => r.id);
      for (const q of ["98765 43210", "+91 98765 43210", "+919876543210", "098765 43210", "43210", "98765-43"]) {
        expect(await ids({ q }), q).toEqual([one.id]);
      }
      expect((await listDnc(ctx, {})).total).toBe(3);
      expect((await listDnc(ctx, { scope: "global" })).total).toBe(2);
      expect((await listDnc(ctx, { scope: campaign.id })).rows).toMatchObject([
        { campaignName: campaign.name, phoneE164: "+919123456789" },
      ]);
      expect(await ids({ status: "inactive" })).toEqual([off.id]);
      expect(await ids({ status: "active", scope: "global" })).toEqual([one.id]);
      expect((await listDnc(ctx, { q: "no such number" })).total).toBe(0);
      expect((await listDnc(ctx, { q: "50%_" })).total).toBe(0);
    } finally {
      await deleteTestOrg(org);
    }
  });

  it("pages on the server", async () => {
    const org = await createTestOrg("dnc-pages");
    try {
      const numbers = Array.from({ length: 30 }, (_, i) => ({ row: i + 2, value: `91234${String(i).padStart(5, "0")}` }));
      await importDncFile(ctxOf(org), { campaignId: null, numbers });
      const first = await listDnc(ctxOf(org), { page: 1 });
      const second = await listDnc(ctxOf(org), { page: 2 });
      expect([first.total, first.rows.length, second.rows.length]).toEqual([30, 25, 5]);
      expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(30);
    } finally {
      await deleteTestOrg(org);
    }
  });
});

describe("a file of numbers", () => {
  it("finds each row's problem, then adds every valid row in one go and reports the counts", async () => {
    const org = await createTestOrg("dnc-file");
    const user = await db.user.create({
      data: {
        email: `file-${org.suffix}@test.local`,
        name: "Meera",
        organizationId: org.id,
        membership: { create: { organizationId: org.id, role: "admin" } },
      },
    });
    try {
      const ctx = ctxOf(org, "admin", user.id);
      await addDncEntry(ctx, { number: "9000000001", campaignId: null });
      const removed = await addDncEntry(ctx, { number: "9000000002", campaignId: null });
      await setDncEntryActive(ctx, removed.id, false);
      const input = {
        campaignId: null,
        reason: "Complaints file",
        numbers: [
          { row: 2, value: "9000000010" },
          { row: 3, value: "not a number" },
          { row: 4, value: "+91 90000 00010" },
          { row: 5, value: "9000000001" },
          { row: 6, value: "9000000002" },
          { row: 7, value: "" },
          { row: 8, value: "9000000011" },
        ],
      };
      const check = await checkDncFile(ctx, input);
      expect(check.counts).toEqual({ rows: 7, toAdd: 2, toReactivate: 1, invalid: 2, duplicateInFile: 1, alreadyListed: 1 });
      expect(check.problems).toEqual([
        { row: 3, value: "not a number", code: "invalid", message: expect.stringMatching(/^Not a phone number: /) },
        { row: 4, value: "+91 90000 00010", code: "duplicate_in_file", message: "Same number as row 2 (+919000000010)" },
        { row: 5, value: "9000000001", code: "already_listed", message: "Already on the list (+919000000001)" },
        { row: 7, value: "", code: "invalid", message: "No number in this row" },
      ]);
      expect(await db.dncEntry.count({ where: { organizationId: org.id } })).toBe(2);

      const done = await importDncFile(ctx, input);
      expect(done).toEqual({ rows: 7, added: 2, reactivated: 1, invalid: 2, duplicateInFile: 1, alreadyListed: 1 });
      const entries = await db.dncEntry.findMany({
        where: { organizationId: org.id },
        orderBy: { phoneE164: "asc" },
        select: { phoneE164: true, status: true },
      });
      expect(entries.map((e) => `${e.phoneE164} ${e.status}`)).toEqual([
        "+919000000001 active",
        "+919000000002 active",
        "+919000000010 active",
        "+919000000011 active",
      ]);
      const fileEvents = (await events(org.id)).slice(3);
      expect(fileEvents.map((e) => `${e.action} ${e.phoneE164} ${e.actor}`).sort()).toEqual([
        "added +919000000010 Meera",
        "added +919000000011 Meera",
        "reactivated +919000000002 Meera",
      ]);
      expect(fileEvents.filter((e) => e.action === "added").every((e) => e.reason === "Complaints file")).toBe(true);
      // The same file again adds nothing.
      expect(await importDncFile(ctx, input)).toMatchObject({ added: 0, reactivated: 0, alreadyListed: 4 });
    } finally {
      await deleteTestOrg(org);
    }
  });

  it("reads the numbers of a campaign's list in the campaign's country; a viewer cannot import", async () => {
    const campaign = await db.campaign.update({ where: { id: (await createTestCampaign(a.id, "emi")).id }, data: { phoneCountry: "US" } });
    const input = { campaignId: campaign.id, numbers: [{ row: 1, value: "(415) 555-0134" }] };
    await expect(importDncFile(ctxOf(a, "viewer"), input)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(checkDncFile(ctxOf(a, "viewer"), input)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(importDncFile(ctxOf(b), input)).rejects.toMatchObject({ kind: "not_found" });
    expect(await importDncFile(ctxOf(a), input)).toMatchObject({ added: 1 });
    expect(await db.dncEntry.findFirst({ where: { scope: campaign.id }, select: { phoneE164: true } })).toEqual({
      phoneE164: "+14155550134",
    });
  });
});

describe("every door writes history", () => {
  it("Flexydial upload-dnc and remove-dnc, with the API key as who", async () => {
    const org = await createTestOrg("dnc-flexy");
    try {
      const campaign = await createTestCampaign(org.id, "emi");
      const post = (route: typeof uploadDncRoute, path: string, body: unknown) =>
        call(route, { path, apiKey: org.apiKey, scheme: "Token", body });
      expect(
        (
          await post(uploadDncRoute, "/api/upload-dnc/", [
            { numeric: "6300868437", campaign: "", global_dnc: "true" },
            { numeric: "6300868438", campaign: campaign.name, global_dnc: "false" },
          ])
        ).status,
      ).toBe(200);
      expect(
        (await post(uploadDncRoute, "/api/upload-dnc/", [{ numeric: "6300868437", campaign: "", global_dnc: "true", status: "inactive" }]))
          .status,
      ).toBe(200);
      expect((await post(removeDncRoute, "/api/remove-dnc/", [{ numeric: "6300868438" }])).status).toBe(200);
      // A refused request (a number not on the list) records nothing.
      expect((await post(removeDncRoute, "/api/remove-dnc/", [{ numeric: "6300868499" }])).status).toBe(400);
      const rows = await events(org.id);
      expect(rows.map((e) => [e.action, e.phoneE164, e.campaignName, e.source, e.actor])).toEqual([
        ["added", "+916300868437", null, "flexydial_api", "API key “test”"],
        ["added", "+916300868438", campaign.name, "flexydial_api", "API key “test”"],
        ["deactivated", "+916300868437", null, "flexydial_api", "API key “test”"],
        ["deleted", "+916300868438", campaign.name, "flexydial_api", "API key “test”"],
      ]);
      // The deleted entry's history is still there and searchable.
      expect((await dncHistory(ctxOf(org), { q: "63008 68438" })).rows.map((r) => r.action)).toEqual(["deleted", "added"]);
    } finally {
      await deleteTestOrg(org);
    }
  });

  it("a contact's Add to DNC records an addition, and a re-activation, but not a no-op", async () => {
    const org = await createTestOrg("dnc-block");
    try {
      const campaign = await createTestCampaign(org.id, "emi");
      const input = { phoneE164: "+919811100001", phoneRaw: "9811100001", campaignId: campaign.id, scope: "campaign" as const };
      expect(await blockNumber(ctxOf(org), input)).toEqual({ scope: "campaign", created: true });
      expect(await blockNumber(ctxOf(org), input)).toEqual({ scope: "campaign", created: false });
      const entry = await db.dncEntry.findFirstOrThrow({ where: { organizationId: org.id } });
      await setDncEntryActive(ctxOf(org), entry.id, false);
      await blockNumber(ctxOf(org), input);
      expect((await events(org.id)).map((e) => e.action)).toEqual(["added", "deactivated", "reactivated"]);
    } finally {
      await deleteTestOrg(org);
    }
  });
});
