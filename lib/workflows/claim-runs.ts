import { db } from "@/lib/db/client";

// Claims runs with something to do, under a lease (FOR UPDATE SKIP LOCKED + leaseUntil), so two
// workers never work one run at once and a killed worker's runs are picked up once its lease
// expires. Due means:
//   - active, and its step is due, or its campaign was completed, or its customer deleted
//     (paused and draft campaigns hold their runs);
//   - waiting for a call whose attempts (the first and the engine's retries) have all ended;
//   - waiting for a call that was never confirmed scheduled (its worker died in between): the
//     same request key is scheduled again, which adds no second attempt.

export const LEASE_MS = 120_000;

export type ClaimedRun = {
  id: string;
  organizationId: string;
  campaignId: string;
  customerId: string | null;
  workflowVersionId: string;
  state: "active" | "waiting_call";
  stepId: string | null;
  stepSeq: number;
  dueAt: Date | null;
  waitUntil: Date | null;
  callRequestKey: string | null;
  callBatchId: string | null;
  lastCall: unknown;
};

export async function claimDueRuns(now: Date, limit: number, organizationId?: string): Promise<ClaimedRun[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const org = organizationId ?? null;
  return db.$queryRaw<ClaimedRun[]>`
    WITH due AS (
      SELECT r.id FROM workflow_runs r JOIN campaigns ca ON ca.id = r."campaignId"
      WHERE (r."leaseUntil" IS NULL OR r."leaseUntil" <= ${now})
        AND (${org}::text IS NULL OR r."organizationId" = ${org})
        AND (
          (r.state = 'active' AND (ca.status = 'completed' OR r."customerId" IS NULL
                                   OR (r."dueAt" <= ${now} AND ca.status NOT IN ('paused', 'draft'))))
          OR (r.state = 'waiting_call' AND r."callBatchId" IS NULL)
          OR (r.state = 'waiting_call' AND r."callBatchId" IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM calls c WHERE c."batchId" = r."callBatchId" AND c."customerId" = r."customerId"
                  AND c.state IN ('scheduled', 'dialing')))
        )
      ORDER BY r."dueAt" NULLS FIRST
      LIMIT ${limit}
      FOR UPDATE OF r SKIP LOCKED
    )
    UPDATE workflow_runs r SET "leaseUntil" = ${leaseUntil} FROM due WHERE r.id = due.id
    RETURNING r.id::text, r."organizationId", r."campaignId", r."customerId"::text, r."workflowVersionId", r.state,
              r."stepId", r."stepSeq", r."dueAt", r."waitUntil", r."callRequestKey", r."callBatchId", r."lastCall"`;
}
