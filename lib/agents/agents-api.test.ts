import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createApiKey } from "@/lib/auth/api-keys";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { POST } from "@/app/api/agents/route";
import { PATCH } from "@/app/api/agents/[id]/route";

// POST /api/agents and PATCH /api/agents/{id}: field errors, a taken username, another
// organization's agent (404, unchanged), a viewer key (403, nothing written), deactivation.

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("agents-a");
  b = await createTestOrg("agents-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

describe("agents routes", () => {
  it("creates an AI agent with voice and language, refuses bad fields and a taken username", async () => {
    const created = await call(POST, {
      method: "POST",
      apiKey: a.apiKey,
      body: { name: "Priya", kind: "ai", username: `priya-${a.suffix}`, voice: "aditi", language: "hindi" },
    });
    expect(created.status).toBe(201);
    expect(created.json.agent).toMatchObject({
      name: "Priya",
      kind: "ai",
      voice: "aditi",
      language: "hindi",
      active: true,
      organizationId: a.id,
    });

    const bad = await call(POST, { method: "POST", apiKey: a.apiKey, body: { name: "", kind: "robot", username: "has space" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.errors).toEqual([
      "name: must not be empty",
      "kind: must be ai or human",
      "username: may hold letters, digits and . _ @ - only",
    ]);

    const taken = await call(POST, {
      method: "POST",
      apiKey: a.apiKey,
      body: { name: "Again", kind: "human", username: `priya-${a.suffix}` },
    });
    expect(taken.status).toBe(409);
    expect(taken.json.error.message).toBe("An agent with this username already exists");
    expect(await db.agent.count({ where: { organizationId: a.id, username: `priya-${a.suffix}` } })).toBe(1);
  });

  it("keeps an AI agent's variables (once each, in order) and names a key that is not a field key", async () => {
    const created = await call(POST, {
      method: "POST",
      apiKey: a.apiKey,
      body: { name: "Asha", kind: "ai", username: `asha-${a.suffix}`, variables: ["first_name", " emi_due_date ", "first_name"] },
    });
    expect(created.status).toBe(201);
    expect(created.json.agent.variables).toEqual(["first_name", "emi_due_date"]);

    const changed = await call(PATCH, {
      method: "PATCH",
      apiKey: a.apiKey,
      params: { id: created.json.agent.id },
      body: { variables: ["customer_info:due_amount"] },
    });
    expect(changed.status).toBe(200);
    expect((await db.agent.findUniqueOrThrow({ where: { id: created.json.agent.id } })).variables).toEqual(["customer_info:due_amount"]);

    const bad = await call(PATCH, {
      method: "PATCH",
      apiKey: a.apiKey,
      params: { id: created.json.agent.id },
      body: { variables: ["due amount"] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.errors).toEqual(["variables.0: must be field keys: letters, digits and _ (a CRM key as section:field)"]);
  });

  it("deactivates its own agent; another organization's is not found and unchanged", async () => {
    const off = await call(PATCH, { method: "PATCH", apiKey: a.apiKey, params: { id: a.agent.id }, body: { active: false } });
    expect(off.status).toBe(200);
    expect((await db.agent.findUniqueOrThrow({ where: { id: a.agent.id } })).active).toBe(false);

    const foreign = await call(PATCH, { method: "PATCH", apiKey: a.apiKey, params: { id: b.agent.id }, body: { name: "Hijacked" } });
    expect(foreign.status).toBe(404);
    expect((await db.agent.findUniqueOrThrow({ where: { id: b.agent.id } })).name).toBe("Test agent");
  });

  it("a viewer key writes nothing", async () => {
    const viewer = await createApiKey({ organizationId: a.id, name: "viewer", role: "viewer" });
    const refused = await call(POST, {
      method: "POST",
      apiKey: viewer.secret,
      body: { name: "Sneaky", kind: "ai", username: `sneaky-${a.suffix}` },
    });
    expect(refused.status).toBe(403);
    expect(await db.agent.count({ where: { username: `sneaky-${a.suffix}` } })).toBe(0);
  });
});
