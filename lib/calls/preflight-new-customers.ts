import { db } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import type { DomainContext } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { getCallSettings } from "./call-settings";
import { assertCallerNumberAvailable } from "./caller-numbers";
import { numberChecks, verdicts, type EvaluatedCustomer } from "./evaluate-request";
import { tallyPreflight } from "./preflight-calls";
import { assertAgentVariablesProvided, emptyVariables } from "@/lib/agents/agent-variables";
import type { FieldSchema } from "@/lib/campaigns/field-schema";
import type { PreflightResult } from "./types";

// Preflight of "add these customers and call them" (bulk add with initiateCall and validateOnly):
// the customers do not exist yet, so preflightCalls cannot be asked about them. The same checks
// scheduleCalls runs, on the numbers they would have: agent active, DNC (global or campaign),
// the frequency cap, the calling window and the campaign's status. A new customer has no live
// call, so "in a call" never applies; a record's own `timezone` wins over the campaign's, as when
// the calls are accepted (one verdict chain: evaluate-request's verdicts). The agent's variables: the campaign's fields must provide
// them (else MissingAgentVariables), and a record with an empty value for one would not be called.
// Writes nothing.

/** `values`: the record's fields as validated (their keys are the campaign's field keys). */
export type NewCustomer = { id: string; phoneE164: string; values?: Record<string, unknown> };

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
  const [settings, checks] = await Promise.all([
    getCallSettings(ctx.organizationId),
    numberChecks(
      ctx,
      campaign.id,
      input.customers.map((c) => c.phoneE164),
      now,
    ),
  ]);
  // The verdicts acceptNewCustomerCalls gives the same records (a new customer has no live call).
  const verdictOf = verdicts({ campaign, agent, settings, now }, checks);
  return tallyPreflight(
    input.customers.map((customer): EvaluatedCustomer => {
      const values = customer.values;
      const empty = values ? emptyVariables(agent.variables, newCustomerRecord(values, customer.id, schema)) : [];
      const zone = typeof values?.timezone === "string" ? values.timezone : null;
      const verdict = verdictOf({ phone: customer.phoneE164, zone, live: false, emptyVariables: empty });
      return { customerId: "", identifier: customer.id, phone: customer.phoneE164, verdict };
    }),
  );
}

/** The record as a client sent it, with its identifier (a generated lead_id is not among the values). */
export function newCustomerRecord(values: Record<string, unknown>, id: string, schema: FieldSchema): Record<string, unknown> {
  return schema.identifierKey === null ? values : { ...values, [schema.identifierKey]: id };
}
