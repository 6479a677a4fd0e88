import type { CallViewStatus } from "@/lib/calls/call-list";

// Words for the calls domain's codes, shared by the table and the detail panel.

export const STATUS_BADGE: Record<CallViewStatus, string> = {
  Contacted: "badge-success",
  "No Contact": "badge-warning",
  Failed: "badge-danger",
  "In progress": "badge-info",
  Waiting: "badge-neutral",
  Blocked: "badge-danger",
  Cancelled: "badge-neutral",
};

export const WAIT_REASON: Record<string, string> = {
  window: "waiting for the calling window",
  campaign_paused: "waiting: the campaign is paused",
  concurrency: "waiting for a free line",
  phone_busy: "waiting: the number is already on a call",
  dialer_retry: "waiting to retry the dialer",
};

export const BLOCK_REASON: Record<string, string> = {
  dnc: "the number is on the do-not-call list",
  frequency_cap: "the number reached the limit of attempts per 24 hours",
  window_closed_campaign_ended: "the campaign's dates are over",
  window_empty: "the campaign's hours fall outside the legal calling hours",
  agent_inactive: "the agent is inactive",
  campaign_completed: "the campaign was completed",
  no_active_caller_number: "every caller number of the organization is deactivated",
  call_in_progress: "the customer already had a call scheduled or in progress",
};

export function customerName(customer: { firstName: string | null; lastName: string | null; identifier: string }) {
  return [customer.firstName, customer.lastName].filter(Boolean).join(" ") || customer.identifier;
}

export function formatDuration(seconds: number | null) {
  if (seconds == null) return "—";
  const m = Math.floor(seconds / 60);
  return m > 0 ? `${m}m ${String(seconds % 60).padStart(2, "0")}s` : `${seconds}s`;
}

/** The reason in a few words, under the status in the list. */
export const SHORT_REASON: Record<string, string> = {
  dnc: "do-not-call list",
  frequency_cap: "24 h attempt limit",
  window_closed_campaign_ended: "campaign ended",
  window_empty: "no legal hours",
  agent_inactive: "agent inactive",
  campaign_completed: "campaign completed",
  call_in_progress: "already in a call",
  window: "calling window",
  campaign_paused: "campaign paused",
  concurrency: "line busy",
  phone_busy: "number on a call",
  dialer_retry: "dialer retry",
};
