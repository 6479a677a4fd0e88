import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { countCustomers, loan, operatorCookie } from "@/lib/test/records";

// Idempotency-Key on the bulk add (the route wrapper's, lib/api/idempotency.ts): replays write
// nothing, another body is 422, a key still running is 409, keys belong to one organization.

let a: TestOrg;
let b: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("idem-a");
  b = await createTestOrg("idem-b");
});
afterAll(async () => {
  await deleteTestOrg(a);
  await deleteTestOrg(b);
});

const add = (org: TestOrg, key: string, body: unknown, query?: Record<string, string>) =>
  call(bulkAdd, { apiKey: org.apiKey, body, query, headers: { "idempotency-key": key } });

const jobsOf = (campaignId: string) => db.uploadJob.count({ where: { campaignId } });

describe("Idempotency-Key on POST /api/v1/customers/add/bulk", () => {
  it("replays the stored response for the same key and body, five times, and writes nothing more", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const body = { campaignId: campaign.id, records: [loan(1), loan(2), { loan_id: "BAD" }] };
    const first = await add(a, "replay-1", body);
    expect(first.status).toBe(207);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    await db.customer.deleteMany({ where: { campaignId: campaign.id, identifier: "LN2" } }); // a replay must not re-insert it
    for (let i = 0; i < 5; i++) {
      const again = await add(a, "replay-1", body);
      expect(again.status).toBe(207);
      expect(again.text).toBe(first.text);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
    }
    expect(await countCustomers(campaign.id)).toBe(1);
    expect(await jobsOf(campaign.id)).toBe(1);
  });

  it("422 for the same key with another body, with no writes", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    expect((await add(a, "changed-body", { campaignId: campaign.id, records: [loan(1)] })).status).toBe(201);
    const other = await add(a, "changed-body", { campaignId: campaign.id, records: [loan(1, { phone_number: "9876500000" }), loan(2)] });
    expect(other.status).toBe(422);
    expect(other.json).toEqual({ success: false, error: "UnprocessableEntity", message: "Idempotency-Key was already used with a different request body" });
    const validateOnly = await add(a, "changed-body", { campaignId: campaign.id, records: [loan(1)] }, { validateOnly: "true" });
    expect(validateOnly.status).toBe(422);
    expect(await countCustomers(campaign.id)).toBe(1);
    expect(await jobsOf(campaign.id)).toBe(1);
  });

  it("409 while the first request with the key is still running, then the stored response", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const body = { campaignId: campaign.id, records: Array.from({ length: 5000 }, (_, i) => loan(i)) };
    const [x, y] = await Promise.all([add(a, "concurrent", body), add(a, "concurrent", body)]);
    const [done, busy] = x.status === 409 ? [y, x] : [x, y];
    expect([done.status, busy.status]).toEqual([201, 409]);
    expect(busy.json).toEqual({ success: false, error: "Conflict", message: "A request with this Idempotency-Key is still in progress" });
    const later = await add(a, "concurrent", body);
    expect(later.status).toBe(201);
    expect(later.text).toBe(done.text);
    expect(await countCustomers(campaign.id)).toBe(5000);
    expect(await jobsOf(campaign.id)).toBe(1);
  });

  it("409 for a key whose request has started and not finished (no response stored yet)", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const body = { campaignId: campaign.id, records: [loan(1)] };
    expect((await add(a, "in-flight", body)).status).toBe(201);
    // Put the key back in the state it has while its request runs (same fingerprint, no response, a live lease).
    await db.idempotencyKey.update({
      where: { organizationId_key: { organizationId: a.id, key: "in-flight" } },
      data: { state: "in_progress", responseStatus: null, leaseId: "running", leaseExpiresAt: new Date(Date.now() + 60_000) },
    });
    const res = await add(a, "in-flight", body);
    expect(res.status).toBe(409);
    expect(await countCustomers(campaign.id)).toBe(1);
  });

  it("keys are per organization: another organization's request under the same key runs on its own", async () => {
    const mine = await createTestCampaign(a.id, "emi");
    const theirs = await createTestCampaign(b.id, "emi");
    const first = await add(a, "shared-key", { campaignId: mine.id, records: [loan(1)] });
    const other = await add(b, "shared-key", { campaignId: theirs.id, records: [loan(1), loan(2)] });
    expect(first.status).toBe(201);
    expect(other.status).toBe(201);
    expect(other.json.message).toBe("Added 2 of 2 records");
    expect(await countCustomers(theirs.id)).toBe(2);
    // B never sees A's stored response, even with A's exact body (it is A's campaign: 403).
    const crossed = await add(b, "shared-key-2", { campaignId: mine.id, records: [loan(1)] });
    expect(crossed.status).toBe(403);
    expect((await add(a, "shared-key", { campaignId: mine.id, records: [loan(1)] })).text).toBe(first.text);
  });

  it("a request refused before it ran (400) does not pin its key: the corrected body runs", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const refused = await add(a, "fix-and-retry", { campaignId: campaign.id, records: [] });
    expect(refused.status).toBe(400);
    const missing = await add(a, "fix-and-retry-404", { campaignId: "camp_nothere", records: [loan(1)] });
    expect(missing.status).toBe(404);
    const fixed = await add(a, "fix-and-retry", { campaignId: campaign.id, records: [loan(1)] });
    expect(fixed.status).toBe(201);
    expect(await countCustomers(campaign.id)).toBe(1);
  });

  it("replays a validate-only answer and a signed-in operator's answer, job header included", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const check = await add(a, "dry-run", { campaignId: campaign.id, records: [loan(1)] }, { validateOnly: "true" });
    expect((await add(a, "dry-run", { campaignId: campaign.id, records: [loan(1)] }, { validateOnly: "true" })).text).toBe(check.text);

    // The upload wizard's own chunks replay the same way (lib/customers/file-upload.test.ts).
    const { cookie } = await operatorCookie(a.id);
    const body = { campaignId: campaign.id, records: [loan(1)] };
    const sent = await call(bulkAdd, { headers: { cookie, "idempotency-key": "operator-1" }, body });
    const replay = await call(bulkAdd, { headers: { cookie, "idempotency-key": "operator-1" }, body });
    expect(sent.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(sent.text);
    expect(await jobsOf(campaign.id)).toBe(1);
    expect(await countCustomers(campaign.id)).toBe(1);
  });

  it("refuses a key longer than 255 characters", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const res = await add(a, "k".repeat(256), { campaignId: campaign.id, records: [loan(1)] });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ success: false, error: "BadRequest", message: "Idempotency-Key must be at most 255 characters" });
    expect(await countCustomers(campaign.id)).toBe(0);
  });
});
