import { db } from "@/lib/db/client";
import type { CallSettingsView } from "@/lib/calls/call-settings";
import { capUsage, dncBlocked, isDnc } from "@/lib/calls/call-checks";
import { effectiveZone, windowChecker } from "@/lib/calls/calling-window";
import { customerZone } from "@/lib/calls/evaluate-request";
import { emitCallEvents } from "@/lib/calls/call-events";
import { pickCallerNumbers } from "@/lib/calls/caller-numbers";
import type { DialAttempt } from "@/lib/calls/dialer";
import type { BlockReason } from "@/lib/calls/types";

// The dial-time gate. In one transaction per organization (serialised by an advisory lock, so
// two workers never both fill the same free slots), the due attempts are re-checked against
// everything that may have changed since they were scheduled — campaign status, calling window,
// agent, DNC, frequency cap, the number already in a call, concurrency, a caller number — and each is claimed
// (scheduled -> dialing), blocked or cancelled with its reason, or rescheduled to the window's
// next opening. Every transition is a conditional UPDATE on state = 'scheduled'.

type Candidate = {
  id: string;
  campaignId: string;
  customerId: string;
  agentId: string;
  dispositionId: string | null;
  attempt: number;
  toPhone: string;
  identifier: string;
  firstName: string | null;
  lastName: string | null;
  language: string | null;
  timezone: string | null;
  data: unknown;
  campaignStatus: string;
};

export type ClaimResult = { claimed: DialAttempt[]; waiting: number; blocked: number; cancelled: number };

export async function claimDueAttempts(settings: CallSettingsView, now: Date, limit: number): Promise<ClaimResult> {
  const organizationId = settings.organizationId;
  // Most passes find nothing due: look before taking the organization's lock.
  const [anyDue] = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM calls c JOIN campaigns ca ON ca.id = c."campaignId"
    WHERE c."organizationId" = ${organizationId} AND c.state = 'scheduled' AND c."notBefore" <= ${now} AND ca.status IN ('active', 'completed') LIMIT 1`;
  if (!anyDue) return { claimed: [], waiting: 0, blocked: 0, cancelled: 0 };
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`calls:${organizationId}`}))`;
    const live = await tx.$queryRaw<{ campaignId: string; toPhone: string }[]>`
      SELECT "campaignId", "toPhone" FROM calls WHERE "organizationId" = ${organizationId} AND state = 'dialing'`;
    const liveByCampaign = new Map<string, number>();
    for (const l of live) liveByCampaign.set(l.campaignId, (liveByCampaign.get(l.campaignId) ?? 0) + 1);
    const busy = new Set(live.map((l) => l.toPhone));
    let orgRoom = settings.maxConcurrentCalls - live.length;

    const caps = await tx.campaign.findMany({
      where: { organizationId, status: "active" },
      select: { id: true, maxConcurrentCalls: true },
    });
    const full = caps.filter((c) => (liveByCampaign.get(c.id) ?? 0) >= c.maxConcurrentCalls).map((c) => c.id);
    const candidates = await tx.$queryRaw<Candidate[]>`
      SELECT c.id::text, c."campaignId", c."customerId"::text, c."agentId", c."dispositionId", c.attempt, c."toPhone",
             cu.identifier, cu."firstName", cu."lastName", cu.language, cu.timezone, cu.data, ca.status::text AS "campaignStatus"
      FROM calls c JOIN campaigns ca ON ca.id = c."campaignId" JOIN customers cu ON cu.id = c."customerId"
      WHERE c."organizationId" = ${organizationId} AND c.state = 'scheduled' AND c."notBefore" <= ${now}
        AND ca.status IN ('active', 'completed') AND NOT (c."campaignId" = ANY(${full}::text[])) AND NOT (c."toPhone" = ANY(${[...busy]}::text[]))
      ORDER BY c."notBefore", c.id LIMIT ${limit}
      FOR UPDATE OF c SKIP LOCKED`;
    if (candidates.length === 0) return { claimed: [], waiting: 0, blocked: 0, cancelled: 0 };

    const campaignIds = [...new Set(candidates.map((c) => c.campaignId))];
    // One connection per transaction: its queries run one after another.
    const campaigns = await tx.campaign.findMany({ where: { id: { in: campaignIds } }, omit: { fieldSchema: true, savedMapping: true } });
    const agents = await tx.agent.findMany({
      where: { id: { in: [...new Set(candidates.map((c) => c.agentId))] } },
      select: { id: true, active: true },
    });
    const dnc = await dncBlocked(
      tx,
      organizationId,
      campaignIds,
      candidates.map((c) => c.toPhone),
    );
    const usage = await capUsage(
      tx,
      organizationId,
      candidates.map((c) => c.toPhone),
      now,
    );
    const campaignById = new Map(campaigns.map((c) => [c.id, c]));
    const activeAgent = new Map(agents.map((a) => [a.id, a.active]));
    const dialsToday = new Map([...usage].map(([phone, u]) => [phone, u.count]));

    const windowOf = windowChecker(now);
    const claim: Candidate[] = [];
    const ends: { id: string; state: "blocked" | "cancelled"; reason: BlockReason }[] = [];
    const waits: { id: string; notBefore: Date }[] = [];
    for (const c of candidates) {
      const campaign = campaignById.get(c.campaignId)!;
      if (c.campaignStatus === "completed") {
        ends.push({ id: c.id, state: "cancelled", reason: "campaign_completed" });
        continue;
      }
      if (activeAgent.get(c.agentId) !== true) {
        ends.push({ id: c.id, state: "blocked", reason: "agent_inactive" });
        continue;
      }
      const window = windowOf(campaign.id, campaign, effectiveZone(customerZone(c), campaign.timezone));
      if (!window.open) {
        if ("never" in window) ends.push({ id: c.id, state: "blocked", reason: window.never });
        else waits.push({ id: c.id, notBefore: window.opensAt });
        continue;
      }
      if (isDnc(dnc, c.campaignId, c.toPhone)) {
        ends.push({ id: c.id, state: "blocked", reason: "dnc" });
        continue;
      }
      if ((dialsToday.get(c.toPhone) ?? 0) >= settings.frequencyCap) {
        ends.push({ id: c.id, state: "blocked", reason: "frequency_cap" });
        continue;
      }
      // Waiting for a slot changes nothing on the row: it is simply not claimed this time.
      const campaignLive = liveByCampaign.get(c.campaignId) ?? 0;
      if (busy.has(c.toPhone) || orgRoom <= 0 || campaignLive >= campaign.maxConcurrentCalls) continue;
      busy.add(c.toPhone);
      liveByCampaign.set(c.campaignId, campaignLive + 1);
      dialsToday.set(c.toPhone, (dialsToday.get(c.toPhone) ?? 0) + 1);
      orgRoom--;
      claim.push(c);
    }

    // The caller id of each dial: the organization's active numbers in turn, or the default.
    const callers = claim.length ? await pickCallerNumbers(tx, organizationId, claim.length, settings.fromPhone, now) : null;
    if (callers?.none) {
      for (const c of claim) ends.push({ id: c.id, state: "blocked", reason: "no_active_caller_number" });
      claim.length = 0;
    }
    const fromPhone = new Map(claim.map((c, i) => [c.id, callers!.pick(i)]));
    const claimedIds = new Set(
      (claim.length
        ? await tx.$queryRaw<{ id: string }[]>`
            UPDATE calls c SET state = 'dialing', "dialedAt" = ${now}, "fromPhone" = f.from_phone, "waitReason" = NULL, "updatedAt" = ${now}
            FROM unnest(${claim.map((c) => c.id)}::uuid[], ${claim.map((c) => fromPhone.get(c.id)!)}::text[]) AS f(id, from_phone)
            WHERE c.id = f.id AND c.state = 'scheduled' RETURNING c.id::text`
        : []
      ).map((r) => r.id),
    );
    if (ends.length) {
      const done = await tx.$queryRaw<{ id: string; state: "blocked" | "cancelled"; reason: string }[]>`
        UPDATE calls c SET state = f.state::"CallState", "blockedReason" = f.reason, "finishedAt" = ${now}, "updatedAt" = ${now}, "waitReason" = NULL
        FROM unnest(${ends.map((e) => e.id)}::uuid[], ${ends.map((e) => e.state)}::text[], ${ends.map((e) => e.reason)}::text[]) AS f(id, state, reason)
        WHERE c.id = f.id AND c.state = 'scheduled' RETURNING c.id::text, f.state, f.reason`;
      await emitCallEvents(
        tx,
        done.map((d) => ({
          organizationId,
          callId: d.id,
          type: d.state === "blocked" ? "call.blocked" : "call.cancelled",
          status: d.reason,
        })),
      );
    }
    if (waits.length) {
      await tx.$executeRaw`
        UPDATE calls c SET "notBefore" = f.at, "waitReason" = 'window', "updatedAt" = ${now}
        FROM unnest(${waits.map((w) => w.id)}::uuid[], ${waits.map((w) => w.notBefore)}::timestamp[]) AS f(id, at)
        WHERE c.id = f.id AND c.state = 'scheduled'`;
    }
    const claimed = claim
      .filter((c) => claimedIds.has(c.id))
      .map((c): DialAttempt => {
        const campaign = campaignById.get(c.campaignId)!;
        return {
          callId: c.id,
          organizationId,
          campaignId: c.campaignId,
          campaignName: campaign.name,
          serviceType: campaign.serviceType,
          customerId: c.customerId,
          identifier: c.identifier,
          name: [c.firstName, c.lastName].filter(Boolean).join(" ") || null,
          language: c.language,
          toPhone: c.toPhone,
          fromPhone: fromPhone.get(c.id)!,
          agentId: c.agentId,
          dispositionId: c.dispositionId,
          attempt: c.attempt,
          data: (c.data ?? {}) as Record<string, unknown>,
          at: now,
        };
      });
    return {
      claimed,
      waiting: waits.length,
      blocked: ends.filter((e) => e.state === "blocked").length,
      cancelled: ends.filter((e) => e.state === "cancelled").length,
    };
  });
}
