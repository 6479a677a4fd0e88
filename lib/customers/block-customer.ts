import { blockNumber, type BlockScope } from "@/lib/dnc/block-number";
import type { DomainContext } from "@/lib/domain/context";
import { assertCanWrite, customerInScope } from "./campaign-scope";

// "Add to DNC" on a contact: its number is blocked for this campaign or for every campaign.

export async function blockCustomer(ctx: DomainContext, campaignId: string, customerId: string, scope: BlockScope) {
  assertCanWrite(ctx);
  const { customer } = await customerInScope(ctx, campaignId, customerId);
  return blockNumber(ctx, { phoneE164: customer.phoneE164, phoneRaw: customer.phoneRaw, campaignId, scope });
}
