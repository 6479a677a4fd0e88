import { db } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import type { DomainContext } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { capUsage, dncBlocked, isDnc } from "./call-checks";
import { checkWindow } from "./calling-window";
import { getCallSettings } from "./call-settings";
import { assertCallerNumberAvailable } from "./caller-numbers";
import { assertAgentVariablesProvided, emptyVariables, emptyVariablesReason } from "@/lib/agents/agent-variables";
import type { FieldSchema } from "@/lib/campaigns/field-schema";
import { emptyPreflight, type PreflightResult, type ScheduleError, type ScheduleErrorCode } from "./types";

// Preflight of "add these customers and call them" (bulk add with initiateCall and validateOnly):
// the customers do not exist yet, so preflightCalls cannot be asked about them. The same checks
// scheduleCalls runs, on the numbers they would have: agent active, DNC (global or campaign),
// the frequency cap, the calling window and the campaign's status. A new customer has no live
// call, so "in a call" never applies. The agent's variables: the campaign's fields must provide
// them (else MissingAgentVariables), and a record with an empty value for one would not be called.
// Writes nothing.

/** `values`: the record's fields as validated (their keys are the campaign's field keys). */
export type NewCustomer = { id: string; phoneE164: string; values?: Record<string, unknown> };

const REASONS: Partial<Record<ScheduleErrorCode, string>> = {
  DNC_BLOCKED: "The number is on the Do-Not-Call list",
  FREQUENCY_CAP: "The number reached the organization's call attempts per 24 hours",
  AGENT_INACTIVE: "The agent is inactive and takes no new calls",
  CAMPAIGN_ENDED: "The campaign's calling window never opens again (its end date has passed)",
  WINDOW_NEVER_OPENS: "The campaign's daily hours do not overlap the legal calling hours",
};
const BLOCKED: Partial<Record<ScheduleErrorCode, keyof PreflightResult["blocked"]>> = {
  DNC_BLOCKED: "dnc",
  FREQUENCY_CAP: "frequencyCap",
  AGENT_INACTIVE: "agentInactive",
  CAMPAIGN_ENDED: "campaignEnded",
  WINDOW_NEVER_OPENS: "windowNeverOpens",
  MISSING_AGENT_VARIABLES: "missingAgentVariables",
};

export async function preflightNewCustomers(
  ctx: DomainContext,
  input: { campaignId: string; agentId: string; customers: NewCustomer[]; clock: Clock },
): Promise<PreflightResult> {
  const now = input.clock.now();
  const campaign = await db.campaign.findFirst({ where: { id: input.campaignId, organizationId: ctx.organizationId } });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign" });
  const agent = await db.agent.findFirst({
    where: { id: input.agentId, organizationId: ctx.organizationId },
    select: { active: true, variables: true },
  });
  if (!agent) throw new NotFound("Agent not found", { resource: "agent", field: "agentId" });
  await assertCallerNumberAvailable(ctx.organizationId);
  const schema = campaign.fieldSchema as unknown as FieldSchema;
  assertAgentVariablesProvided(agent, schema);
  const phones = input.customers.map((c) => c.phoneE164);
  const [settings, dnc, usage] = await Promise.all([
    getCallSettings(ctx.organizationId),
    dncBlocked(db, ctx.organizationId, [campaign.id], phones),
    capUsage(db, ctx.organizationId, phones, now),
  ]);
  const window = checkWindow(now, campaign);

  const result = emptyPreflight(input.customers.length);
  for (const customer of input.customers) {
    const empty =
      agent.active && customer.values ? emptyVariables(agent.variables, newCustomerRecord(customer.values, customer.id, schema)) : [];
    const code: ScheduleErrorCode | null = !agent.active
      ? "AGENT_INACTIVE"
      : isDnc(dnc, campaign.id, customer.phoneE164)
        ? "DNC_BLOCKED"
        : (usage.get(customer.phoneE164)?.count ?? 0) >= settings.frequencyCap
          ? "FREQUENCY_CAP"
          : empty.length > 0
            ? "MISSING_AGENT_VARIABLES"
            : !window.open && "never" in window
              ? window.never === "window_empty"
                ? "WINDOW_NEVER_OPENS"
                : "CAMPAIGN_ENDED"
              : null;
    if (code) {
      result.wouldFail++;
      result.blocked[BLOCKED[code]!]++;
      const reason = code === "MISSING_AGENT_VARIABLES" ? emptyVariablesReason(empty) : REASONS[code]!;
      result.errors.push({ customerId: "", identifier: customer.id, error: code, reason } satisfies ScheduleError);
      continue;
    }
    result.wouldInitiate++;
    if (campaign.status !== "active") result.waitForResume++;
    else if (window.open) result.dialNow++;
    else if ("opensAt" in window) {
      result.waitForWindow++;
      result.windowOpensAt = window.opensAt;
    }
  }
  return result;
}

/** The record as a client sent it, with its identifier (a generated lead_id is not among the values). */
export function newCustomerRecord(values: Record<string, unknown>, id: string, schema: FieldSchema): Record<string, unknown> {
  return schema.identifierKey === null ? values : { ...values, [schema.identifierKey]: id };
}
