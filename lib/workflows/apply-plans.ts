import type { Prisma } from "@/lib/generated/prisma/client";
import { simulatedSend } from "@/lib/messages/channel";
import { enqueueSentStatuses } from "@/lib/messages/message-status";
import type { HistoryRow, MessageRow, RunState } from "@/lib/workflows/plan-run";

// Writes a pass's decisions in one transaction. Each run's update is conditional on the state
// and step count the pass read (`expectSeq`, `expectState`), so a run that changed meanwhile is
// left alone; only the runs actually updated get their history rows, messages and field updates.
// History rows are unique per (run, seq): a step is never recorded, nor executed, twice.

export type RunWrite = {
  id: string;
  expectSeq: number;
  expectState: string;
  next: RunState;
  /** Kept while a call step's scheduling is in flight (the lease protects it). */
  keepLease: boolean;
  callRequestKey: string | null;
  callBatchId: string | null;
  history: HistoryRow[];
  /** The call step row (written 'running' when it started) that this write completes. */
  finishCall: { seq: number; status: string; result: Record<string, unknown>; callId: string | null; at: Date } | null;
  messages: (MessageRow & { organizationId: string; campaignId: string; customerId: string })[];
  customerId: string | null;
  setFields: Record<string, string> | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function applyRunWrites(tx: Prisma.TransactionClient, writes: RunWrite[]): Promise<Set<string>> {
  if (writes.length === 0) return new Set();
  const col = <T>(f: (w: RunWrite) => T) => writes.map(f);
  const updated = await tx.$queryRaw<{ id: string }[]>`
    UPDATE workflow_runs r SET state = u.state, "stepId" = u.step_id, "stepSeq" = u.step_seq, "dueAt" = u.due_at::timestamp(3),
      "waitUntil" = u.wait_until::timestamp(3), "lastCall" = u.last_call::jsonb, "stopReason" = u.stop_reason,
      "finishedAt" = u.finished_at::timestamp(3), "callRequestKey" = u.request_key, "callBatchId" = u.batch_id,
      "leaseUntil" = CASE WHEN u.keep_lease THEN r."leaseUntil" ELSE NULL END, "updatedAt" = now()
    FROM unnest(${col((w) => w.id)}::uuid[], ${col((w) => w.expectSeq)}::int[], ${col((w) => w.expectState)}::text[],
                ${col((w) => w.next.state)}::text[], ${col((w) => w.next.stepId)}::text[], ${col((w) => w.next.stepSeq)}::int[],
                ${col((w) => iso(w.next.dueAt))}::text[], ${col((w) => iso(w.next.waitUntil))}::text[],
                ${col((w) => (w.next.lastCall ? JSON.stringify(w.next.lastCall) : null))}::text[], ${col((w) => w.next.stopReason)}::text[],
                ${col((w) => iso(w.next.finishedAt))}::text[], ${col((w) => w.callRequestKey)}::text[], ${col((w) => w.callBatchId)}::text[],
                ${col((w) => w.keepLease)}::boolean[])
      AS u(id, expect_seq, expect_state, state, step_id, step_seq, due_at, wait_until, last_call, stop_reason, finished_at, request_key, batch_id, keep_lease)
    WHERE r.id = u.id AND r."stepSeq" = u.expect_seq AND r.state = u.expect_state
    RETURNING r.id::text`;
  const ok = new Set(updated.map((r) => r.id));
  const done = writes.filter((w) => ok.has(w.id));

  const finishing = done.filter((w) => w.finishCall);
  if (finishing.length) {
    await tx.$executeRaw`
      UPDATE workflow_run_steps s SET status = u.status, result = u.result::jsonb, "callId" = u.call_id::uuid, "finishedAt" = u.at::timestamp(3)
      FROM unnest(${finishing.map((w) => w.id)}::uuid[], ${finishing.map((w) => w.finishCall!.seq)}::int[], ${finishing.map((w) => w.finishCall!.status)}::text[],
                  ${finishing.map((w) => JSON.stringify(w.finishCall!.result))}::text[], ${finishing.map((w) => w.finishCall!.callId)}::text[],
                  ${finishing.map((w) => w.finishCall!.at.toISOString())}::text[]) AS u(run_id, seq, status, result, call_id, at)
      WHERE s."runId" = u.run_id AND s.seq = u.seq AND s."finishedAt" IS NULL`;
  }
  const rows = done.flatMap((w) => w.history.map((h) => ({ runId: w.id, ...h })));
  if (rows.length) {
    await tx.workflowRunStep.createMany({
      data: rows.map((h) => ({
        runId: h.runId,
        seq: h.seq,
        stepId: h.stepId,
        type: h.type,
        status: h.status,
        result: h.result as Prisma.InputJsonValue,
        startedAt: h.startedAt,
        finishedAt: h.finishedAt,
        messageId: h.messageId ?? null,
      })),
      skipDuplicates: true,
    });
  }
  const messages = done.flatMap((w) => w.messages);
  if (messages.length) {
    const data = messages.map((m) => {
      const sent = simulatedSend({
        messageId: m.id,
        channel: m.channel as "sms" | "whatsapp",
        toPhone: m.toPhone,
        body: m.body,
        at: m.at,
      });
      return {
        id: m.id,
        organizationId: m.organizationId,
        campaignId: m.campaignId,
        customerId: m.customerId,
        channel: m.channel,
        templateId: m.templateId,
        toPhone: m.toPhone,
        body: m.body,
        status: sent.status,
        providerMessageId: sent.providerMessageId,
        sentAt: m.at,
        runStepKey: m.runStepKey,
      };
    });
    await tx.message.createMany({ data, skipDuplicates: true });
    // Their statuses to the organization's webhook, through the outbox, in this transaction.
    await enqueueSentStatuses(tx, data);
  }
  const patches = done.filter((w) => w.setFields && w.customerId);
  if (patches.length) {
    await tx.$executeRaw`
      UPDATE customers c SET data = c.data || u.patch::jsonb, "updatedAt" = now()
      FROM unnest(${patches.map((w) => w.customerId!)}::uuid[], ${patches.map((w) => JSON.stringify(w.setFields))}::text[]) AS u(id, patch)
      WHERE c.id = u.id`;
  }
  return ok;
}
