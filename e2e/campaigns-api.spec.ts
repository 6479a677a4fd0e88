import { expect, test } from "@playwright/test";
import { seedData } from "./seed-data";

// The campaigns contract over real HTTP, against the running app.
test.describe("campaigns API (TimePay)", () => {
  const body = (name: string) => ({
    name,
    description: "created by the e2e suite",
    campaignType: "edi",
    startDate: "2026-12-01",
    startTime: "10:00",
    endDate: "2026-12-31",
    endTime: "18:00",
    languages: ["tamil"],
    region: "south",
  });

  test("create, list, get, update, pause and delete over HTTP", async ({ request }) => {
    const { demo } = seedData();
    const auth = { Authorization: `Bearer ${demo.apiKey}` };
    const name = `E2E ${Date.now()}`;

    const created = await request.post("/api/v1/campaigns/create", { headers: auth, data: body(name) });
    expect(created.status()).toBe(201);
    const { data } = await created.json();
    expect(data).toEqual({ id: expect.stringMatching(/^camp_/), name });

    const list = await request.get(`/api/v1/campaigns?search=${encodeURIComponent(name)}`, { headers: auth });
    expect(list.status()).toBe(200);
    expect((await list.json()).data.map((c: { id: string }) => c.id)).toEqual([data.id]);

    const got = await request.get(`/api/v1/campaigns/${data.id}`, { headers: auth });
    expect((await got.json()).data).toMatchObject({ id: data.id, collection_type: "edi", languages: ["tamil"] });

    const updated = await request.put(`/api/v1/campaigns/update/${data.id}`, { headers: auth, data: { region: "east" } });
    expect(await updated.json()).toEqual({ success: true, message: "Campaign updated successfully", updatedFields: ["region"] });

    const paused = await request.patch(`/api/v1/campaigns/pause/${data.id}`, { headers: auth });
    expect((await paused.json()).data.status).toBe("paused");

    const deleted = await request.delete(`/api/v1/campaigns/${data.id}`, { headers: auth });
    expect(await deleted.json()).toEqual({ success: true, data: { id: data.id }, message: "Campaign deleted successfully" });
  });

  test("401, 400, 415 and another organization's campaign over HTTP", async ({ request }) => {
    const { demo, other } = seedData();
    const noAuth = await request.get("/api/v1/campaigns");
    expect(noAuth.status()).toBe(401);
    expect(await noAuth.json()).toEqual({ success: false, error: "Unauthorized", message: "Missing or invalid authorization header" });

    const auth = { Authorization: `Bearer ${demo.apiKey}` };
    const invalid = await request.post("/api/v1/campaigns/create", { headers: auth, data: { ...body("x"), startDate: "tomorrow" } });
    expect(invalid.status()).toBe(400);
    expect(await invalid.json()).toEqual({
      success: false,
      message: "Validation failed",
      errors: ["startDate must be a date in YYYY-MM-DD format"],
    });

    const form = await request.post("/api/v1/campaigns/create", { headers: { ...auth, "Content-Type": "text/plain" }, data: "hello" });
    expect(form.status()).toBe(415);

    const theirs = await request.get(`/api/v1/campaigns/${other.campaigns[0].id}`, { headers: auth });
    expect(theirs.status()).toBe(404);
    expect(await theirs.json()).toEqual({ success: false, message: "Campaign not found" });
  });

  test("Flexydial generate-token issues a Token key that authenticates", async ({ request }) => {
    const { demo } = seedData();
    const res = await request.post("/api/generate-token/", { data: { username: demo.admin.email, password: demo.admin.password } });
    expect(res.status()).toBe(200);
    const { token } = await res.json();
    expect(token).toMatch(/^dsk_/);
    const list = await request.get("/api/v1/campaigns", { headers: { Authorization: `Token ${token}` } });
    expect(list.status()).toBe(200);

    const bad = await request.post("/api/generate-token/", { data: { username: demo.admin.email, password: "wrong" } });
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toEqual({ non_field_errors: ["Unable to log in with provided credentials."] });
  });
});
