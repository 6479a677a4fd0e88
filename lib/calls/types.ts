import { z } from "zod";
import type { Clock } from "@/lib/domain/clock";

// The calls domain's public shapes. zod is the source of truth; every type is z.infer of a schema
// (or a plain result type the domain returns). Nothing here knows about HTTP or a contract.

/** A call's result as providers and TimePay report it. */
export const CALL_RESULT_STATUSES = ["Contacted", "No Contact", "Failed"] as const;
export const callResultStatusSchema = z.enum(CALL_RESULT_STATUSES);
export type CallResultStatus = z.infer<typeof callResultStatusSchema>;

// The attempt state machine (the database enum CallState): scheduled -> dialing -> completed | failed | blocked | cancelled.

/** Why an attempt ended `blocked` (or `cancelled`), stored in calls.blockedReason. */
export const BLOCK_REASONS = [
  "dnc", // an active global or campaign DNC entry matched the number at dial time
  "frequency_cap", // the number reached the organization's attempts per rolling 24 h
  "window_closed_campaign_ended", // the campaign's dates are over: the window never opens again
  "window_empty", // campaign hours ∩ legal hours is empty: the window never opens
  "agent_inactive", // the attempt's agent was deactivated
  "campaign_completed", // (cancelled) the campaign was completed before the attempt was dialled
  "no_active_caller_number", // the organization has caller numbers and every one was deactivated
  "call_in_progress", // (cancelled) accepted in a batch, but another request gave the customer a live attempt before it was written
] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

/** Why a scheduled attempt is still waiting (calls.waitReason), for screens. */
export const WAIT_REASONS = ["window", "campaign_paused", "retry_delay", "dialer_retry"] as const;
export type WaitReason = (typeof WAIT_REASONS)[number];

/** Per-customer codes in scheduleCalls' `errors` (the customer counts in `failed`). */
export const SCHEDULE_ERROR_CODES = [
  "DNC_BLOCKED",
  "FREQUENCY_CAP",
  "CALL_IN_PROGRESS",
  "AGENT_INACTIVE",
  "CUSTOMER_NOT_FOUND",
  "CAMPAIGN_ENDED",
  "WINDOW_NEVER_OPENS",
  /** The customer has no value for one of the agent's variables (the reason names them). */
  "MISSING_AGENT_VARIABLES",
] as const;
export type ScheduleErrorCode = (typeof SCHEDULE_ERROR_CODES)[number];

export const scheduleCallsInputSchema = z.object({
  campaignId: z.string().min(1),
  /** Customer row ids (customers.id, uuid) of the campaign, in the order to dial. */
  customerIds: z.array(z.string().min(1)),
  agentId: z.string().min(1),
  dispositionId: z.string().min(1).nullable(),
  /** Makes the request idempotent: the same key never creates a second attempt for a customer. */
  requestKey: z.string().min(1).max(255).optional(),
});
export type ScheduleCallsInput = z.infer<typeof scheduleCallsInputSchema> & { clock: Clock };

export type ScheduleError = {
  customerId: string;
  /** The customer's loan_id / lead_id / identifier ("" when the customer was not found). */
  identifier: string;
  error: ScheduleErrorCode;
  reason: string;
};

export type ScheduleCallsResult = {
  totalRequested: number;
  /** Attempts accepted for dialing, including those waiting for the window or a paused campaign. */
  initiated: number;
  failed: number;
  batchesProcessed: number;
  /** The earliest window opening among attempts that must wait for it; null when none waits. */
  scheduledFor: Date | null;
  errors: ScheduleError[];
  /** The CallBatch row of this request. */
  batchId: string | null;
};

export type PreflightResult = {
  totalRequested: number;
  /** Would be accepted (= dialNow + waitForWindow + waitForResume). */
  wouldInitiate: number;
  wouldFail: number;
  /** Inside the window now, campaign active: dialled as soon as concurrency allows. */
  dialNow: number;
  /** Outside the window now; dialled when it opens (earliest opening in windowOpensAt). */
  waitForWindow: number;
  windowOpensAt: Date | null;
  /** The campaign is paused (or draft): dialled after it is resumed. */
  waitForResume: number;
  blocked: {
    dnc: number;
    frequencyCap: number;
    callInProgress: number;
    agentInactive: number;
    customerNotFound: number;
    campaignEnded: number;
    windowNeverOpens: number;
    /** No value for one of the agent's variables. */
    missingAgentVariables: number;
  };
  /** The same entries scheduleCalls would return. */
  errors: ScheduleError[];
};

/** A preflight that has counted nobody yet. */
export function emptyPreflight(totalRequested: number): PreflightResult {
  return {
    totalRequested,
    wouldInitiate: 0,
    wouldFail: 0,
    dialNow: 0,
    waitForWindow: 0,
    windowOpensAt: null,
    waitForResume: 0,
    blocked: {
      dnc: 0,
      frequencyCap: 0,
      callInProgress: 0,
      agentInactive: 0,
      customerNotFound: 0,
      campaignEnded: 0,
      windowNeverOpens: 0,
      missingAgentVariables: 0,
    },
    errors: [],
  };
}

export const callResultInputSchema = z.object({
  providerCallId: z.string().min(1).max(255),
  status: callResultStatusSchema,
  disposition: z.string().max(200).nullable().optional(),
  duration: z.number().int().min(0).nullable().optional(),
  startedAt: z.coerce.date().nullable().optional(),
  endedAt: z.coerce.date().nullable().optional(),
  summary: z.string().max(20_000).nullable().optional(),
  extractedData: z.record(z.string(), z.unknown()).nullable().optional(),
  recordingId: z.string().max(255).nullable().optional(),
  transcriptId: z.string().max(255).nullable().optional(),
  fromPhone: z.string().max(32).nullable().optional(),
  /**
   * Our call id (calls.id), when the provider echoes it: binds a result that arrives before the
   * dialer stored the provider call id (out of order).
   */
  attemptId: z.string().uuid().optional(),
});
export type CallResultInput = z.infer<typeof callResultInputSchema> & { clock: Clock };

export type RecordResultOutcome =
  | { outcome: "updated"; callId: string; state: "completed" | "failed"; retry: { callId: string; notBefore: Date } | null }
  | { outcome: "unchanged"; callId: string }
  | { outcome: "not_found" };

/** Events written to call_events in the transaction of the change (lib/calls/call-events.ts). */
export const CALL_EVENT_TYPES = ["call.result", "call.blocked", "call.cancelled"] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

export type CallEventRecord = {
  id: bigint;
  organizationId: string;
  callId: string;
  type: CallEventType;
  /** The result status for call.result, the block reason for call.blocked / call.cancelled. */
  status: string | null;
};

export type DispatchReport = {
  /** Attempts moved scheduled -> dialing and handed to the dialer. */
  dialed: number;
  /** Dialer accepted (provider call id stored). */
  placed: number;
  /** Rescheduled: outside the window, paused, over concurrency, phone busy, retryable dialer error. */
  waiting: number;
  blocked: number;
  cancelled: number;
  /** Permanent dialer errors and exhausted retryable ones (-> failed, retried by policy). */
  failed: number;
  /** Dialing attempts whose worker died before the dialer answered (-> failed, retried by policy). */
  recovered: number;
};
