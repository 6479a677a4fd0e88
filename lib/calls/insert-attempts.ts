import type { Prisma } from "@/lib/generated/prisma/client";

// Writes scheduled attempts in one statement. A customer that already has a live attempt (the
// partial unique index calls_one_live_attempt_per_customer) or already has this attempt number in
// this batch (a retried request) is skipped by the database, not by a read-then-write.

export type NewAttempt = {
  organizationId: string;
  campaignId: string;
  customerId: string;
  agentId: string;
  dispositionId: string | null;
  batchId: string | null;
  attempt: number;
  retryOfId: string | null;
  toPhone: string;
  notBefore: Date;
  waitReason: string | null;
};

export async function insertAttempts(tx: Prisma.TransactionClient, rows: NewAttempt[], now: Date) {
  if (rows.length === 0) return [];
  const col = <K extends keyof NewAttempt>(key: K) => rows.map((r) => r[key]);
  return tx.$queryRaw<{ id: string; customerId: string; notBefore: Date }[]>`
    INSERT INTO calls (id, "organizationId", "campaignId", "customerId", "agentId", "dispositionId", "batchId", attempt,
                       "retryOfId", "toPhone", "notBefore", "waitReason", state, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), r.* , 'scheduled', ${now}, ${now}
    FROM unnest(${col("organizationId")}::text[], ${col("campaignId")}::text[], ${col("customerId")}::uuid[], ${col("agentId")}::text[],
                ${col("dispositionId")}::text[], ${col("batchId")}::text[], ${col("attempt")}::int[], ${col("retryOfId")}::uuid[],
                ${col("toPhone")}::text[], ${col("notBefore")}::timestamp[], ${col("waitReason")}::text[]) AS r
    ON CONFLICT DO NOTHING
    RETURNING id::text, "customerId"::text, "notBefore"`;
}
