import { db } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { callSettingsOf } from "@/lib/calls/call-settings";
import { claimDueAttempts } from "@/lib/calls/claim-attempts";
import { deliverSimulatedResults } from "@/lib/calls/deliver-simulated-results";
import { dialerFor as defaultDialerFor, type DialerFor } from "@/lib/calls/dialer-for";
import { placeAttempts } from "@/lib/calls/place-attempts";
import { DIAL_GRACE_MS, RESULT_TIMEOUT_MS, recoverStuckAttempts } from "@/lib/calls/recover-attempts";
import type { DispatchReport } from "@/lib/calls/types";

// The dispatch loop, one pass at a time, drivable with any clock: the queue handler
// (lib/calls/calls-queue.ts) calls it with the system clock, tests with a manual one. A pass per
// organization: recover stuck attempts, deliver due simulated results, claim what is due
// (lib/calls/claim-attempts.ts) and hand it to the dialer.

export type DispatchOptions = { clock: Clock; limit?: number; dialerFor?: DialerFor };
export type PassReport = DispatchReport & { delivered: number; progressed: boolean };

const DEFAULT_LIMIT = 500;

export async function dispatchOrganization(options: DispatchOptions & { organizationId: string }): Promise<PassReport> {
  const now = options.clock.now();
  const { organizationId } = options;
  const recovered = await recoverStuckAttempts(now, organizationId);
  const delivered = await deliverSimulatedResults({ clock: options.clock, organizationId });
  const settings = (await callSettingsOf([organizationId])).get(organizationId)!;
  const claim = await claimDueAttempts(settings, now, options.limit ?? DEFAULT_LIMIT);
  const place = claim.claimed.length
    ? await placeAttempts((options.dialerFor ?? defaultDialerFor)(settings), claim.claimed, now)
    : { placed: 0, rescheduled: 0, failed: 0 };
  const report: DispatchReport = {
    dialed: claim.claimed.length,
    placed: place.placed,
    waiting: claim.waiting + place.rescheduled,
    blocked: claim.blocked,
    cancelled: claim.cancelled,
    failed: place.failed,
    recovered,
  };
  const progressed = recovered + delivered + claim.claimed.length + claim.waiting + claim.blocked + claim.cancelled > 0;
  return { ...report, delivered, progressed };
}

/** One pass over every organization with due work (or the one given). */
export async function runDueAttempts(options: DispatchOptions & { organizationId?: string }): Promise<PassReport> {
  const organizations = options.organizationId ? [options.organizationId] : await organizationsWithDueWork(options.clock.now());
  const total: PassReport = { dialed: 0, placed: 0, waiting: 0, blocked: 0, cancelled: 0, failed: 0, recovered: 0, delivered: 0, progressed: false };
  for (const organizationId of organizations) {
    const pass = await dispatchOrganization({ ...options, organizationId });
    for (const key of Object.keys(total) as (keyof PassReport)[]) {
      if (key === "progressed") total.progressed ||= pass.progressed;
      else total[key] += pass[key];
    }
  }
  return total;
}

/** Passes until one makes no progress (or maxPasses): everything due at this instant is done. */
export async function drainDueAttempts(options: DispatchOptions & { organizationId?: string; maxPasses?: number }): Promise<PassReport[]> {
  const passes: PassReport[] = [];
  for (let i = 0; i < (options.maxPasses ?? 1_000); i++) {
    const pass = await runDueAttempts(options);
    passes.push(pass);
    if (!pass.progressed) break;
  }
  return passes;
}

/** Organizations with something to do at `now`. */
export async function organizationsWithDueWork(now: Date): Promise<string[]> {
  const grace = new Date(now.getTime() - DIAL_GRACE_MS);
  const timeout = new Date(now.getTime() - RESULT_TIMEOUT_MS);
  // EXISTS per organization: stops at the first due row instead of reading every due attempt.
  const rows = await db.$queryRaw<{ organizationId: string }[]>`
    SELECT o.id AS "organizationId" FROM organizations o
    WHERE EXISTS (SELECT 1 FROM calls c JOIN campaigns ca ON ca.id = c."campaignId"
                  WHERE c."organizationId" = o.id AND c.state = 'scheduled' AND c."notBefore" <= ${now} AND ca.status IN ('active', 'completed'))
       OR EXISTS (SELECT 1 FROM calls c WHERE c."organizationId" = o.id AND c.state = 'dialing'
                  AND (c."resultDueAt" <= ${now} OR (c."providerCallId" IS NULL AND c."dialedAt" < ${grace})
                       OR (c."providerCallId" IS NOT NULL AND c."resultDueAt" IS NULL AND c."dialedAt" < ${timeout})))`;
  return rows.map((r) => r.organizationId);
}

/** The next instant after `now` at which something of the organization becomes due, if any. */
export async function nextDueAt(organizationId: string, now: Date): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT least(
      (SELECT min(c."notBefore") FROM calls c JOIN campaigns ca ON ca.id = c."campaignId"
        WHERE c."organizationId" = ${organizationId} AND c.state = 'scheduled' AND c."notBefore" > ${now} AND ca.status IN ('active', 'completed')),
      (SELECT min("resultDueAt") FROM calls WHERE "organizationId" = ${organizationId} AND state = 'dialing' AND "resultDueAt" IS NOT NULL),
      (SELECT min("dialedAt") + ${DIAL_GRACE_MS} * interval '1 millisecond' FROM calls
        WHERE "organizationId" = ${organizationId} AND state = 'dialing' AND "providerCallId" IS NULL),
      (SELECT min("dialedAt") + ${RESULT_TIMEOUT_MS} * interval '1 millisecond' FROM calls
        WHERE "organizationId" = ${organizationId} AND state = 'dialing' AND "providerCallId" IS NOT NULL AND "resultDueAt" IS NULL)
    ) AS at`;
  if (!row?.at) return null;
  return new Date(Math.max(row.at.getTime(), now.getTime() + 1_000));
}
