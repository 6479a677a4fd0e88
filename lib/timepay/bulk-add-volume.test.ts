import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as bulkAdd } from "@/app/api/v1/customers/add/bulk/route";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { countCustomers, loan } from "@/lib/test/records";

// Full-size requests: 10,000 records with exact counts checked against the table, and
// concurrent requests with overlapping identifiers.

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("bulk-volume");
});
afterAll(() => deleteTestOrg(org));

const add = (body: unknown) => call(bulkAdd, { apiKey: org.apiKey, body });

describe("10,000 records", () => {
  it("accepts exactly 10,000 valid records: 201, ten batches, ten thousand rows", async () => {
    const campaign = await createTestCampaign(org.id, "emi");
    const res = await add({ campaignId: campaign.id, records: Array.from({ length: 10_000 }, (_, i) => loan(i)) });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      success: true,
      message: "Added 10000 of 10000 records",
      results: { total: 10_000, valid: 10_000, invalid: 0, successful: 10_000, failed: 0, batchesProcessed: 10, errors: [] },
    });
    expect(await countCustomers(campaign.id)).toBe(10_000);
  });

  it("a mixed request: invalid rows, repeats in the request and identifiers already stored, counted exactly", async () => {
    const campaign = await createTestCampaign(org.id, "emi");
    // 300 customers already in the campaign: LN0, LN30, LN60 ... LN8970.
    const stored = Array.from({ length: 300 }, (_, k) => loan(k * 30));
    expect((await add({ campaignId: campaign.id, records: stored })).status).toBe(201);

    const expected = { invalid: new Set<number>(), repeated: new Set<number>(), existing: new Set<number>() };
    const records = Array.from({ length: 10_000 }, (_, i) => {
      if (i % 10 === 3) {
        expected.invalid.add(i);
        return loan(i, { phone_number: "12345" });
      }
      if (i % 10 === 7) {
        expected.invalid.add(i);
        return loan(i, { current_emi: 13 });
      }
      if (i % 100 === 99) {
        expected.repeated.add(i);
        return loan(i - 1); // the record just before (i % 10 === 8) is valid and comes first
      }
      if (i % 30 === 0 && i < 9000) expected.existing.add(i);
      return loan(i);
    });

    const res = await add({ campaignId: campaign.id, records });
    const added = 10_000 - expected.invalid.size - expected.repeated.size - expected.existing.size;
    expect(expected).toMatchObject({ invalid: { size: 2000 }, repeated: { size: 100 } });
    expect(res.status).toBe(207);
    const { results } = res.json;
    expect(results).toMatchObject({
      total: 10_000,
      valid: 8000,
      invalid: 2000,
      successful: added,
      failed: 10_000 - added,
      batchesProcessed: 8,
    });
    expect(results.invalidRecords.map((r: { index: number }) => r.index)).toEqual([...expected.invalid]);
    expect(results.invalidRecords[0]).toEqual({ index: 3, id: "LN3", errors: ["Record 3: Invalid phone_number '12345': too short"] });
    expect(results.invalidRecords[1]).toEqual({
      index: 7,
      id: "LN7",
      errors: ["Record 7: Field 'current_emi' must not be greater than 'loan_period'"],
    });
    const byKind = (kind: string) =>
      results.errors.filter((e: { error: string }) => e.error === kind).map((e: { index: number }) => e.index);
    expect(byKind("DUPLICATE_IN_REQUEST")).toEqual([...expected.repeated]);
    expect(byKind("DUPLICATE").sort((x: number, y: number) => x - y)).toEqual([...expected.existing]);
    expect(results.errors.map((e: { index: number }) => e.index)).toEqual(
      [...results.errors.map((e: { index: number }) => e.index)].sort((x, y) => x - y),
    );
    expect(results.total).toBe(results.successful + results.failed);
    expect(results.failed).toBe(results.invalid + results.errors.length);

    expect(await countCustomers(campaign.id)).toBe(300 + added);
    const job = await db.uploadJob.findUniqueOrThrow({ where: { id: res.headers.get("x-upload-job-id")! } });
    expect(job).toMatchObject({ total: 10_000, valid: 8000, invalid: 2000, successful: added, duplicates: 100 + expected.existing.size });
    expect(await db.customer.count({ where: { uploadJobId: job.id } })).toBe(added);
    expect((job.rowErrors as unknown[]).length).toBe(10_000 - added);
  });
});

describe("concurrent requests with overlapping identifiers", () => {
  it("two requests of 5,000 overlapping by 2,500 (in opposite orders) create exactly 7,500 customers between them", async () => {
    for (let round = 0; round < 3; round++) {
      const campaign = await createTestCampaign(org.id, "emi");
      const first = Array.from({ length: 5000 }, (_, i) => loan(i));
      const second = Array.from({ length: 5000 }, (_, i) => loan(7499 - i));
      const [x, y] = await Promise.all([
        add({ campaignId: campaign.id, records: first }),
        add({ campaignId: campaign.id, records: second }),
      ]);
      for (const res of [x, y]) {
        expect([201, 207]).toContain(res.status);
        expect(res.json.results.successful + res.json.results.errors.length).toBe(5000);
        expect(res.json.results.errors.every((e: { error: string }) => e.error === "DUPLICATE")).toBe(true);
      }
      expect(x.json.results.successful + y.json.results.successful).toBe(7500);
      expect(await countCustomers(campaign.id)).toBe(7500);
      const owners = await db.customer.groupBy({ by: ["uploadJobId"], where: { campaignId: campaign.id }, _count: true });
      const byJob = Object.fromEntries(owners.map((o) => [o.uploadJobId, o._count]));
      expect(byJob[x.headers.get("x-upload-job-id")!]).toBe(x.json.results.successful);
      expect(byJob[y.headers.get("x-upload-job-id")!]).toBe(y.json.results.successful);
    }
  });
});
