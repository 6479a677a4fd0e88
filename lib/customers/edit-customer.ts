import { z } from "zod";
import type { DomainContext } from "@/lib/domain/context";
import { assertCanWrite, customerInScope } from "./campaign-scope";
import { updateCustomer } from "./update-customer";

// An operator's edit of one contact, through the same path as TimePay's
// PUT /api/v1/customers/update (updateCustomer): the change is merged into the stored record, the
// whole record is judged again by the validation core (phone re-normalised), and the identifier
// cannot change. The core's messages come back as the error's issues.

export const editCustomerSchema = z.object({
  /** Only the fields that changed, keyed as in the campaign's field schema. */
  data: z.record(z.string().max(100), z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()])),
});
export type EditCustomerInput = z.infer<typeof editCustomerSchema>;

export async function editCustomer(ctx: DomainContext, campaignId: string, customerId: string, input: EditCustomerInput) {
  assertCanWrite(ctx);
  const { campaign, schema, policy, customer } = await customerInScope(ctx, campaignId, customerId);
  // A cleared optional field is removed, as an empty spreadsheet cell would be.
  const data = Object.fromEntries(Object.entries(input.data).map(([k, v]) => [k, v === "" ? null : v]));
  const target = {
    id: campaign.id,
    name: campaign.name,
    workflowId: campaign.workflowId,
    duplicatesBy: campaign.duplicatesBy,
    schema,
    policy,
  };
  await updateCustomer(ctx, target, { identifier: customer.identifier, data });
  return { id: customer.id };
}
