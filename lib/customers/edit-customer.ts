import { z } from "zod";
import { updateCustomers } from "@/lib/imports/update-customers";
import { recordPrefix } from "@/lib/records/messages";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Invalid } from "@/lib/domain/errors";
import { assertCanWrite, customerInScope } from "./campaign-scope";

// An operator's edit of one contact. It goes through the same write path as TimePay's
// PUT /api/v1/customers/update: the change is merged into the stored record, the whole record is
// judged again by the validation core (phone re-normalised), and the identifier cannot change.

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
  const result = await updateCustomers({ campaignId: campaign.id, schema, policy, changes: [{ index: 0, identifier: customer.identifier, data }] });

  if (result.notFound.length > 0) throw new Conflict("The contact was deleted while you edited it");
  if (result.invalid.length > 0) {
    const prefix = recordPrefix(0);
    const issues = result.invalid[0].errors.map((e) => (e.startsWith(prefix) ? e.slice(prefix.length) : e));
    throw new Invalid("The contact was not saved", { issues });
  }
  if (result.conflicts.length > 0) throw new Conflict("The contact was changed by someone else at the same time; reload and edit again");
  if (result.failed.length > 0) throw new Error("The contact update was refused by the database");
  return { id: customer.id, warnings: result.warnings.map((w) => w.replace(recordPrefix(0), "")) };
}
