import type { ApiResult } from "@/lib/api/with-api";
import { addCustomers } from "@/lib/customers/add-customers";
import { customerCampaign } from "@/lib/customers/customer-campaign";
import type { DomainContext } from "@/lib/domain/context";
import type { BulkAddBody } from "./customer-bodies";
import { bulkAddResponse } from "./bulk-add-response";

// TimePay's Bulk Add Customers: the domain adds the records, this answers as the seed writes it.

export async function bulkAddCustomers(ctx: DomainContext, body: BulkAddBody, validateOnly: boolean): Promise<ApiResult> {
  const campaign = await customerCampaign(ctx, body.campaignId);
  const outcome = await addCustomers(ctx, campaign, { records: body.records, callOptions: body, validateOnly });
  const response = bulkAddResponse({ body, outcome, validateOnly });
  return outcome.uploadJobId === null ? response : { ...response, headers: { "X-Upload-Job-Id": outcome.uploadJobId } };
}
