import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";

// What the contacts page's filters offer: the organization's agents and the campaign's last 100
// upload jobs (inserts), newest first. The caller has already checked the campaign is in scope.

export async function contactFilterOptions(ctx: DomainContext, campaignId: string) {
  const [agents, jobs] = await Promise.all([
    db.agent.findMany({ where: { organizationId: ctx.organizationId }, select: { username: true, name: true }, orderBy: { name: "asc" } }),
    db.uploadJob.findMany({
      where: { campaignId, organizationId: ctx.organizationId, action: "insert" },
      select: { id: true, fileName: true, reference: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 100,
    }),
  ]);
  return { agents, jobs };
}
