import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, NotFound } from "@/lib/domain/errors";

// Resuming a campaign: a paused (or draft) campaign becomes active and its waiting attempts are
// dialled again, each re-checked at dial time. TimePay documents no resume (§2.2), so this is the
// app's own. A completed campaign stays completed.

export async function resumeCampaign(ctx: DomainContext, id: string) {
  const campaign = await db.campaign.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign" });
  if (campaign.status === "completed") throw new Conflict("A completed campaign cannot be resumed", { resource: "campaign" });
  if (campaign.status === "active") return campaign;
  return db.campaign.update({ where: { id: campaign.id }, data: { status: "active", pausedAt: null } });
}
