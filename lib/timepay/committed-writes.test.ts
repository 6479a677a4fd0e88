import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { PUT as bulkUpdate } from "@/app/api/v1/customer-data/bulk/route";
import { loan } from "@/lib/test/records";

// No write is reported as a failure: once customers are committed, a bookkeeping write that fails
// afterwards (closing the upload job, storing the Idempotency-Key's replay) is logged and the
// response still says exactly what the table holds.

let a: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("committed");
});
afterAll(async () => {
  await deleteTestOrg(a);
});

async function refuse(table: "upload_jobs" | "idempotency_keys", when: string, run: () => Promise<void>) {
  const name = `test_refuse_${table}_${a.suffix}`;
  await db.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'bookkeeping refused'; END $$ LANGUAGE plpgsql`,
  );
  await db.$executeRawUnsafe(
    `CREATE OR REPLACE TRIGGER ${name} BEFORE UPDATE ON ${table} FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${name}()`,
  );
  try {
    await run();
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${name}()`);
  }
}

describe("committed writes are never answered with a 500", () => {
  it("bulk add: the upload job cannot be closed → 201 with the rows written", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    await refuse("upload_jobs", `NEW."campaignId" = '${campaign.id}' AND NEW.status = 'completed'`, async () => {
      const logged = vi.spyOn(logger, "error");
      const res = await call(bulkAdd, { apiKey: a.apiKey, body: { campaignId: campaign.id, records: [loan(1), loan(2)] } });
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ error: expect.stringContaining("bookkeeping refused") }),
        "upload job not closed after its rows were written",
      );
      logged.mockRestore();
      expect(res.status).toBe(201);
      expect(res.json.results).toMatchObject({ total: 2, successful: 2, failed: 0 });
      expect(await db.customer.count({ where: { campaignId: campaign.id } })).toBe(2);
    });
  });

  it("bulk update: the upload job cannot be closed → 200 with the change saved", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    expect((await call(bulkAdd, { apiKey: a.apiKey, body: { campaignId: campaign.id, records: [loan(1)] } })).status).toBe(201);
    await refuse("upload_jobs", `NEW."campaignId" = '${campaign.id}' AND NEW.status = 'completed' AND NEW.action = 'update'`, async () => {
      const res = await call(bulkUpdate, {
        method: "PUT",
        apiKey: a.apiKey,
        body: { campaignId: campaign.id, records: [{ id: "LN1", data: { first_name: "Changed" } }] },
      });
      expect(res.status).toBe(200);
      expect(res.json.results).toMatchObject({ total: 1, successful: 1 });
      const [row] = await db.customer.findMany({ where: { campaignId: campaign.id } });
      expect(row.firstName).toBe("Changed");
    });
  });

  it("the Idempotency-Key's replay cannot be stored → 201 with the rows written", async () => {
    const campaign = await createTestCampaign(a.id, "emi");
    const key = `refused-${a.suffix}`;
    await refuse("idempotency_keys", `NEW.key = '${key}' AND NEW.state = 'completed'`, async () => {
      const res = await call(bulkAdd, {
        apiKey: a.apiKey,
        headers: { "idempotency-key": key },
        body: { campaignId: campaign.id, records: [loan(1)] },
      });
      expect(res.status).toBe(201);
      expect(await db.customer.count({ where: { campaignId: campaign.id } })).toBe(1);
    });
  });
});
