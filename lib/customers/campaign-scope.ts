import { db } from "@/lib/db/client";
import { recordRules } from "@/lib/campaigns/campaigns";
import type { DomainContext } from "@/lib/domain/context";
import { Forbidden, NotFound } from "@/lib/domain/errors";

// Tenant scope for the contacts screens: a campaign, or a customer of it, exists only if it
// belongs to the caller's organization. Another organization's ids are "not found", never
// "forbidden", so ids cannot be probed.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function campaignInScope(ctx: DomainContext, campaignId: string) {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, organizationId: ctx.organizationId } });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign" });
  return { campaign, ...recordRules(campaign) };
}

export async function customerInScope(ctx: DomainContext, campaignId: string, customerId: string) {
  const scope = await campaignInScope(ctx, campaignId);
  const customer = UUID.test(customerId) ? await db.customer.findFirst({ where: { id: customerId, campaignId: scope.campaign.id } }) : null;
  if (!customer) throw new NotFound("Contact not found", { resource: "customer" });
  return { ...scope, customer };
}

/** Viewers read everything and change nothing. */
export function assertCanWrite(ctx: DomainContext) {
  if (ctx.actor.role === "viewer") throw new Forbidden("You don't have the required permission to perform this action");
}
