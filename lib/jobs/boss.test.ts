import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { getBoss, JOB_SETTINGS, QUEUES, sendInTransaction, stopBoss } from "./boss";

// Transactional enqueue: a queue message exists exactly when the producer's transaction commits.

const messagesFor = (uploadJobId: string) =>
  db.$queryRaw<{ data: unknown; retry_limit: number; expire: number; dead_letter: string }[]>`
    SELECT data, retry_limit, extract(epoch FROM expire_in)::int AS expire, dead_letter
    FROM pgboss.job WHERE name = ${QUEUES.flexydialUpload} AND data->>'uploadJobId' = ${uploadJobId}`;

// Started outside the transactions under test: the first start installs pg-boss's schema.
beforeAll(async () => {
  await getBoss();
});
afterAll(stopBoss);

describe("sendInTransaction", () => {
  it("commits the message with the transaction, holding only the ids, with the queue's expiry and retries", async () => {
    const uploadJobId = `test_${randomUUID()}`;
    await db.$transaction(async (tx) => {
      await sendInTransaction(tx, QUEUES.flexydialUpload, { uploadJobId });
      // The message is in the transaction, not beside it: the caller's own connection sees it.
      expect(await tx.$queryRaw`SELECT 1 FROM pgboss.job WHERE data->>'uploadJobId' = ${uploadJobId}`).toHaveLength(1);
    });
    expect(await messagesFor(uploadJobId)).toEqual([
      {
        data: { uploadJobId },
        retry_limit: JOB_SETTINGS.retryLimit,
        expire: JOB_SETTINGS.expireInSeconds,
        dead_letter: QUEUES.flexydialUploadFailed,
      },
    ]);
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ${QUEUES.flexydialUpload} AND data->>'uploadJobId' = ${uploadJobId}`;
  });

  it("leaves no message when the transaction rolls back", async () => {
    const uploadJobId = `test_${randomUUID()}`;
    await expect(
      db.$transaction(async (tx) => {
        await sendInTransaction(tx, QUEUES.flexydialUpload, { uploadJobId });
        throw new Error("the job row could not be written");
      }),
    ).rejects.toThrow("the job row could not be written");
    expect(await messagesFor(uploadJobId)).toEqual([]);
  });
});
