import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";

// What the campaign edit screen needs: the campaign (or null: not this organization's) and what
// deleting it takes along (its contacts, upload jobs and calls).

export async function campaignForEdit(ctx: DomainContext, id: string) {
  const campaign = await db.campaign.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!campaign) return null;
  const [contacts, jobs, calls] = await Promise.all([
    db.customer.count({ where: { campaignId: campaign.id } }),
    db.uploadJob.count({ where: { campaignId: campaign.id } }),
    db.call.count({ where: { campaignId: campaign.id } }),
  ]);
  return { campaign, counts: { contacts, jobs, calls } };
}
