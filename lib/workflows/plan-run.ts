import { checkWindow, effectiveZone, type WindowSpec } from "@/lib/calls/calling-window";
import { chooseBranch, type LastCall } from "@/lib/workflows/branch";
import { followingStep, type WorkflowDefinition } from "@/lib/workflows/definition";
import type { ClaimedRun } from "@/lib/workflows/claim-runs";
import { renderTemplate } from "@/lib/messages/render-template";
import { waitEnd } from "@/lib/workflows/wait-until";

// What one claimed run does in this pass, decided in memory from data loaded for the whole pass:
// the steps it executes (history rows), its new state, and the side effects that commit with
// them (a customer field, a message). A call step ends the plan with a call request: the runner
// schedules it through the dial engine. Pure: no I/O, the clock's instant is passed in.

export const MAX_STEPS_PER_RUN = 200;
const MAX_STEPS_PER_PASS = 20;

export type Customer = { id: string; phoneE164: string; timezone: string | null; data: Record<string, unknown> };
export type Campaign = WindowSpec & { id: string; status: string };
export type Template = { id: string; channel: string; body: string };

export type PlanContext = {
  now: Date;
  definition: WorkflowDefinition;
  campaign: Campaign;
  customer: Customer | null;
  dnc: boolean;
  templates: Map<string, Template>;
  /** Disposition name (lower case) → the names of its groups. */
  groupsByDisposition: Map<string, Set<string>>;
};

export type HistoryRow = {
  seq: number;
  stepId: string;
  type: string;
  status: string;
  result: Record<string, unknown>;
  startedAt: Date;
  finishedAt: Date | null;
  messageId?: string;
};
export type MessageRow = { id: string; channel: string; templateId: string; body: string; toPhone: string; runStepKey: string; at: Date };
export type RunState = {
  state: string;
  stepId: string | null;
  stepSeq: number;
  dueAt: Date | null;
  waitUntil: Date | null;
  lastCall: LastCall | null;
  stopReason: string | null;
  finishedAt: Date | null;
};
export type Plan = {
  run: ClaimedRun;
  history: HistoryRow[];
  next: RunState;
  setFields: Record<string, string> | null;
  messages: MessageRow[];
  call: { seq: number; stepId: string; agentId: string; dispositionId: string | null } | null;
};

export function planRun(run: ClaimedRun, ctx: PlanContext, newId: () => string): Plan {
  const { now, definition, customer } = ctx;
  const history: HistoryRow[] = [];
  const messages: MessageRow[] = [];
  let setFields: Record<string, string> | null = null;
  const s: RunState = {
    state: "active",
    stepId: run.stepId,
    stepSeq: run.stepSeq,
    dueAt: run.dueAt,
    waitUntil: run.waitUntil,
    lastCall: (run.lastCall as LastCall | null) ?? null,
    stopReason: null,
    finishedAt: null,
  };
  const plan = (call: Plan["call"] = null): Plan => ({ run, history, next: s, setFields, messages, call });
  const end = (state: "completed" | "stopped" | "failed", reason: string) => {
    Object.assign(s, { state, stopReason: reason, finishedAt: now, dueAt: null, waitUntil: null });
    return plan();
  };
  const done = (type: string, status: string, result: Record<string, unknown>, goto: string | null, extra: Partial<HistoryRow> = {}) => {
    history.push({ seq: s.stepSeq + 1, stepId: s.stepId!, type, status, result, startedAt: now, finishedAt: now, ...extra });
    Object.assign(s, { stepSeq: s.stepSeq + 1, stepId: goto, dueAt: now, waitUntil: null });
  };

  for (let i = 0; i < MAX_STEPS_PER_PASS; i++) {
    if (!customer) return end("stopped", "customer_deleted");
    if (ctx.campaign.status === "completed") return end("stopped", "campaign_completed");
    if (ctx.dnc) return end("stopped", "dnc");
    if (ctx.campaign.status === "paused" || ctx.campaign.status === "draft") return plan();
    if (s.stepId === null) return end("completed", "end_of_workflow");
    if (s.stepSeq >= MAX_STEPS_PER_RUN) return end("failed", "step_limit");
    const step = definition.steps.find((x) => x.id === s.stepId);
    if (!step) return end("failed", `missing_step:${s.stepId}`);
    const following = followingStep(definition, step.id);
    const zone = effectiveZone(
      customer.timezone ?? (typeof customer.data.timezone === "string" ? customer.data.timezone : null),
      ctx.campaign.timezone,
    );

    switch (step.type) {
      case "call":
        return plan({ seq: s.stepSeq + 1, stepId: step.id, agentId: step.agentId, dispositionId: step.dispositionId ?? null });
      case "wait": {
        if (!s.waitUntil) {
          const until = waitEnd(step, now, zone, customer.data, s.lastCall?.extractedData ?? {});
          if (until.at > now) {
            Object.assign(s, { waitUntil: until.at, dueAt: until.at });
            return plan();
          }
          done("wait", "done", { waitedUntil: until.at.toISOString(), ...(until.note && { note: until.note }) }, following);
          break;
        }
        if (s.waitUntil > now) return plan();
        done("wait", "done", { waitedUntil: s.waitUntil.toISOString() }, following);
        break;
      }
      case "branch": {
        const groups = s.lastCall?.disposition
          ? (ctx.groupsByDisposition.get(s.lastCall.disposition.toLowerCase()) ?? new Set<string>())
          : new Set<string>();
        const choice = chooseBranch(step, s.lastCall, groups, following);
        done("branch", "done", { rule: choice.rule, goto: choice.goto, lastCallStatus: s.lastCall?.status ?? null }, choice.goto);
        break;
      }
      case "update": {
        const value = step.value ?? String(s.lastCall?.extractedData[step.fromExtracted!] ?? "");
        setFields = { ...(setFields ?? {}), [step.field]: value };
        customer.data = { ...customer.data, [step.field]: value };
        done("update", "done", { field: step.field, value }, following);
        break;
      }
      case "stop":
        done("stop", "done", { outcome: step.outcome ?? null }, null);
        return end("completed", step.outcome ?? "stop_step");
      case "sms":
      case "whatsapp": {
        const window = checkWindow(now, ctx.campaign, zone);
        if (!window.open && "opensAt" in window) {
          s.dueAt = window.opensAt; // quiet hours: the message waits for the window, never sent early
          return plan();
        }
        const template = ctx.templates.get(step.templateId);
        if (!window.open || !template) {
          done(step.type, "blocked", { reason: template ? (window as { never?: string }).never : "template_missing" }, following);
          break;
        }
        const id = newId();
        const runStepKey = `${run.id}:${s.stepSeq + 1}`;
        messages.push({
          id,
          channel: step.type,
          templateId: template.id,
          body: renderTemplate(template.body, customer),
          toPhone: customer.phoneE164,
          runStepKey,
          at: now,
        });
        done(step.type, "done", { messageId: id }, following, { messageId: id });
        break;
      }
    }
  }
  return plan();
}
