import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { finishAttempts } from "@/lib/calls/finish-attempts";

// Attempts stuck in `dialing`. Never dialled again (the call may have gone out): they end
// `failed` and the retry policy decides, as for any Failed call.
// - No provider call id DIAL_GRACE_MS after the claim: the worker died (SIGKILL, lost connection)
//   between the claim and the dialer's answer. Longer than any dialer timeout (60 s at most).
// - A provider call id but no result RESULT_TIMEOUT_MS after the dial: the result was lost. A
//   result that arrives later finds the attempt ended and changes nothing.

export const DIAL_GRACE_MS = 2 * 60_000;
/** errorMessage of an interrupted attempt (our worker died, not the provider: auto-pause ignores it). */
export const INTERRUPTED_MESSAGE = "Interrupted: the worker placing this call stopped before the dialer answered (not redialled)";
export const RESULT_TIMEOUT_MS = 2 * 60 * 60_000;

export async function recoverStuckAttempts(now: Date, organizationId: string | null, limit = 500): Promise<number> {
  const dialGrace = new Date(now.getTime() - DIAL_GRACE_MS);
  const resultTimeout = new Date(now.getTime() - RESULT_TIMEOUT_MS);
  const select = (lock: boolean) => Prisma.sql`
      SELECT id::text, "providerCallId" IS NOT NULL AS placed FROM calls
      WHERE state = 'dialing' AND (${organizationId}::text IS NULL OR "organizationId" = ${organizationId})
        AND (("providerCallId" IS NULL AND "dialedAt" < ${dialGrace})
          OR ("providerCallId" IS NOT NULL AND "resultDueAt" IS NULL AND "dialedAt" < ${resultTimeout}))
      ORDER BY "dialedAt" LIMIT ${limit} ${lock ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty}`;
  // Nearly always nothing is stuck: look before opening a transaction.
  if ((await db.$queryRaw<unknown[]>(select(false))).length === 0) return 0;
  return db.$transaction(async (tx) => {
    const stuck = await tx.$queryRaw<{ id: string; placed: boolean }[]>(select(true));
    const report = await finishAttempts(
      tx,
      stuck.map((s) => ({
        callId: s.id,
        status: "Failed" as const,
        errorMessage: s.placed
          ? "No result from the provider within 2 hours"
          : INTERRUPTED_MESSAGE,
      })),
      now,
    );
    return report.finished.length;
  });
}
