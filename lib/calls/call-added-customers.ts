import type { Clock } from "@/lib/domain/clock";
import type { DomainContext } from "@/lib/domain/context";
import { DomainError } from "@/lib/domain/errors";
import { scheduleCalls } from "./schedule-calls";
import type { ScheduleCallsResult } from "./types";

// "Add and start calls" of the upload wizard: each chunk's customers actually added are scheduled
// under one request key per upload job, so a retried chunk calls nobody twice. The rows are added
// whatever happens to the calls: a refusal (a completed campaign) is reported, not thrown.

export type AddedCallsOutcome = { requested: number; result: ScheduleCallsResult | null; refused: string | null };

export async function callAddedCustomers(
  ctx: DomainContext,
  input: { campaignId: string; agentId: string; dispositionId: string; customerIds: string[]; requestKey: string; clock: Clock },
): Promise<AddedCallsOutcome> {
  if (input.customerIds.length === 0) return { requested: 0, result: null, refused: null };
  try {
    const { campaignId, agentId, dispositionId, customerIds, requestKey, clock } = input;
    return {
      requested: customerIds.length,
      result: await scheduleCalls(ctx, { campaignId, customerIds, agentId, dispositionId, requestKey, clock }),
      refused: null,
    };
  } catch (error) {
    if (error instanceof DomainError) return { requested: input.customerIds.length, result: null, refused: error.message };
    throw error;
  }
}
