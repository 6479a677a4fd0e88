import type { ApiResult } from "@/lib/api/with-api";
import { addCustomers } from "@/lib/customers/add-customers";
import { customerCampaign } from "@/lib/customers/customer-campaign";
import type { DomainContext } from "@/lib/domain/context";
import type { BulkAddBody } from "./customer-bodies";
import { bulkAddResponse } from "./bulk-add-response";
import { acceptAddedCustomerCalls, preflightAddedCustomers } from "./customer-calls";
import { systemClock, type Clock } from "@/lib/domain/clock";
import { assertCallerNumberAvailable } from "@/lib/calls/caller-numbers";
import { bulkAddCallsKey } from "@/lib/calls/upload-call-keys";

// TimePay's Bulk Add Customers: the domain adds the records, this answers as the seed writes it.
// With initiateCall, the customers actually added are called once every record is in: the answer
// is final, their attempts are written right after it by the calls-expand worker.

export async function bulkAddCustomers(
  ctx: DomainContext,
  body: BulkAddBody,
  validateOnly: boolean,
  clock: Clock = systemClock,
): Promise<ApiResult> {
  const campaign = await customerCampaign(ctx, body.campaignId);
  // Before any record is added: with calls asked for and no number to call from, nothing is done (400).
  if (body.initiateCall) await assertCallerNumberAvailable(ctx.organizationId);
  const outcome = await addCustomers(ctx, campaign, { records: body.records, callOptions: body, validateOnly });
  const callConfig = body.initiateCall ? body.callConfig : undefined;
  const calls = !callConfig
    ? undefined
    : validateOnly
      ? { preflight: await preflightAddedCustomers(ctx, { campaignId: campaign.id, callConfig, customers: outcome.addedCustomers, clock }) }
      : {
          results: await acceptAddedCustomerCalls(ctx, {
            campaignId: campaign.id,
            callConfig,
            customers: outcome.addedCustomers,
            // One call batch per upload job: a retried request never calls a customer twice.
            requestKey: bulkAddCallsKey(outcome.uploadJobId ?? ""),
            clock,
          }),
        };
  const response = bulkAddResponse({ body, outcome, validateOnly, calls });
  return outcome.uploadJobId === null ? response : { ...response, headers: { "X-Upload-Job-Id": outcome.uploadJobId } };
}
