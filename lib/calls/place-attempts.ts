import { db } from "@/lib/db/client";
import type { Dialer, DialAttempt, DialOutcome } from "@/lib/calls/dialer";
import { finishAttempts } from "@/lib/calls/finish-attempts";

// Hands claimed (`dialing`) attempts to the dialer, each exactly once, and records what it said:
// accepted -> the provider call id; a retryable error -> back to `scheduled` after a backoff (the
// call was not placed); a permanent error, or too many retryable ones -> `failed`, which the
// retry policy treats like any Failed result.

/** Dialer calls in flight at once per batch. */
const PARALLEL = 64;
export const MAX_DIAL_ERRORS = 5;
const BACKOFF_MS = 60_000;

export type PlaceReport = { placed: number; rescheduled: number; failed: number };

export async function placeAttempts(dialer: Dialer, attempts: DialAttempt[], now: Date): Promise<PlaceReport> {
  const outcomes = new Array<DialOutcome>(attempts.length);
  for (let start = 0; start < attempts.length; start += PARALLEL) {
    await Promise.all(
      attempts.slice(start, start + PARALLEL).map(async (attempt, i) => {
        outcomes[start + i] = await dialer.place(attempt).catch((error: unknown) => ({ ok: false as const, kind: "retryable" as const, message: String(error) }));
      }),
    );
  }
  const placed = attempts.flatMap((a, i) => { const o = outcomes[i]; return o.ok ? [{ id: a.callId, provider: o.providerCallId, due: o.resultDueAt ?? null }] : []; });
  const errors = attempts.flatMap((a, i) => { const o = outcomes[i]; return o.ok ? [] : [{ id: a.callId, kind: o.kind, message: o.message }]; });

  if (placed.length) {
    await db.$executeRaw`
      UPDATE calls c SET "providerCallId" = f.provider, "resultDueAt" = f.due, "updatedAt" = ${now}
      FROM unnest(${placed.map((p) => p.id)}::uuid[], ${placed.map((p) => p.provider)}::text[], ${placed.map((p) => p.due)}::timestamp[]) AS f(id, provider, due)
      WHERE c.id = f.id AND c.state = 'dialing' AND c."providerCallId" IS NULL`;
  }
  let rescheduled = 0;
  const failures: { id: string; message: string }[] = errors.filter((e) => e.kind === "permanent");
  const retryable = errors.filter((e) => e.kind === "retryable");
  if (retryable.length) {
    const back = await db.$queryRaw<{ id: string }[]>`
      UPDATE calls c SET state = 'scheduled', "dialedAt" = NULL, "dialErrors" = c."dialErrors" + 1, "waitReason" = 'dialer_retry',
        "notBefore" = ${now}::timestamp + (${BACKOFF_MS}::int * power(2, c."dialErrors")) * interval '1 millisecond', "errorMessage" = f.message, "updatedAt" = ${now}
      FROM unnest(${retryable.map((e) => e.id)}::uuid[], ${retryable.map((e) => e.message)}::text[]) AS f(id, message)
      WHERE c.id = f.id AND c.state = 'dialing' AND c."dialErrors" + 1 < ${MAX_DIAL_ERRORS} RETURNING c.id::text`;
    rescheduled = back.length;
    const back2 = new Set(back.map((b) => b.id));
    failures.push(...retryable.filter((e) => !back2.has(e.id)));
  }
  let failed = 0;
  if (failures.length) {
    const report = await db.$transaction((tx) =>
      finishAttempts(tx, failures.map((f) => ({ callId: f.id, status: "Failed" as const, errorMessage: `Dialer error: ${f.message}` })), now),
    );
    failed = report.finished.length;
  }
  return { placed: placed.length, rescheduled, failed };
}
