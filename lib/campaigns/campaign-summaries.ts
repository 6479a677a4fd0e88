import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";

// The campaigns table of the app: counts and the last upload in one query.
export async function campaignSummaries(ctx: DomainContext) {
  const campaigns = await db.campaign.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { createdAt: "desc" },
    include: {
      _count: { select: { customers: true } },
      uploadJobs: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, createdAt: true, status: true, successful: true, total: true },
      },
    },
  });
  return campaigns.map((c) => ({
    id: c.id,
    name: c.name,
    campaignType: c.campaignType,
    serviceType: c.serviceType,
    status: c.status,
    customers: c._count.customers,
    lastUpload: c.uploadJobs[0] ?? null,
  }));
}
