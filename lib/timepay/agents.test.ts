import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as list } from "@/app/api/v1/agents/route";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { db } from "@/lib/db/client";

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("agents-a");
  b = await createTestOrg("agents-b");
  for (let i = 0; i < 11; i++) {
    await db.agent.create({
      data: {
        organizationId: a.id,
        name: `Dialer ${i}`,
        username: `dialer${i}-${a.suffix}`,
        kind: "human",
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      },
    });
  }
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

describe("GET /api/v1/agents", () => {
  it("lists the organization's agents, 10 per page by default, with TimePay's pagination", async () => {
    await db.agent.update({ where: { id: a.agent.id }, data: { variables: ["first_name", "emi_due_date"] } });
    const res = await call(list, { apiKey: a.apiKey });
    expect(res.status).toBe(200);
    expect(res.json.success).toBe(true);
    expect(res.json.pagination).toEqual({ page: 1, limit: 10, total: 12, totalPages: 2 });
    expect(res.json.data[0]).toEqual({
      id: a.agent.id,
      name: "Test agent",
      type: "ai",
      username: a.agent.username,
      active: true,
      variables: ["first_name", "emi_due_date"],
      createdAt: a.agent.createdAt.toISOString(),
    });
    const page2 = await call(list, { apiKey: a.apiKey, query: { page: "2" } });
    expect(page2.json.data.map((x: { name: string }) => x.name)).toEqual(["Dialer 1", "Dialer 0"]);
    expect(page2.json.data.some((x: { id: string }) => x.id === b.agent.id)).toBe(false);
  });

  it("filters by type and search, and takes a limit up to 100", async () => {
    const ai = await call(list, { apiKey: a.apiKey, query: { type: "ai" } });
    expect(ai.json.data.map((x: { id: string }) => x.id)).toEqual([a.agent.id]);
    const search = await call(list, { apiKey: a.apiKey, query: { search: "dialer 1", limit: "100" } });
    expect(search.json.data.map((x: { name: string }) => x.name)).toEqual(["Dialer 10", "Dialer 1"]);
    expect(search.json.pagination).toEqual({ page: 1, limit: 100, total: 2, totalPages: 1 });
  });

  it("shows and filters on whether an agent takes calls", async () => {
    await db.agent.updateMany({ where: { organizationId: a.id, name: "Dialer 3" }, data: { active: false } });
    const inactive = await call(list, { apiKey: a.apiKey, query: { active: "false" } });
    expect(inactive.json.data).toEqual([expect.objectContaining({ name: "Dialer 3", active: false })]);
    expect((await call(list, { apiKey: a.apiKey, query: { active: "true" } })).json.pagination.total).toBe(11);
  });

  it("400 naming each bad parameter; 401 without a credential", async () => {
    const res = await call(list, { apiKey: a.apiKey, query: { page: "x", limit: "500", type: "robot", active: "yes" } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      success: false,
      message: "Validation failed",
      errors: [
        "page must be a positive integer",
        "limit must be an integer between 1 and 100",
        "type must be one of ai, human",
        "active must be true or false",
      ],
    });
    expect((await call(list, {})).status).toBe(401);
  });
});
