import { scheduleCalls } from "@/lib/calls/schedule-calls";
import { acceptNewCustomerCalls } from "@/lib/calls/accept-new-customers";
import type { ScheduleCallsResult } from "@/lib/calls/types";
import { preflightNewCustomers } from "@/lib/calls/preflight-new-customers";
import type { Clock } from "@/lib/domain/clock";
import type { DomainContext } from "@/lib/domain/context";
import { DomainError } from "@/lib/domain/errors";
import { MissingAgentVariables } from "@/lib/agents/agent-variables";
import { callErrors, type CallError } from "./call-results";
import { missingAgentVariablesMessage } from "./agent-variables";

// `initiateCall` of TimePay's customer routes: after every record is added, the customers
// actually added are handed to the calls domain (which schedules them in batches of 500 and
// checks each again at dial time). `initiated` counts attempts accepted for dialing, also those
// waiting for the window (then `scheduledFor` says until when — an addition to the seed's shape);
// a customer that cannot be called counts in `failed` with `{id, error, reason}`.

export type CallConfig = { agentId: string; dispositionId: string };
/** `values`: the record's fields (the agent's variables and the customer's `timezone` are read from them). */
export type AddedCustomer = { id: string; customerId: string | null; phoneE164: string; values?: Record<string, unknown> };

export type CallResults = { totalRequested: number; initiated: number; failed: number; errors: CallError[]; scheduledFor?: string };

type AddedCallsInput = { campaignId: string; callConfig: CallConfig; customers: AddedCustomer[]; requestKey: string; clock: Clock };

export const callsMessage = (initiated: number) => ` | Calls initiated for ${initiated} customers`;

export async function callAddedCustomers(ctx: DomainContext, input: AddedCallsInput): Promise<CallResults> {
  return callResults(input.customers, (customers) =>
    scheduleCalls(ctx, {
      campaignId: input.campaignId,
      customerIds: customers.map((c) => c.customerId),
      agentId: input.callConfig.agentId,
      dispositionId: input.callConfig.dispositionId,
      requestKey: input.requestKey,
      clock: input.clock,
    }),
  );
}

/**
 * Bulk add: the same answer, but the attempts are written after the response by the calls-expand
 * worker (the customers were created by this request, so their verdicts need no attempt lookups).
 */
export async function acceptAddedCustomerCalls(ctx: DomainContext, input: AddedCallsInput): Promise<CallResults> {
  return callResults(input.customers, (customers) =>
    acceptNewCustomerCalls(ctx, {
      campaignId: input.campaignId,
      customers: customers.map((c) => ({ customerId: c.customerId, identifier: c.id, phoneE164: c.phoneE164, values: c.values ?? {} })),
      agentId: input.callConfig.agentId,
      dispositionId: input.callConfig.dispositionId,
      requestKey: input.requestKey,
      clock: input.clock,
    }),
  );
}

/** Validate-only: what calling the records that would be added would do, per reason. */
export async function preflightAddedCustomers(
  ctx: DomainContext,
  input: { campaignId: string; callConfig: CallConfig; customers: AddedCustomer[]; clock: Clock },
) {
  const result = await preflightNewCustomers(ctx, {
    campaignId: input.campaignId,
    agentId: input.callConfig.agentId,
    customers: input.customers,
    clock: input.clock,
  });
  return {
    totalRequested: result.totalRequested,
    wouldInitiate: result.wouldInitiate,
    wouldFail: result.wouldFail,
    dialNow: result.dialNow,
    waitForWindow: result.waitForWindow,
    windowOpensAt: result.windowOpensAt?.toISOString() ?? null,
    waitForResume: result.waitForResume,
    blocked: result.blocked,
    errors: callErrors(result.errors),
  };
}

async function callResults(
  added: AddedCustomer[],
  schedule: (customers: (AddedCustomer & { customerId: string })[]) => Promise<ScheduleCallsResult>,
): Promise<CallResults> {
  const customers = added.filter((c): c is AddedCustomer & { customerId: string } => c.customerId !== null);
  if (customers.length === 0) return { totalRequested: 0, initiated: 0, failed: 0, errors: [] };
  try {
    const result = await schedule(customers);
    return {
      totalRequested: result.totalRequested,
      initiated: result.initiated,
      failed: result.failed,
      errors: callErrors(result.errors),
      ...(result.scheduledFor && { scheduledFor: result.scheduledFor.toISOString() }),
    };
  } catch (error) {
    // The records are added either way; say why none of them will be called.
    if (!(error instanceof DomainError)) throw error;
    const missing = error instanceof MissingAgentVariables;
    const code = missing ? "MISSING_AGENT_VARIABLES" : error.kind === "invalid" ? "CALLS_REFUSED" : "CALL_TARGET_NOT_FOUND";
    const reason = missing ? missingAgentVariablesMessage(error.missing) : error.message;
    return {
      totalRequested: customers.length,
      initiated: 0,
      failed: customers.length,
      errors: customers.map((c) => ({ id: c.id, error: code, reason })),
    };
  }
}
