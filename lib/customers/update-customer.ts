import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Invalid, NotFound } from "@/lib/domain/errors";
import { normalizePhone } from "@/lib/records/phone";
import type { CustomerCampaign } from "./customer-campaign";
import { updateCustomers } from "./update-customers";

// One customer's change, merged into the stored record and judged again by the core.

export async function updateCustomer(
  _ctx: DomainContext,
  campaign: CustomerCampaign,
  input: { identifier: string; data: Record<string, unknown> },
): Promise<{ id: string; customerId: string }> {
  const { schema, policy } = campaign;
  const result = await updateCustomers({
    campaignId: campaign.id,
    schema,
    policy,
    changes: [{ index: 0, identifier: input.identifier, data: input.data }],
  });
  if (result.notFound.length > 0) throw new NotFound("Customer not found", { resource: "customer", value: input.identifier });
  if (result.invalid.length > 0) throw new Invalid("Validation failed", { issues: result.invalid[0].issues.map((i) => i.message) });
  if (result.conflicts.length > 0)
    throw new Conflict("The customer was changed by another request at the same time; send the update again");
  if (result.failed.length > 0) throw new Error("The customer update was refused by the database");
  return { id: input.identifier, customerId: result.updated[0].customerId };
}

/** The stored identifier of a customer named by `value`: as given, or for a campaign keyed by phone, its E.164 form. */
export function customerIdentifier(campaign: Pick<CustomerCampaign, "schema" | "policy">, value: string | number): string {
  const text = String(value).trim();
  if (campaign.schema.identifierKey !== null) return text;
  const phone = normalizePhone(text, campaign.policy);
  return phone.ok ? phone.e164 : text;
}
