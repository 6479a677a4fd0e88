import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createGroup } from "@/app/api/v1/dispositions/groups/create/route";
import { GET as listGroups } from "@/app/api/v1/dispositions/groups/list/route";
import { DELETE as deleteGroup, GET as getGroup, PUT as updateGroup } from "@/app/api/v1/dispositions/groups/[id]/route";
import { DELETE as removeMembers, POST as addMembers } from "@/app/api/v1/dispositions/groups/[id]/dispositions/route";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { db } from "@/lib/db/client";

// §2.5 disposition groups: create, list, get, update (replaces the list), delete, add, remove, expand.

let a: TestOrg;
let b: TestOrg;
let noAnswer: { id: string };
let busy: { id: string };
let voicemail: { id: string };
beforeAll(async () => {
  a = await createTestOrg("grp-a");
  b = await createTestOrg("grp-b");
  noAnswer = await db.disposition.create({
    data: { organizationId: a.id, name: "No Answer", description: "Customer did not pick up", priority: 100 },
  });
  busy = await db.disposition.create({ data: { organizationId: a.id, name: "Busy", description: "Line was busy", priority: 110 } });
  voicemail = await db.disposition.create({ data: { organizationId: a.id, name: "Voicemail", priority: 120 } });
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const GROUP_NOT_FOUND = { success: false, message: "Disposition group not found" };
const members = async (groupId: string) =>
  (await db.dispositionGroupMember.findMany({ where: { groupId }, orderBy: { position: "asc" } })).map((m) => m.dispositionId);

describe("POST /api/v1/dispositions/groups/create", () => {
  it("201 with the group; repeated ids are removed, order kept", async () => {
    const res = await call(createGroup, {
      apiKey: a.apiKey,
      body: {
        name: "Call Back",
        description: "Call customer again if given dispositions are found",
        dispositions: [busy.id, noAnswer.id, busy.id],
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      success: true,
      message: "Disposition group created successfully",
      data: {
        id: expect.any(String),
        name: "Call Back",
        description: "Call customer again if given dispositions are found",
        dispositions: [busy.id, noAnswer.id],
        createdAt: ISO,
        updatedAt: ISO,
      },
    });
    expect(await members(res.json.data.id)).toEqual([busy.id, noAnswer.id]);
  });

  it("creates an empty group when dispositions is omitted", async () => {
    const res = await call(createGroup, { apiKey: a.apiKey, body: { name: "Empty" } });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ name: "Empty", description: "", dispositions: [] });
  });

  it("400 'Invalid disposition IDs' listing unknown ids and another organization's; nothing created", async () => {
    const res = await call(createGroup, {
      apiKey: a.apiKey,
      body: { name: "Bad ids", dispositions: [noAnswer.id, "missing-id", b.disposition.id] },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ success: false, message: "Invalid disposition IDs", invalidIds: ["missing-id", b.disposition.id] });
    expect(await db.dispositionGroup.count({ where: { organizationId: a.id, name: "Bad ids" } })).toBe(0);
  });

  it("400 names each problem: missing name, over 100 ids, wrong types", async () => {
    const res = await call(createGroup, {
      apiKey: a.apiKey,
      body: { description: 5, dispositions: Array.from({ length: 101 }, (_, i) => `d${i}`) },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      success: false,
      message: "Validation failed",
      errors: ["name is required", "description must be a string", "dispositions must have at most 100 items"],
    });
    const typed = await call(createGroup, { apiKey: a.apiKey, body: { name: "T", dispositions: "x" } });
    expect(typed.json.errors).toEqual(["dispositions must be an array of disposition ids"]);
  });

  it("409 for a group name the organization already has", async () => {
    const res = await call(createGroup, { apiKey: a.apiKey, body: { name: "Call Back" } });
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ success: false, error: "Conflict", message: "A group with this name already exists" });
    expect((await call(createGroup, { apiKey: b.apiKey, body: { name: "Call Back" } })).status).toBe(201);
  });
});

describe("GET /api/v1/dispositions/groups/list and /groups/{id}", () => {
  it("lists the organization's groups, 50 per page, without details unless expand=true", async () => {
    const plain = await call(listGroups, { apiKey: a.apiKey });
    expect(plain.status).toBe(200);
    expect(plain.json.data.map((g: { name: string }) => g.name)).toEqual(["Call Back", "Empty"]);
    expect(plain.json.data[0]).not.toHaveProperty("dispositionDetails");
    expect(plain.json.pagination).toEqual({ page: 1, limit: 50, total: 2, totalPages: 1 });

    const expanded = await call(listGroups, { apiKey: a.apiKey, query: { expand: "true", search: "call" } });
    expect(expanded.json.data).toEqual([
      {
        id: expect.any(String),
        name: "Call Back",
        description: "Call customer again if given dispositions are found",
        dispositions: [busy.id, noAnswer.id],
        dispositionDetails: [
          { id: busy.id, name: "Busy", description: "Line was busy", priority: 110 },
          { id: noAnswer.id, name: "No Answer", description: "Customer did not pick up", priority: 100 },
        ],
        createdAt: ISO,
        updatedAt: ISO,
      },
    ]);
  });

  it("400 for an expand that is not true or false", async () => {
    const res = await call(listGroups, { apiKey: a.apiKey, query: { expand: "yes" } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ success: false, message: "Validation failed", errors: ["expand must be true or false"] });
  });

  it("gets one group, expanded on request; 404 for another organization's", async () => {
    const group = await db.dispositionGroup.findFirstOrThrow({ where: { organizationId: a.id, name: "Call Back" } });
    const res = await call(getGroup, { apiKey: a.apiKey, params: { id: group.id }, query: { expand: "true" } });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      id: group.id,
      dispositions: [busy.id, noAnswer.id],
      dispositionDetails: [{ id: busy.id }, { id: noAnswer.id }],
    });
    const plain = await call(getGroup, { apiKey: a.apiKey, params: { id: group.id } });
    expect(plain.json.data).not.toHaveProperty("dispositionDetails");
    const other = await db.dispositionGroup.findFirstOrThrow({ where: { organizationId: b.id } });
    const foreign = await call(getGroup, { apiKey: a.apiKey, params: { id: other.id } });
    expect(foreign.status).toBe(404);
    expect(foreign.json).toEqual(GROUP_NOT_FOUND);
  });
});

describe("PUT /api/v1/dispositions/groups/{id}", () => {
  it("replaces the whole list and names the fields updated", async () => {
    const group = await db.dispositionGroup.findFirstOrThrow({ where: { organizationId: a.id, name: "Call Back" } });
    const res = await call(updateGroup, {
      method: "PUT",
      apiKey: a.apiKey,
      params: { id: group.id },
      body: { name: "Call Back Later", dispositions: [voicemail.id, voicemail.id] },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true, message: "Disposition group updated successfully", updatedFields: ["name", "dispositions"] });
    expect(await members(group.id)).toEqual([voicemail.id]);
    expect((await db.dispositionGroup.findUniqueOrThrow({ where: { id: group.id } })).name).toBe("Call Back Later");
  });

  it("400 invalid ids, 400 no fields, 409 taken name; nothing changed", async () => {
    const group = await db.dispositionGroup.findFirstOrThrow({ where: { organizationId: a.id, name: "Call Back Later" } });
    const bad = await call(updateGroup, {
      method: "PUT",
      apiKey: a.apiKey,
      params: { id: group.id },
      body: { dispositions: [b.disposition.id] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ success: false, message: "Invalid disposition IDs", invalidIds: [b.disposition.id] });
    const empty = await call(updateGroup, { method: "PUT", apiKey: a.apiKey, params: { id: group.id }, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.json).toEqual({
      success: false,
      message: "No valid fields provided for update",
      errors: ["No valid fields provided for update"],
    });
    const taken = await call(updateGroup, {
      method: "PUT",
      apiKey: a.apiKey,
      params: { id: group.id },
      body: { name: "Empty", dispositions: [] },
    });
    expect(taken.status).toBe(409);
    expect(taken.json).toEqual({ success: false, error: "Conflict", message: "A group with this name already exists" });
    expect(await members(group.id)).toEqual([voicemail.id]);
  });

  it("404 for another organization's group, unchanged", async () => {
    const other = await db.dispositionGroup.findFirstOrThrow({ where: { organizationId: b.id } });
    const res = await call(updateGroup, { method: "PUT", apiKey: a.apiKey, params: { id: other.id }, body: { name: "Mine now" } });
    expect(res.status).toBe(404);
    expect(res.json).toEqual(GROUP_NOT_FOUND);
    expect((await db.dispositionGroup.findUniqueOrThrow({ where: { id: other.id } })).name).toBe("Call Back");
  });
});

describe("POST|DELETE /api/v1/dispositions/groups/{id}/dispositions", () => {
  it("adds new ids after the existing ones, ignoring ids already there and repeats", async () => {
    const group = await db.dispositionGroup.findFirstOrThrow({ where: { organizationId: a.id, name: "Call Back Later" } });
    const res = await call(addMembers, {
      apiKey: a.apiKey,
      params: { id: group.id },
      body: { dispositions: [voicemail.id, noAnswer.id, noAnswer.id, busy.id] },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true, message: "Dispositions added to group successfully" });
    expect(await members(group.id)).toEqual([voicemail.id, noAnswer.id, busy.id]);
  });

  it("removes the ids given; the dispositions themselves stay", async () => {
    const group = await db.dispositionGroup.findFirstOrThrow({ where: { organizationId: a.id, name: "Call Back Later" } });
    const res = await call(removeMembers, {
      method: "DELETE",
      apiKey: a.apiKey,
      params: { id: group.id },
      body: { dispositions: [noAnswer.id, "not-in-group"] },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true, message: "Dispositions removed from group successfully" });
    expect(await members(group.id)).toEqual([voicemail.id, busy.id]);
    expect(await db.disposition.findUnique({ where: { id: noAnswer.id } })).not.toBeNull();
  });

  it("400 'dispositions must be a non-empty array' for an empty, missing or non-array list", async () => {
    const group = await db.dispositionGroup.findFirstOrThrow({ where: { organizationId: a.id, name: "Call Back Later" } });
    for (const body of [{ dispositions: [] }, {}, { dispositions: "x" }]) {
      for (const [handler, method] of [
        [addMembers, "POST"],
        [removeMembers, "DELETE"],
      ] as const) {
        const res = await call(handler, { method, apiKey: a.apiKey, params: { id: group.id }, body });
        expect(res.status).toBe(400);
        expect(res.json).toEqual({ success: false, message: "dispositions must be a non-empty array" });
      }
    }
  });

  it("400 'Invalid disposition IDs' when adding another organization's; 404 for another organization's group", async () => {
    const group = await db.dispositionGroup.findFirstOrThrow({ where: { organizationId: a.id, name: "Call Back Later" } });
    const res = await call(addMembers, { apiKey: a.apiKey, params: { id: group.id }, body: { dispositions: [b.disposition.id] } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ success: false, message: "Invalid disposition IDs", invalidIds: [b.disposition.id] });
    const other = await db.dispositionGroup.findFirstOrThrow({ where: { organizationId: b.id } });
    for (const [handler, method] of [
      [addMembers, "POST"],
      [removeMembers, "DELETE"],
    ] as const) {
      const foreign = await call(handler, {
        method,
        apiKey: a.apiKey,
        params: { id: other.id },
        body: { dispositions: [a.disposition.id] },
      });
      expect(foreign.status).toBe(404);
      expect(foreign.json).toEqual(GROUP_NOT_FOUND);
    }
    expect(await members(other.id)).toEqual([]);
  });
});

describe("DELETE /api/v1/dispositions/groups/{id}", () => {
  it("deletes the group but not its dispositions; 404 for another organization's", async () => {
    const other = await db.dispositionGroup.findFirstOrThrow({ where: { organizationId: b.id } });
    const foreign = await call(deleteGroup, { method: "DELETE", apiKey: a.apiKey, params: { id: other.id } });
    expect(foreign.status).toBe(404);
    expect(foreign.json).toEqual(GROUP_NOT_FOUND);
    expect(await db.dispositionGroup.findUnique({ where: { id: other.id } })).not.toBeNull();

    const group = await db.dispositionGroup.findFirstOrThrow({ where: { organizationId: a.id, name: "Call Back Later" } });
    const res = await call(deleteGroup, { method: "DELETE", apiKey: a.apiKey, params: { id: group.id } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true, message: "Disposition group deleted successfully" });
    expect(await db.dispositionGroup.findUnique({ where: { id: group.id } })).toBeNull();
    expect(await db.disposition.count({ where: { id: { in: [voicemail.id, busy.id] } } })).toBe(2);
  });
});
