import { validationFailed } from "@/lib/api/errors";
import type { ApiResult } from "@/lib/api/with-api";
import { addCustomer as addOne } from "@/lib/customers/add-customer";
import { customerCampaign, type CustomerCampaign } from "@/lib/customers/customer-campaign";
import { customerIdentifier, updateCustomer as updateOne } from "@/lib/customers/update-customer";
import type { DomainContext } from "@/lib/domain/context";
import type { z } from "zod";
import type { AddCustomerBody, UpdateCustomerBody } from "./customer-bodies";
import type { addCustomerResponseSchema, updateCustomerResponseSchema } from "./responses";
import { callAddedCustomers } from "./customer-calls";
import { systemClock, type Clock } from "@/lib/domain/clock";

// TimePay's single-customer routes, on the same domain as the bulk ones.

/** POST /api/v1/customers/add: 201, 400 with the record's problems, 409 when it already exists. */
export async function addCustomer(ctx: DomainContext, body: AddCustomerBody, clock: Clock = systemClock): Promise<ApiResult> {
  const campaign = await customerCampaign(ctx, body.campaignId);
  const added = await addOne(ctx, campaign, { data: body.data, callOptions: body });
  const call =
    body.initiateCall && body.callConfig
      ? await callAddedCustomers(ctx, {
          campaignId: campaign.id,
          callConfig: body.callConfig,
          customers: [{ id: added.id, customerId: added.customerId, phoneE164: "" }],
          requestKey: `add:${added.customerId}`,
          clock,
        })
      : null;
  return {
    status: 201,
    body: {
      success: true,
      message: "Customer added to campaign successfully",
      data: { id: added.id, campaignId: campaign.id },
      // callInitiated also when the call waits for the window (scheduledFor says until when).
      ...(call && { callInitiated: call.initiated === 1 }),
      ...(call && call.initiated === 0 && { callError: call.errors[0]?.reason ?? "The call could not be scheduled" }),
      ...(call?.scheduledFor && { scheduledFor: call.scheduledFor }),
      ...(body.useWorkflow && { workflowTriggered: true }),
    } satisfies z.input<typeof addCustomerResponseSchema>,
  };
}

/** PUT /api/v1/customers/update: 200, 404 for an unknown customer, 400 when the merged record is invalid. */
export async function updateCustomer(ctx: DomainContext, body: UpdateCustomerBody): Promise<ApiResult> {
  const campaign = await customerCampaign(ctx, body.campaignId);
  const identifier = requestedIdentifier(body, campaign);
  await updateOne(ctx, campaign, { identifier, data: body.data });
  const answer: z.input<typeof updateCustomerResponseSchema> = {
    success: true,
    message: "Customer data updated successfully",
    data: { id: identifier, result: "updated" },
  };
  return { status: 200, body: answer };
}

/**
 * The identifier a client named a customer by: loan_id or lead_id as the campaign's type has it,
 * or `id` for any campaign (a CRM id, or the phone of a campaign keyed by phone).
 */
export function requestedIdentifier(
  body: { loan_id?: string | number; lead_id?: string | number; id?: string | number },
  campaign: CustomerCampaign,
): string {
  const key = campaign.schema.identifierKey;
  const named = key === "loan_id" ? body.loan_id : key === "lead_id" ? body.lead_id : undefined;
  const value = named ?? body.id;
  if (value === undefined) {
    throw validationFailed([
      `This campaign identifies customers by ${key ?? campaign.schema.phoneKey}; send it as ${key === "loan_id" || key === "lead_id" ? key : "id"}`,
    ]);
  }
  return customerIdentifier(campaign, value);
}
