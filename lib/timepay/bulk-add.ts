import type { ApiResult } from "@/lib/api/with-api";
import { addCustomers } from "@/lib/customers/add-customers";
import { customerCampaign } from "@/lib/customers/customer-campaign";
import type { DomainContext } from "@/lib/domain/context";
import { uploadFileName, type BulkAddBody } from "./customer-bodies";
import { bulkAddResponse } from "./bulk-add-response";

// TimePay's Bulk Add Customers (also, until it has its own routes, the upload wizard's submit):
// the domain adds the records, this answers as the seed writes it.

export async function bulkAddCustomers(ctx: DomainContext, body: BulkAddBody, validateOnly: boolean): Promise<ApiResult> {
  const campaign = await customerCampaign(ctx, body.campaignId);
  const ui = ctx.source === "ui";
  const outcome = await addCustomers(ctx, campaign, {
    records: body.records,
    callOptions: body,
    validateOnly,
    fileName: ui ? uploadFileName(body.fileName) : null,
    continueJobId: ui && typeof body.uploadJobId === "string" ? body.uploadJobId : undefined,
  });
  const response = bulkAddResponse({ body, outcome, validateOnly, showJobId: ui });
  return outcome.uploadJobId === null ? response : { ...response, headers: { "X-Upload-Job-Id": outcome.uploadJobId } };
}
