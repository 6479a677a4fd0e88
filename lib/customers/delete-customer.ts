import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { assertCanWrite, customerInScope } from "./campaign-scope";

// Deletes one contact of a campaign (its calls go with it: the schema cascades).

export async function deleteCustomer(ctx: DomainContext, campaignId: string, customerId: string) {
  assertCanWrite(ctx);
  const { customer } = await customerInScope(ctx, campaignId, customerId);
  await db.customer.deleteMany({ where: { id: customer.id, campaignId } });
  return { id: customer.id, identifier: customer.identifier };
}
