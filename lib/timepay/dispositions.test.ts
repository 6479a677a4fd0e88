import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as list, POST as create } from "@/app/api/v1/dispositions/route";
import { DELETE as remove, GET as getOne, PUT as update } from "@/app/api/v1/dispositions/[id]/route";
import { POST as createGroup } from "@/app/api/v1/dispositions/groups/create/route";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { db } from "@/lib/db/client";

// §2.5 dispositions: every status code, envelope and message, and another organization's ids.

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("disp-a");
  b = await createTestOrg("disp-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const UNAUTHORIZED = { success: false, error: "Unauthorized", message: "Missing or invalid authorization header" };
const NOT_FOUND = { success: false, message: "Disposition not found" };

describe("POST /api/v1/dispositions", () => {
  it("201 with the created disposition; priority defaults to 500 and description to empty", async () => {
    const res = await call(create, { apiKey: a.apiKey, body: { name: "No Answer" } });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      success: true,
      message: "Disposition created successfully",
      data: { id: expect.any(String), name: "No Answer", description: "", priority: 500, createdAt: ISO, updatedAt: ISO },
    });
    const stored = await db.disposition.findUniqueOrThrow({ where: { id: res.json.data.id } });
    expect(stored).toMatchObject({ organizationId: a.id, name: "No Answer", priority: 500 });
  });

  it("keeps description and priority 0 (the highest)", async () => {
    const res = await call(create, {
      apiKey: a.apiKey,
      body: { name: "Pay in Coming Days/Weeks", description: "Will pay soon", priority: 0 },
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ name: "Pay in Coming Days/Weeks", description: "Will pay soon", priority: 0 });
  });

  it("400 names every problem: the documented priority message, lengths, types", async () => {
    const res = await call(create, { apiKey: a.apiKey, body: { description: "x".repeat(1001), priority: 1001 } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      success: false,
      message: "Validation failed",
      errors: ["name is required", "description must be at most 1000 characters", "priority must be between 0 and 1000"],
    });
    const more = await call(create, { apiKey: a.apiKey, body: { name: "n".repeat(101), priority: 2.5 } });
    expect(more.json.errors).toEqual(["name must be at most 100 characters", "priority must be an integer between 0 and 1000"]);
    const negative = await call(create, { apiKey: a.apiKey, body: { name: "Neg", priority: -1 } });
    expect(negative.json.errors).toEqual(["priority must be between 0 and 1000"]);
    const notObject = await call(create, { apiKey: a.apiKey, body: [1] });
    expect(notObject.json).toEqual({ success: false, message: "Validation failed", errors: ["Request body must be a JSON object"] });
    expect(await db.disposition.count({ where: { organizationId: a.id, name: "Neg" } })).toBe(0);
  });

  it("409 for a name the organization already has; another organization may use it", async () => {
    const res = await call(create, { apiKey: a.apiKey, body: { name: "No Answer" } });
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ success: false, error: "Conflict", message: "A disposition with this name already exists" });
    expect((await call(create, { apiKey: b.apiKey, body: { name: "No Answer" } })).status).toBe(201);
  });

  it("401 without a credential", async () => {
    const res = await call(create, { body: { name: "X" } });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(UNAUTHORIZED);
  });
});

describe("GET /api/v1/dispositions", () => {
  it("lists only the organization's dispositions, highest priority first, 20 per page", async () => {
    const res = await call(list, { apiKey: a.apiKey });
    expect(res.status).toBe(200);
    expect(res.json.success).toBe(true);
    expect(res.json.data.map((d: { name: string }) => d.name)).toEqual(["Pay in Coming Days/Weeks", "No Answer", "Promise to Pay"]);
    expect(res.json.data[0]).toEqual({
      id: expect.any(String),
      name: "Pay in Coming Days/Weeks",
      description: "Will pay soon",
      priority: 0,
      createdAt: ISO,
      updatedAt: ISO,
    });
    expect(res.json.pagination).toEqual({ page: 1, limit: 20, total: 3, totalPages: 1 });
  });

  it("pages and searches name and description", async () => {
    const c = await createTestOrg("disp-c");
    try {
      await db.disposition.createMany({
        data: Array.from({ length: 21 }, (_, i) => ({ organizationId: c.id, name: `D${String(i).padStart(2, "0")}`, priority: 600 })),
      });
      const page2 = await call(list, { apiKey: c.apiKey, query: { page: "2" } });
      expect(page2.json.data).toHaveLength(2);
      expect(page2.json.pagination).toEqual({ page: 2, limit: 20, total: 22, totalPages: 2 });
      const byName = await call(list, { apiKey: a.apiKey, query: { search: "answer" } });
      expect(byName.json.data.map((d: { name: string }) => d.name)).toEqual(["No Answer"]);
      const byDescription = await call(list, { apiKey: a.apiKey, query: { search: "pay soon" } });
      expect(byDescription.json.data.map((d: { name: string }) => d.name)).toEqual(["Pay in Coming Days/Weeks"]);
    } finally {
      await deleteTestOrg(c);
    }
  });

  it("400 for a page that is not a positive integer", async () => {
    const res = await call(list, { apiKey: a.apiKey, query: { page: "0" } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ success: false, message: "Validation failed", errors: ["page must be a positive integer"] });
  });
});

describe("GET /api/v1/dispositions/{id}", () => {
  it("200 with the disposition; 404 for an unknown id and for another organization's", async () => {
    const res = await call(getOne, { apiKey: a.apiKey, params: { id: a.disposition.id } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      success: true,
      data: { id: a.disposition.id, name: "Promise to Pay", description: "", priority: 500, createdAt: ISO, updatedAt: ISO },
    });
    for (const id of ["nope", b.disposition.id]) {
      const missing = await call(getOne, { apiKey: a.apiKey, params: { id } });
      expect(missing.status).toBe(404);
      expect(missing.json).toEqual(NOT_FOUND);
    }
  });
});

describe("PUT /api/v1/dispositions/{id}", () => {
  it("updates only the fields given and lists them", async () => {
    const created = await call(create, { apiKey: a.apiKey, body: { name: "Busy", description: "Line busy", priority: 110 } });
    const id = created.json.data.id;
    const res = await call(update, { method: "PUT", apiKey: a.apiKey, params: { id }, body: { name: "Busy Line", priority: 120 } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true, message: "Disposition updated successfully", updatedFields: ["name", "priority"] });
    expect(await db.disposition.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Busy Line",
      description: "Line busy",
      priority: 120,
    });
  });

  it("400 'No valid fields provided for update' for an empty body or unknown fields only", async () => {
    for (const body of [{}, { colour: "red" }]) {
      const res = await call(update, { method: "PUT", apiKey: a.apiKey, params: { id: a.disposition.id }, body });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        success: false,
        message: "No valid fields provided for update",
        errors: ["No valid fields provided for update"],
      });
    }
  });

  it("400 for an out-of-range priority, 409 for a taken name, nothing changed", async () => {
    const bad = await call(update, { method: "PUT", apiKey: a.apiKey, params: { id: a.disposition.id }, body: { priority: 5000 } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual(["priority must be between 0 and 1000"]);
    const taken = await call(update, { method: "PUT", apiKey: a.apiKey, params: { id: a.disposition.id }, body: { name: "No Answer" } });
    expect(taken.status).toBe(409);
    expect(taken.json).toEqual({ success: false, error: "Conflict", message: "A disposition with this name already exists" });
    expect(await db.disposition.findUniqueOrThrow({ where: { id: a.disposition.id } })).toMatchObject({
      name: "Promise to Pay",
      priority: 500,
    });
  });

  it("404 for another organization's disposition, which stays unchanged", async () => {
    const res = await call(update, { method: "PUT", apiKey: a.apiKey, params: { id: b.disposition.id }, body: { name: "Hijacked" } });
    expect(res.status).toBe(404);
    expect(res.json).toEqual(NOT_FOUND);
    expect((await db.disposition.findUniqueOrThrow({ where: { id: b.disposition.id } })).name).toBe("Promise to Pay");
  });
});

describe("DELETE /api/v1/dispositions/{id}", () => {
  it("200 and gone", async () => {
    const created = await call(create, { apiKey: a.apiKey, body: { name: "Temporary" } });
    const res = await call(remove, { method: "DELETE", apiKey: a.apiKey, params: { id: created.json.data.id } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true, message: "Disposition deleted successfully" });
    expect(await db.disposition.findUnique({ where: { id: created.json.data.id } })).toBeNull();
  });

  it("400 naming every group that uses it, and keeps it", async () => {
    const d = await call(create, { apiKey: a.apiKey, body: { name: "Callback requested" } });
    const id = d.json.data.id;
    await call(createGroup, { apiKey: a.apiKey, body: { name: "Follow Up", dispositions: [id] } });
    await call(createGroup, { apiKey: a.apiKey, body: { name: "Call Back", dispositions: [id] } });
    const res = await call(remove, { method: "DELETE", apiKey: a.apiKey, params: { id } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ success: false, message: "Cannot delete: Disposition is used in group(s): Call Back, Follow Up" });
    expect(await db.disposition.findUnique({ where: { id } })).not.toBeNull();
  });

  it("404 for another organization's disposition, which is not deleted", async () => {
    const res = await call(remove, { method: "DELETE", apiKey: a.apiKey, params: { id: b.disposition.id } });
    expect(res.status).toBe(404);
    expect(res.json).toEqual(NOT_FOUND);
    expect(await db.disposition.findUnique({ where: { id: b.disposition.id } })).not.toBeNull();
  });
});
