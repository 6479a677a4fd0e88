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
import { scheduleCallsInputSchema, type ScheduleCallsInput, type ScheduleError, type ScheduleErrorCode } from "@/lib/calls/types";

// What a scheduleCalls request would do for each customer, written nowhere: preflightCalls
// reports it, scheduleCalls writes it. One function so the preview equals the outcome.

export type Verdict =
  | { kind: "accept"; notBefore: Date; wait: "now" | "window" | "paused" }
  /** Already scheduled by an earlier delivery of the same requestKey. */
  | { kind: "replay" }
  | { kind: "fail"; code: ScheduleErrorCode; reason: string };

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
  const parsed = scheduleCallsInputSchema.safeParse(input);
  if (!parsed.success)
    throw new Invalid("Invalid call request", { issues: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`) });
  const { campaignId, agentId, dispositionId, requestKey } = parsed.data;
  const now = input.clock.now();

  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign" });
  if (campaign.organizationId !== ctx.organizationId)
    throw new Forbidden("Campaign belongs to another organization", { resource: "campaign" });
  if (campaign.status === "completed") throw new Invalid("Campaign is completed: it places no new calls", { field: "campaignId" });
  const requested = [...new Set(parsed.data.customerIds)];
  // The lookups that do not depend on each other run at once; their refusals are raised in the
  // order the checks are written (agent, disposition, caller number).
  const [agent, disposition, callerNumber, customers, settings, batch] = await Promise.all([
    db.agent.findFirst({ where: { id: agentId, organizationId: ctx.organizationId } }),
    dispositionId === null
      ? null
      : db.disposition.findFirst({ where: { id: dispositionId, organizationId: ctx.organizationId }, select: { id: true } }),
    assertCallerNumberAvailable(ctx.organizationId).then(
      () => null,
      (error: unknown) => ({ error }),
    ),
    // Raw `= ANY(array)`: one parameter for 10,000 ids (Prisma's `in` binds each, several times
    // slower). Only the record's `timezone` field leaves the database, not the whole record, and
    // whether the customer already has a live attempt is read in the same pass.
    db.$queryRaw<{ id: string; identifier: string; phoneE164: string; timezone: string | null; dataZone: string | null; live: boolean }[]>`
      SELECT c.id::text, c.identifier, c."phoneE164", c.timezone,
             CASE WHEN jsonb_typeof(c.data -> 'timezone') = 'string' THEN c.data ->> 'timezone' END AS "dataZone",
             EXISTS (SELECT 1 FROM calls k WHERE k."customerId" = c.id AND k.state IN ('scheduled', 'dialing')) AS live
      FROM customers c
      WHERE c."campaignId" = ${campaignId} AND c.id = ANY(${requested.filter((id) => UUID.test(id))}::uuid[])`,
    getCallSettings(ctx.organizationId),
    requestKey
      ? db.callBatch.findUnique({ where: { organizationId_requestKey: { organizationId: ctx.organizationId, requestKey } } })
      : null,
  ]);
  if (!agent) throw new NotFound("Agent not found", { resource: "agent", field: "agentId" });
  if (dispositionId !== null && !disposition)
    throw new NotFound("Disposition not found", { resource: "disposition", field: "dispositionId" });
  if (callerNumber) throw callerNumber.error;
  const schema = campaign.fieldSchema as unknown as FieldSchema;
  assertAgentVariablesProvided(agent, schema);
  // The whole record leaves the database only when the agent's script needs some of its fields.
  const records =
    agent.variables.length === 0
      ? new Map<string, StoredCustomerRow>()
      : new Map(
          (
            await db.$queryRaw<StoredCustomerRow[]>`
              SELECT id::text, identifier, "phoneRaw", "phoneE164", "firstName", "lastName", language, "assignedTo", timezone, data
              FROM customers WHERE "campaignId" = ${campaignId} AND id = ANY(${customers.map((c) => c.id)}::uuid[])`
          ).map((r) => [r.id, r]),
        );

  const byId = new Map(customers.map((c) => [c.id, c]));
  const ids = customers.map((c) => c.id);
  const phones = customers.map((c) => c.phoneE164);
  const [dnc, usage, replayed] = await Promise.all([
    dncBlocked(db, ctx.organizationId, [campaignId], phones),
    capUsage(db, ctx.organizationId, phones, now),
    batch
      ? db.$queryRaw<{ customerId: string }[]>`
          SELECT "customerId"::text FROM calls WHERE "batchId" = ${batch.id} AND "customerId" = ANY(${ids}::uuid[])`
      : [],
  ]);
  const replaySet = new Set(replayed.map((c) => c.customerId));
  const spec: WindowSpec = campaign;
  const windowOf = windowChecker(now);

  const evaluated = requested.map((customerId): EvaluatedCustomer => {
    const customer = byId.get(customerId);
    const fail = (code: ScheduleErrorCode): Verdict => ({ kind: "fail", code, reason: REASONS[code] });
    if (!customer) return { customerId, identifier: "", phone: "", verdict: fail("CUSTOMER_NOT_FOUND") };
    const base = { customerId, identifier: customer.identifier, phone: customer.phoneE164 };
    if (replaySet.has(customerId)) return { ...base, verdict: { kind: "replay" } };
    if (!agent.active) return { ...base, verdict: fail("AGENT_INACTIVE") };
    if (isDnc(dnc, campaignId, customer.phoneE164)) return { ...base, verdict: fail("DNC_BLOCKED") };
    if ((usage.get(customer.phoneE164)?.count ?? 0) >= settings.frequencyCap) return { ...base, verdict: fail("FREQUENCY_CAP") };
    if (customer.live) return { ...base, verdict: fail("CALL_IN_PROGRESS") };
    const record = records.get(customerId);
    const empty = record ? emptyStoredVariables(agent.variables, record, schema) : [];
    if (empty.length > 0)
      return { ...base, verdict: { kind: "fail", code: "MISSING_AGENT_VARIABLES", reason: emptyVariablesReason(empty) } };
    const window = windowOf(campaign.id, spec, effectiveZone(customer.timezone || customer.dataZone, campaign.timezone));
    if (!window.open && "never" in window)
      return { ...base, verdict: fail(window.never === "window_empty" ? "WINDOW_NEVER_OPENS" : "CAMPAIGN_ENDED") };
    const notBefore = window.open ? now : window.opensAt;
    const wait = campaign.status !== "active" ? "paused" : window.open ? "now" : "window";
    return { ...base, verdict: { kind: "accept", notBefore, wait } };
  });
  return { campaign, agent, batch, now, evaluated };
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
