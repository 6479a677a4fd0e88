import { DateTime } from "luxon";
import type { WindowSpec } from "@/lib/calls/calling-window";
import { checkWindow, effectiveZone, legalHours } from "@/lib/calls/calling-window";
import type { LastCall } from "@/lib/workflows/branch";
import type { ClaimedRun } from "@/lib/workflows/claim-runs";
import { followingStep, type WorkflowDefinition } from "@/lib/workflows/definition";
import { humanDuration, localTime, zoneName } from "@/lib/workflows/local-time";
import { planRun, type Template } from "@/lib/workflows/plan-run";

// A dry run plays a definition for one sample customer with simulated call outcomes, on a
// timeline, through the runner's own planning (plan-run.ts) — so it shows exactly where the
// calling window delays a call or a message. Pure: it writes nothing and needs no database.
// `at` and `delayedUntil` are instants (ISO); every summary says its times in the customer's local
// time ("waited 2 h, until Mon 7 Dec, 11:05 IST"), the zone the result names.

export type DryRunInput = {
  definition: WorkflowDefinition;
  campaign: WindowSpec & { id: string };
  fields: Record<string, unknown>;
  /** The calls' outcomes in order (the last repeats); default No Contact then Contacted. */
  outcomes?: LastCall["status"][];
  start: Date;
  templates: Map<string, Template>;
};
export type TimelineEntry = { at: string; stepId: string; type: string; summary: string; delayedUntil?: string };

const MAX_ENTRIES = 200;

export type DryRunResult = { zone: string; timeline: TimelineEntry[]; end: { state: string; reason: string | null } };

export function dryRun(input: DryRunInput): DryRunResult {
  const outcomes = input.outcomes?.length ? input.outcomes : (["No Contact", "Contacted"] as const);
  const timeline: TimelineEntry[] = [];
  const customer = {
    id: "dry-run",
    phoneE164: String(input.fields.phone_number ?? "+910000000000"),
    timezone: null,
    data: { ...input.fields },
  };
  const zone = effectiveZone(typeof input.fields.timezone === "string" ? input.fields.timezone : null, input.campaign.timezone);
  let now = input.start;
  let calls = 0;
  const say = (at: Date, sameDayAs?: Date) => localTime(at, zone, { sameDayAs, year: input.start.getUTCFullYear() });
  const hours = `${windowHours(input.campaign)} ${zoneName(zone, input.start)}`;
  /** When the wait in progress started, for its summary. */
  let waitFrom: Date | null = null;
  let run: ClaimedRun = {
    id: "dry-run",
    organizationId: "",
    campaignId: input.campaign.id,
    customerId: customer.id,
    workflowVersionId: "",
    state: "active",
    stepId: input.definition.steps[0].id,
    stepSeq: 0,
    dueAt: now,
    waitUntil: null,
    callRequestKey: null,
    callBatchId: null,
    lastCall: null,
  };
  while (timeline.length < MAX_ENTRIES) {
    const plan = planRun(
      run,
      {
        now,
        definition: input.definition,
        campaign: { ...input.campaign, status: "active" },
        customer,
        dnc: false,
        templates: input.templates,
        groupsByDisposition: new Map(),
      },
      () => "dry-run-message",
    );
    for (const h of plan.history) {
      const waited = h.type === "wait" && waitFrom ? `waited ${humanDuration(now.getTime() - waitFrom.getTime())}, ` : "";
      timeline.push({ at: now.toISOString(), stepId: h.stepId, type: h.type, summary: summarize(h.type, h.result, waited, say) });
      if (h.type === "wait") waitFrom = null;
    }
    const next = plan.next;
    if (next.waitUntil && !waitFrom) waitFrom = now;
    if (["completed", "stopped", "failed"].includes(next.state))
      return { zone, timeline, end: { state: next.state, reason: next.stopReason } };
    if (plan.call) {
      const window = checkWindow(now, input.campaign, zone);
      if (!window.open && !("opensAt" in window))
        return { zone, timeline, end: { state: "stopped", reason: "the calling window never opens" } };
      const at = window.open ? now : window.opensAt;
      const status = outcomes[Math.min(calls++, outcomes.length - 1)];
      const promise = new Date(at.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
      const lastCall: LastCall = {
        status,
        disposition: status === "Contacted" ? "Promise to Pay" : "No Answer",
        dispositionId: null,
        extractedData: status === "Contacted" ? { promise_to_pay_date: promise } : {},
        callId: null,
      };
      timeline.push({
        at: at.toISOString(),
        stepId: plan.call.stepId,
        type: "call",
        summary:
          at > now
            ? `call: ${status} — due ${say(now, at)}, held ${humanDuration(at.getTime() - now.getTime())} by the calling window (${hours})`
            : `call: ${status}`,
        ...(at > now && { delayedUntil: at.toISOString() }),
      });
      now = new Date(at.getTime() + 5 * 60_000);
      run = {
        ...run,
        ...next,
        state: "active",
        stepSeq: plan.call.seq,
        stepId: followingStep(input.definition, plan.call.stepId),
        lastCall,
        waitUntil: null,
        dueAt: now,
      };
      continue;
    }
    const due = next.dueAt ?? now;
    if (due > now && next.waitUntil === null && timeline.length < MAX_ENTRIES) {
      timeline.push({
        at: now.toISOString(),
        stepId: next.stepId ?? "",
        type: "window",
        summary: `outside the calling window (${hours}): held ${humanDuration(due.getTime() - now.getTime())}, until ${say(due, now)}`,
        delayedUntil: due.toISOString(),
      });
    }
    now = due > now ? due : new Date(now.getTime() + 60_000);
    run = { ...run, ...next, state: "active", lastCall: next.lastCall } as ClaimedRun;
  }
  return { zone, timeline, end: { state: "active", reason: "the dry run stopped after 200 entries" } };
}

function summarize(type: string, result: Record<string, unknown>, waited: string, say: (at: Date) => string): string {
  if (type === "wait")
    return `${waited || "waited "}until ${say(new Date(String(result.waitedUntil)))}${result.note ? ` (${String(result.note)})` : ""}`;
  if (type === "branch") return `branch: rule ${result.rule === null ? "none (otherwise)" : String(result.rule)} → ${String(result.goto)}`;
  if (type === "update") {
    const value = String(result.value);
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value) : null;
    return `set ${String(result.field)} = ${value}${date?.isValid ? ` (${date.setLocale("en-IN").toFormat("ccc d LLL yyyy")})` : ""}`;
  }
  if (type === "stop") return `stop${result.outcome ? `: ${String(result.outcome)}` : ""}`;
  if (result.messageId) return `${type} sent`;
  return `${type}${result.reason ? `: ${String(result.reason)}` : ""}`;
}

/** The daily hours a call may be placed in: the campaign's, inside the legal ones ("09:00–19:00"). */
function windowHours(spec: WindowSpec): string {
  const legal = legalHours(spec.serviceType);
  const minutes = (hhmm: string | null) => (hhmm ? Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) : null);
  const start = Math.max(minutes(spec.startTime) ?? 0, legal.start);
  const end = Math.min(minutes(spec.endTime) ?? 24 * 60, legal.end);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return `${hhmm(start)}–${hhmm(end)}`;
}
