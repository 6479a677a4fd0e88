import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { QUEUES, getBoss } from "@/lib/jobs/boss";
import { contact, createFlexyCampaign } from "../test-kit";
import { requeueOrphanedUploads } from "./repair";
import { processFlexydialUpload } from "./worker";

let org: TestOrg;
let campaign: Awaited<ReturnType<typeof createFlexyCampaign>>;
beforeAll(async () => {
  org = await createTestOrg("flexy-repair");
  campaign = await createFlexyCampaign(org.id);
  await getBoss();
});
afterAll(() => deleteTestOrg(org));

async function job(status: "pending" | "processing" | "completed", ageSeconds: number) {
  const rows = [contact(700_001), contact(700_002)];
  return db.uploadJob.create({
    data: {
      organizationId: org.id,
      campaignId: campaign.id,
      source: "flexydial_api",
      status,
      reference: "repair-test",
      total: rows.length,
      payload: rows as Prisma.InputJsonValue,
      createdAt: new Date(Date.now() - ageSeconds * 1000),
    },
  });
}

async function liveMessages(uploadJobId: string) {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pgboss.job WHERE name = ${QUEUES.flexydialUpload} AND data->>'uploadJobId' = ${uploadJobId} AND state IN ('created', 'retry', 'active')`;
  return Number(rows[0].n);
}

describe("requeueOrphanedUploads", () => {
  it("gives an unfinished job without a live message a new one, once, and the job then completes", async () => {
    const orphan = await job("processing", 120);
    const young = await job("pending", 0);
    const done = await job("completed", 120);
    const requeued = await requeueOrphanedUploads(60);
    expect(requeued).toContain(orphan.id);
    expect(requeued).not.toContain(young.id);
    expect(requeued).not.toContain(done.id);
    expect(await liveMessages(orphan.id)).toBe(1);
    // Its message is live now: a second sweep leaves it alone.
    expect(await requeueOrphanedUploads(60)).not.toContain(orphan.id);
    expect(await liveMessages(orphan.id)).toBe(1);
    expect(await processFlexydialUpload(orphan.id)).toBe("done");
    expect(await db.uploadJob.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({ status: "completed", successful: 2 });
  });
});
