import { expect, test } from "@playwright/test";
import { seedData } from "./seed-data";

// TimePay §2.5 and §2.6 over real HTTP against the running app (seeded demo calls included).
test.describe("dispositions, logs and call details (TimePay)", () => {
  test("a disposition and a group: create, expand, refuse to delete while grouped, clean up", async ({ request }) => {
    const { demo, other } = seedData();
    const auth = { Authorization: `Bearer ${demo.apiKey}` };
    const name = `E2E disposition ${Date.now()}`;

    const created = await request.post("/api/v1/dispositions", { headers: auth, data: { name, priority: 42 } });
    expect(created.status()).toBe(201);
    const disposition = (await created.json()).data;
    expect(disposition).toMatchObject({ name, description: "", priority: 42 });
    expect((await request.post("/api/v1/dispositions", { headers: auth, data: { name } })).status()).toBe(409);

    const group = await request.post("/api/v1/dispositions/groups/create", {
      headers: auth,
      data: { name: `${name} group`, dispositions: [disposition.id, disposition.id] },
    });
    expect(group.status()).toBe(201);
    const groupId = (await group.json()).data.id;
    const expanded = await request.get(`/api/v1/dispositions/groups/${groupId}?expand=true`, { headers: auth });
    expect((await expanded.json()).data).toMatchObject({
      dispositions: [disposition.id],
      dispositionDetails: [{ id: disposition.id, name, description: "", priority: 42 }],
    });

    const refused = await request.delete(`/api/v1/dispositions/${disposition.id}`, { headers: auth });
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toEqual({ success: false, message: `Cannot delete: Disposition is used in group(s): ${name} group` });

    const foreign = await request.get(`/api/v1/dispositions/${disposition.id}`, { headers: { Authorization: `Bearer ${other.apiKey}` } });
    expect(foreign.status()).toBe(404);

    const removed = await request.delete(`/api/v1/dispositions/groups/${groupId}/dispositions`, {
      headers: auth,
      data: { dispositions: [disposition.id] },
    });
    expect(await removed.json()).toEqual({ success: true, message: "Dispositions removed from group successfully" });
    expect((await request.delete(`/api/v1/dispositions/groups/${groupId}`, { headers: auth })).status()).toBe(200);
    const deleted = await request.delete(`/api/v1/dispositions/${disposition.id}`, { headers: auth });
    expect(await deleted.json()).toEqual({ success: true, message: "Disposition deleted successfully" });
  });

  test("the seeded calls are in the log, 10 per page, and each has its details", async ({ request }) => {
    const { demo, other } = seedData();
    const auth = { Authorization: `Bearer ${demo.apiKey}` };
    const res = await request.get("/api/v1/logs", { headers: auth });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.length).toBeLessThanOrEqual(10);
    expect(body.pagination).toMatchObject({ page: 1, per_page: 10, has_prev: false });
    expect(body.pagination.total_pages).toBe(Math.ceil(body.pagination.total / 10));

    const first = body.data[0];
    const documented = [
      "agent_id",
      "call_id",
      "campaign_id",
      "campaign_name",
      "date",
      "direction",
      "disposition",
      "disposition_id",
      "duration",
      "end_time",
      "extracted_data",
      "from",
      "name",
      "recording_id",
      "start_time",
      "status",
      "summary",
      "to",
      "transcript_id",
      "type",
    ];
    expect(Object.keys(first).sort()).toEqual([...documented, "loan_id" in first ? "loan_id" : "lead_id"].sort());
    expect(first).toMatchObject({ direction: "outbound", type: "call" });
    const count = await request.get(`/api/v1/logs?count_only=true&status=${encodeURIComponent(first.status)}`, { headers: auth });
    expect((await count.json()).count).toBeGreaterThan(0);

    const detail = await request.get(`/api/v1/communication/call/${first.call_id}`, { headers: auth });
    expect(detail.status()).toBe(200);
    expect((await detail.json()).data).toMatchObject({
      call_id: first.call_id,
      status: first.status,
      disposition: first.disposition,
      campaign_id: first.campaign_id,
    });

    const foreign = await request.get(`/api/v1/communication/call/${first.call_id}`, {
      headers: { Authorization: `Bearer ${other.apiKey}` },
    });
    expect(foreign.status()).toBe(404);
    expect(await foreign.json()).toEqual({ success: false, message: "Call not found" });

    const bad = await request.get("/api/v1/logs?page=x&limit=5", { headers: auth });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).errors).toEqual(["page must be a positive integer", "Unknown parameter(s): limit"]);
  });
});
