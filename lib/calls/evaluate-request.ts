import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { Forbidden, Invalid, NotFound } from "@/lib/domain/errors";
import { getCallSettings } from "@/lib/calls/call-settings";
import { assertCallerNumberAvailable } from "@/lib/calls/caller-numbers";
import { capUsage, dncBlocked, isDnc } from "@/lib/calls/call-checks";
import { assertAgentVariablesProvided, emptyStoredVariables, emptyVariablesReason } from "@/lib/agents/agent-variables";
import type { FieldSchema } from "@/lib/campaigns/field-schema";
import type { StoredCustomer } from "@/lib/customers/customer-columns";
import { effectiveZone, windowChecker, type WindowSpec } from "@/lib/calls/calling-window";
import {
  scheduleCallsInputSchema,
  type ScheduleCallsInput,
  type ScheduleError,
  type ScheduleErrorCode,
  type WaitReason,
} from "@/lib/calls/types";

// What a scheduleCalls request would do for each customer, written nowhere: preflightCalls
// reports it, scheduleCalls writes it. One function so the preview equals the outcome.

export type Verdict =
  | { kind: "accept"; notBefore: Date; wait: "now" | "window" | "paused" }
  /** Already scheduled by an earlier delivery of the same requestKey. */
  | { kind: "replay" }
  | { kind: "fail"; code: ScheduleErrorCode; reason: string };

/** The calls.waitReason of an accepted attempt. */
export function waitReasonOf(verdict: { wait: "now" | "window" | "paused" }): WaitReason | null {
  return verdict.wait === "now" ? null : verdict.wait === "paused" ? "campaign_paused" : "window";
}

export type EvaluatedCustomer = { customerId: string; identifier: string; phone: string; verdict: Verdict };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const REASONS: Record<ScheduleErrorCode, string> = {
  DNC_BLOCKED: "The number is on the Do-Not-Call list",
  FREQUENCY_CAP: "The number reached the organization's call attempts per 24 hours",
  CALL_IN_PROGRESS: "The customer already has a call scheduled or in progress",
  AGENT_INACTIVE: "The agent is inactive and takes no new calls",
  CUSTOMER_NOT_FOUND: "No such customer in this campaign",
  CAMPAIGN_ENDED: "The campaign's calling window never opens again (its end date has passed)",
  WINDOW_NEVER_OPENS: "The campaign's daily hours do not overlap the legal calling hours",
  MISSING_AGENT_VARIABLES: "The customer has no value for some of the agent's variables",
};

export async function evaluateRequest(ctx: DomainContext, input: ScheduleCallsInput) {
  const now = input.clock.now();
  // Raw `= ANY(array)`: one parameter for 10,000 ids (Prisma's `in` binds each, several times
  // slower). Only the record's `timezone` field leaves the database, not the whole record, and
  // whether the customer already has a live attempt is read in the same pass.
  const request = await loadCallRequest(
    ctx,
    input,
    now,
    (requested) =>
      db.$queryRaw<
        { id: string; identifier: string; phoneE164: string; timezone: string | null; dataZone: string | null; live: boolean }[]
      >`
      SELECT c.id::text, c.identifier, c."phoneE164", c.timezone,
             CASE WHEN jsonb_typeof(c.data -> 'timezone') = 'string' THEN c.data ->> 'timezone' END AS "dataZone",
             EXISTS (SELECT 1 FROM calls k WHERE k."customerId" = c.id AND k.state IN ('scheduled', 'dialing')) AS live
      FROM customers c
      WHERE c."campaignId" = ${input.campaignId} AND c.id = ANY(${requested.filter((id) => UUID.test(id))}::uuid[])`,
  );
  const { campaign, agent, schema, batch, requested, lookup: customers } = request;
  // The whole record leaves the database only when the agent's script needs some of its fields.
  const records =
    agent.variables.length === 0
      ? new Map<string, StoredCustomerRow>()
      : new Map(
          (
            await db.$queryRaw<StoredCustomerRow[]>`
              SELECT id::text, identifier, "phoneRaw", "phoneE164", "firstName", "lastName", language, "assignedTo", timezone, data
              FROM customers WHERE "campaignId" = ${campaign.id} AND id = ANY(${customers.map((c) => c.id)}::uuid[])`
          ).map((r) => [r.id, r]),
        );

  const byId = new Map(customers.map((c) => [c.id, c]));
  const ids = customers.map((c) => c.id);
  const phones = customers.map((c) => c.phoneE164);
  const [checks, replayed] = await Promise.all([
    numberChecks(ctx, campaign.id, phones, now),
    batch
      ? db.$queryRaw<{ customerId: string }[]>`
          SELECT "customerId"::text FROM calls WHERE "batchId" = ${batch.id} AND "customerId" = ANY(${ids}::uuid[])`
      : [],
  ]);
  const replaySet = new Set(replayed.map((c) => c.customerId));
  const verdictOf = verdicts(request, checks);

  const evaluated = requested.map((customerId): EvaluatedCustomer => {
    const customer = byId.get(customerId);
    if (!customer)
      return {
        customerId,
        identifier: "",
        phone: "",
        verdict: { kind: "fail", code: "CUSTOMER_NOT_FOUND", reason: REASONS.CUSTOMER_NOT_FOUND },
      };
    const base = { customerId, identifier: customer.identifier, phone: customer.phoneE164 };
    if (replaySet.has(customerId)) return { ...base, verdict: { kind: "replay" } };
    const record = records.get(customerId);
    return {
      ...base,
      verdict: verdictOf({
        phone: customer.phoneE164,
        zone: customer.timezone || customer.dataZone,
        live: customer.live,
        emptyVariables: record ? emptyStoredVariables(agent.variables, record, schema) : [],
      }),
    };
  });
  return { campaign, agent, batch, now, evaluated };
}

/**
 * The checks of the request itself, in the order they are written (campaign, agent, disposition,
 * caller number, the agent's variables against the campaign's fields), and what every verdict
 * needs. `lookup` (the caller's per-customer read) runs at the same time as the lookups that do
 * not depend on each other.
 */
export async function loadCallRequest<T>(
  ctx: DomainContext,
  input: ScheduleCallsInput,
  now: Date,
  lookup: (requested: string[]) => Promise<T>,
) {
  const parsed = scheduleCallsInputSchema.safeParse(input);
  if (!parsed.success)
    throw new Invalid("Invalid call request", { issues: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`) });
  const { campaignId, agentId, dispositionId, requestKey } = parsed.data;

  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign" });
  if (campaign.organizationId !== ctx.organizationId)
    throw new Forbidden("Campaign belongs to another organization", { resource: "campaign" });
  if (campaign.status === "completed") throw new Invalid("Campaign is completed: it places no new calls", { field: "campaignId" });
  const requested = [...new Set(parsed.data.customerIds)];
  const [agent, disposition, callerNumber, settings, batch, looked] = await Promise.all([
    db.agent.findFirst({ where: { id: agentId, organizationId: ctx.organizationId } }),
    dispositionId === null
      ? null
      : db.disposition.findFirst({ where: { id: dispositionId, organizationId: ctx.organizationId }, select: { id: true } }),
    assertCallerNumberAvailable(ctx.organizationId).then(
      () => null,
      (error: unknown) => ({ error }),
    ),
    getCallSettings(ctx.organizationId),
    requestKey
      ? db.callBatch.findUnique({
          where: { organizationId_requestKey: { organizationId: ctx.organizationId, requestKey } },
          select: { id: true },
        })
      : null,
    lookup(requested),
  ]);
  if (!agent) throw new NotFound("Agent not found", { resource: "agent", field: "agentId" });
  if (dispositionId !== null && !disposition)
    throw new NotFound("Disposition not found", { resource: "disposition", field: "dispositionId" });
  if (callerNumber) throw callerNumber.error;
  const schema = campaign.fieldSchema as unknown as FieldSchema;
  assertAgentVariablesProvided(agent, schema);
  return { campaign, agent, schema, settings, batch, now, requested, lookup: looked };
}

export type CallRequest = Omit<Awaited<ReturnType<typeof loadCallRequest>>, "lookup">;

/** DNC entries and the frequency cap's usage of the numbers (both read set-based). */
export async function numberChecks(ctx: DomainContext, campaignId: string, phones: string[], now: Date) {
  const [dnc, usage] = await Promise.all([
    dncBlocked(db, ctx.organizationId, [campaignId], phones),
    capUsage(db, ctx.organizationId, phones, now),
  ]);
  return { dnc, usage };
}

/** One customer's verdict, given what the request and the number checks read. */
export function verdicts(
  request: Pick<CallRequest, "campaign" | "settings" | "now"> & { agent: Pick<CallRequest["agent"], "active"> },
  checks: Awaited<ReturnType<typeof numberChecks>>,
) {
  const { campaign, agent, settings, now } = request;
  const spec: WindowSpec = campaign;
  const windowOf = windowChecker(now);
  const fail = (code: ScheduleErrorCode): Verdict => ({ kind: "fail", code, reason: REASONS[code] });
  return (customer: { phone: string; zone: string | null; live: boolean; emptyVariables: string[] }): Verdict => {
    if (!agent.active) return fail("AGENT_INACTIVE");
    if (isDnc(checks.dnc, campaign.id, customer.phone)) return fail("DNC_BLOCKED");
    if ((checks.usage.get(customer.phone)?.count ?? 0) >= settings.frequencyCap) return fail("FREQUENCY_CAP");
    if (customer.live) return fail("CALL_IN_PROGRESS");
    if (customer.emptyVariables.length > 0)
      return { kind: "fail", code: "MISSING_AGENT_VARIABLES", reason: emptyVariablesReason(customer.emptyVariables) };
    const window = windowOf(campaign.id, spec, effectiveZone(customer.zone, campaign.timezone));
    if (!window.open && "never" in window) return fail(window.never === "window_empty" ? "WINDOW_NEVER_OPENS" : "CAMPAIGN_ENDED");
    const notBefore = window.open ? now : window.opensAt;
    const wait = campaign.status !== "active" ? "paused" : window.open ? "now" : "window";
    return { kind: "accept", notBefore, wait };
  };
}

/** The whole record, for the agent variables check (data as the driver returns it). */
type StoredCustomerRow = Omit<StoredCustomer, "data"> & { timezone: string | null; data: unknown };

/** The customer's own time zone: the column, else a `timezone` field of the record. */
export function customerZone(customer: { timezone: string | null; data: unknown }): string | null {
  if (customer.timezone) return customer.timezone;
  const field = (customer.data as Record<string, unknown> | null)?.timezone;
  return typeof field === "string" ? field : null;
}

export function toScheduleError(c: EvaluatedCustomer): ScheduleError | null {
  return c.verdict.kind === "fail"
    ? { customerId: c.customerId, identifier: c.identifier, error: c.verdict.code, reason: c.verdict.reason }
    : null;
}
