import type { Prisma } from "@/lib/generated/prisma/client";
import { callSettingsOf } from "@/lib/calls/call-settings";
import { CAP_WINDOW_MS, capUsage } from "@/lib/calls/call-checks";
import { emitCallEvents } from "@/lib/calls/call-events";
import { insertAttempts, type NewAttempt } from "@/lib/calls/insert-attempts";
import { autoPauseFailingCampaigns } from "@/lib/calls/auto-pause";
import type { CallResultStatus } from "@/lib/calls/types";

// Ends `dialing` attempts with a result, inside the caller's transaction: the conditional UPDATE
// (state = 'dialing') makes a second result for the same attempt a no-op. Then, in the same
// transaction: the customer's last outcome (only if this result is the newest), a call.result
// event, a retry for No Contact / Failed within the campaign's policy and the frequency cap, and
// the failing-campaign check.

export type Finish = {
  callId: string;
  status: CallResultStatus;
  providerCallId?: string | null;
  disposition?: string | null;
  dispositionId?: string | null;
  duration?: number | null;
  startedAt?: Date | null;
  endedAt?: Date | null;
  summary?: string | null;
  extractedData?: Record<string, unknown> | null;
  recordingId?: string | null;
  transcriptId?: string | null;
  fromPhone?: string | null;
  errorMessage?: string | null;
};

type Ended = {
  id: string;
  organizationId: string;
  campaignId: string;
  customerId: string;
  agentId: string;
  dispositionId: string | null;
  batchId: string | null;
  attempt: number;
  toPhone: string;
  outcome: CallResultStatus;
  outcomeDisposition: string | null;
  at: Date;
};

export type FinishReport = { finished: Ended[]; retries: { callId: string; retryOfId: string; notBefore: Date }[] };

export async function finishAttempts(tx: Prisma.TransactionClient, finishes: Finish[], now: Date): Promise<FinishReport> {
  if (finishes.length === 0) return { finished: [], retries: [] };
  const col = <T>(f: (x: Finish) => T) => finishes.map(f);
  const ended = await tx.$queryRaw<Ended[]>`
    UPDATE calls c SET
      state = (CASE WHEN f.status = 'Failed' THEN 'failed' ELSE 'completed' END)::"CallState",
      outcome = f.status, "providerCallId" = COALESCE(c."providerCallId", f.provider),
      "outcomeDisposition" = f.disposition, "outcomeDispositionId" = f.disposition_id, duration = f.duration,
      "startedAt" = f.started, "endedAt" = f.ended, summary = f.summary, "extractedData" = f.extracted::jsonb,
      "recordingId" = f.recording, "transcriptId" = f.transcript, "fromPhone" = COALESCE(f.from_phone, c."fromPhone"),
      "errorMessage" = f.error, "finishedAt" = ${now}, "updatedAt" = ${now}, "resultDueAt" = NULL
    FROM unnest(${col((x) => x.callId)}::uuid[], ${col((x) => x.status)}::text[], ${col((x) => x.providerCallId ?? null)}::text[],
                ${col((x) => x.disposition ?? null)}::text[], ${col((x) => x.dispositionId ?? null)}::text[], ${col((x) => x.duration ?? null)}::int[],
                ${col((x) => x.startedAt ?? null)}::timestamp[], ${col((x) => x.endedAt ?? null)}::timestamp[], ${col((x) => x.summary ?? null)}::text[],
                ${col((x) => (x.extractedData ? JSON.stringify(x.extractedData) : null))}::text[], ${col((x) => x.recordingId ?? null)}::text[],
                ${col((x) => x.transcriptId ?? null)}::text[], ${col((x) => x.fromPhone ?? null)}::text[], ${col((x) => x.errorMessage ?? null)}::text[])
      AS f(id, status, provider, disposition, disposition_id, duration, started, ended, summary, extracted, recording, transcript, from_phone, error)
    WHERE c.id = f.id AND c.state = 'dialing'
    RETURNING c.id::text, c."organizationId", c."campaignId", c."customerId"::text, c."agentId", c."dispositionId", c."batchId",
              c.attempt, c."toPhone", c.outcome, c."outcomeDisposition", COALESCE(c."endedAt", ${now}) AS at`;
  if (ended.length === 0) return { finished: [], retries: [] };

  await tx.$executeRaw`
    UPDATE customers cu SET "lastCallStatus" = f.status, "lastCallDisposition" = f.disposition, "lastCallAt" = f.at, "lastCallId" = f.call
    FROM unnest(${ended.map((e) => e.customerId)}::uuid[], ${ended.map((e) => e.id)}::uuid[], ${ended.map((e) => e.outcome)}::text[],
                ${ended.map((e) => e.outcomeDisposition)}::text[], ${ended.map((e) => e.at)}::timestamp[]) AS f(customer, call, status, disposition, at)
    WHERE cu.id = f.customer AND (cu."lastCallAt" IS NULL OR cu."lastCallAt" <= f.at)`;
  await emitCallEvents(
    tx,
    ended.map((e) => ({ organizationId: e.organizationId, callId: e.id, type: "call.result" as const, status: e.outcome })),
  );
  const retries = await scheduleRetries(tx, ended, now);
  await autoPauseFailingCampaigns(tx, [...new Set(ended.map((e) => e.campaignId))], now);
  return { finished: ended, retries };
}

async function scheduleRetries(tx: Prisma.TransactionClient, ended: Ended[], now: Date) {
  const candidates = ended.filter((e) => e.outcome !== "Contacted");
  if (candidates.length === 0) return [];
  const campaigns = await tx.campaign.findMany({
    where: { id: { in: [...new Set(candidates.map((e) => e.campaignId))] } },
    select: { id: true, status: true, maxRetries: true, retryDelayMinutes: true },
  });
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const due = candidates.filter((e) => {
    const campaign = byId.get(e.campaignId);
    return campaign && campaign.status !== "completed" && e.attempt < 1 + campaign.maxRetries;
  });
  const rows: NewAttempt[] = [];
  const settings = await callSettingsOf([...new Set(due.map((e) => e.organizationId))], tx);
  for (const [organizationId, setting] of settings) {
    const mine = due.filter((e) => e.organizationId === organizationId);
    const usage = await capUsage(
      tx,
      organizationId,
      mine.map((e) => e.toPhone),
      now,
    );
    for (const e of mine) {
      const at = new Date(now.getTime() + byId.get(e.campaignId)!.retryDelayMinutes * 60_000);
      // Inside the cap: the dials still counted at `at` must leave room for one more.
      const counted = (usage.get(e.toPhone)?.dialTimes ?? []).filter((t) => t.getTime() >= at.getTime() - CAP_WINDOW_MS);
      const notBefore =
        counted.length < setting.frequencyCap ? at : new Date(counted[counted.length - setting.frequencyCap].getTime() + CAP_WINDOW_MS + 1);
      rows.push({ ...e, customerId: e.customerId, attempt: e.attempt + 1, retryOfId: e.id, notBefore, waitReason: "retry_delay" });
    }
  }
  const inserted = await insertAttempts(tx, rows, now);
  const byCustomer = new Map(rows.map((r) => [r.customerId, r]));
  return inserted.map((r) => ({ callId: r.id, retryOfId: byCustomer.get(r.customerId)!.retryOfId!, notBefore: r.notBefore }));
}
