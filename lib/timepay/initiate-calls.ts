import type { AuthContext } from "@/lib/api/authenticate";
import type { ApiResult } from "@/lib/api/with-api";
import { db } from "@/lib/db/client";
import { systemClock, type Clock } from "@/lib/domain/clock";
import { NotFound } from "@/lib/domain/errors";
import { preflightCalls } from "@/lib/calls/preflight-calls";
import { scheduleCalls } from "@/lib/calls/schedule-calls";
import { selectCustomers, type CustomerFilters } from "@/lib/calls/select-customers";
import type { PreflightResult, ScheduleCallsResult } from "@/lib/calls/types";
import type { FieldSchema } from "@/lib/campaigns/field-schema";
import type { InitiateCallsBody } from "./initiate-calls-body";
import { callErrors } from "./call-results";
import { timepayContext } from "./context";

// TimePay's Initiate Call(s) (§2.4): select the campaign's customers by the filters (AND), take
// `limit`, and schedule one call each through the calls domain, which checks every attempt again
// at dial time. 200 all initiated · 207 some · 500 none · 404 campaign, agent, disposition or
// customers not found (also another organization's) · 400 validation. `?validateOnly=true`
// answers what would happen, per reason, and writes nothing.

type Options = { validateOnly: boolean; idempotencyKey: string | null; clock?: Clock };

export async function initiateCalls(auth: AuthContext, campaignId: string, body: InitiateCallsBody, options: Options): Promise<ApiResult> {
  const ctx = timepayContext(auth);
  const clock = options.clock ?? systemClock;
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, organizationId: auth.organizationId },
    select: { id: true, fieldSchema: true },
  });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign" });

  const identifierKey = (campaign.fieldSchema as unknown as FieldSchema).identifierKey;
  const selection = await selectCustomers({ id: campaign.id, identifierKey }, filtersOf(body), body.limit);
  const request = {
    campaignId: campaign.id,
    customerIds: selection.customerIds,
    agentId: body.agentId,
    dispositionId: body.dispositionId,
    clock,
  };
  if (selection.customerIds.length === 0) {
    // The agent and disposition are checked first: a wrong agentId is a 404 of its own.
    await preflightCalls(ctx, request);
    throw new NotFound("No customers found matching the filters", { resource: "customer" });
  }

  if (options.validateOnly) return preflightResponse(selection.totalMatched, await preflightCalls(ctx, request));
  const requestKey = options.idempotencyKey ? `initiate:${options.idempotencyKey}` : undefined;
  return initiateResponse(selection.totalMatched, await scheduleCalls(ctx, { ...request, requestKey }));
}

function initiateResponse(totalMatched: number, result: ScheduleCallsResult): ApiResult {
  const selected = result.totalRequested;
  const status = result.failed === 0 ? 200 : result.initiated > 0 ? 207 : 500;
  return {
    status,
    body: {
      success: result.failed === 0,
      message: `Calls initiated for ${result.initiated} customers`,
      results: {
        totalMatched,
        customersSelected: selected,
        initiated: result.initiated,
        failed: result.failed,
        batchesProcessed: result.batchesProcessed,
        errors: callErrors(result.errors),
        ...(result.scheduledFor && { scheduledFor: result.scheduledFor.toISOString() }),
      },
    },
  };
}

function preflightResponse(totalMatched: number, result: PreflightResult): ApiResult {
  return {
    status: 200,
    body: {
      success: result.wouldFail === 0,
      validateOnly: true,
      message: `Validated ${result.totalRequested} customers: ${result.wouldInitiate} would be called`,
      results: {
        totalMatched,
        customersSelected: result.totalRequested,
        wouldInitiate: result.wouldInitiate,
        wouldFail: result.wouldFail,
        dialNow: result.dialNow,
        waitForWindow: result.waitForWindow,
        windowOpensAt: result.windowOpensAt?.toISOString() ?? null,
        waitForResume: result.waitForResume,
        blocked: result.blocked,
        errors: callErrors(result.errors),
      },
    },
  };
}

function filtersOf(body: InitiateCallsBody): CustomerFilters {
  const f = body.filters ?? {};
  return {
    ids: f.ids,
    excludeIds: f.exclude_ids,
    paymentStatus: f.payment_status === undefined ? undefined : Array.isArray(f.payment_status) ? f.payment_status : [f.payment_status],
    language: f.language,
    custom: f.custom,
  };
}
