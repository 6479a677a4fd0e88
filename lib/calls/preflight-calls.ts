import type { DomainContext } from "@/lib/domain/context";
import { evaluateRequest, toScheduleError, type EvaluatedCustomer } from "@/lib/calls/evaluate-request";
import { emptyPreflight, type PreflightResult, type ScheduleCallsInput, type ScheduleErrorCode } from "@/lib/calls/types";

// What scheduleCalls would do with the same input at the same instant, per reason; writes
// nothing. It runs the very checks scheduleCalls runs (evaluateRequest).

const BLOCKED_KEY: Record<ScheduleErrorCode, keyof PreflightResult["blocked"]> = {
  DNC_BLOCKED: "dnc",
  FREQUENCY_CAP: "frequencyCap",
  CALL_IN_PROGRESS: "callInProgress",
  AGENT_INACTIVE: "agentInactive",
  CUSTOMER_NOT_FOUND: "customerNotFound",
  CAMPAIGN_ENDED: "campaignEnded",
  WINDOW_NEVER_OPENS: "windowNeverOpens",
  MISSING_AGENT_VARIABLES: "missingAgentVariables",
};

export async function preflightCalls(ctx: DomainContext, input: ScheduleCallsInput): Promise<PreflightResult> {
  const { evaluated } = await evaluateRequest(ctx, input);
  return tallyPreflight(evaluated);
}

/** The verdicts counted per reason (also of customers a bulk add would create: preflightNewCustomers). */
export function tallyPreflight(evaluated: EvaluatedCustomer[]): PreflightResult {
  const result = emptyPreflight(evaluated.length);
  for (const c of evaluated) {
    const v = c.verdict;
    if (v.kind === "fail") {
      result.wouldFail++;
      result.blocked[BLOCKED_KEY[v.code]]++;
      result.errors.push(toScheduleError(c)!);
      continue;
    }
    result.wouldInitiate++;
    // A replayed request key adds nothing: its attempts already exist and count as initiated.
    if (v.kind === "replay") continue;
    if (v.wait === "now") result.dialNow++;
    else if (v.wait === "paused") result.waitForResume++;
    else {
      result.waitForWindow++;
      if (!result.windowOpensAt || v.notBefore < result.windowOpensAt) result.windowOpensAt = v.notBefore;
    }
  }
  return result;
}
