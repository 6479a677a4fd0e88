import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUploadJob } from "@/lib/upload-jobs/upload-jobs";
import { createTestCampaign, createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { STALE_SECONDS, sweepInterruptedUploads, WIZARD_STALE_SECONDS } from "./interrupted-uploads-sweep";

// Synchronous upload jobs whose request died are given an honest final state; live ones,
// finished ones and Flexydial's queued jobs are left alone.

let org: TestOrg;
let campaignId: string;
beforeAll(async () => {
  org = await createTestOrg("sweep");
  campaignId = (await createTestCampaign(org.id, "emi")).id;
});
afterAll(() => deleteTestOrg(org));

async function job(source: "ui" | "timepay_api" | "flexydial_api", startedSecondsAgo: number, status: "processing" | "completed" = "processing") {
  const ctx = { organizationId: org.id, actor: { userId: null, apiKeyId: null, role: "admin" as const }, source };
  const { id } = await createUploadJob(ctx, { campaignId, total: 5, status: "processing" });
  await db.uploadJob.update({ where: { id }, data: { status, startedAt: new Date(Date.now() - startedSecondsAgo * 1000) } });
  return id;
}

describe("sweepInterruptedUploads", () => {
  it("fails a TimePay job processing past STALE_SECONDS, a wizard job past WIZARD_STALE_SECONDS, with the rows really written; leaves the rest", async () => {
    const dead = await job("timepay_api", STALE_SECONDS + 10);
    const deadUi = await job("ui", WIZARD_STALE_SECONDS + 10);
    const pausedUi = await job("ui", STALE_SECONDS + 10);
    const live = await job("timepay_api", 5);
    const done = await job("ui", STALE_SECONDS + 10, "completed");
    const flexy = await job("flexydial_api", STALE_SECONDS + 10);
    await db.customer.createMany({
      data: [1, 2].map((n) => ({ campaignId, identifier: `SW${n}`, phoneRaw: "x", phoneE164: "x", uploadJobId: dead })),
    });

    const swept = await sweepInterruptedUploads();
    expect(swept).toEqual(expect.arrayContaining([dead, deadUi]));
    expect(swept).not.toEqual(expect.arrayContaining([live]));
    expect(swept).not.toEqual(expect.arrayContaining([pausedUi]));
    expect(await db.uploadJob.findUniqueOrThrow({ where: { id: dead } })).toMatchObject({
      status: "failed",
      successful: 2,
      processed: 2,
      failed: 3,
      errorMessage: "The upload ended before it finished: 2 of 5 rows were added. Send the rest again: rows already added are not added twice.",
    });
    expect((await db.uploadJob.findUniqueOrThrow({ where: { id: deadUi } })).status).toBe("failed");
    expect((await db.uploadJob.findUniqueOrThrow({ where: { id: live } })).status).toBe("processing");
    expect((await db.uploadJob.findUniqueOrThrow({ where: { id: pausedUi } })).status).toBe("processing");
    expect((await db.uploadJob.findUniqueOrThrow({ where: { id: done } })).status).toBe("completed");
    expect((await db.uploadJob.findUniqueOrThrow({ where: { id: flexy } })).status).toBe("processing");
    expect(await sweepInterruptedUploads()).not.toEqual(expect.arrayContaining([dead]));
  });
});
