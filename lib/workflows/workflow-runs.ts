import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";

// A campaign's or a customer's workflow runs with their step history, newest first.

export type RunsFilter = { campaignId?: string; customerId?: string; state?: string; page: number; limit: number };

export async function listRuns(ctx: DomainContext, filter: RunsFilter) {
  if (filter.campaignId) {
    const campaign = await db.campaign.findFirst({
      where: { id: filter.campaignId, organizationId: ctx.organizationId },
      select: { id: true },
    });
    if (!campaign) throw new NotFound("Campaign not found", { resource: "campaign", value: filter.campaignId });
  }
  const where = {
    organizationId: ctx.organizationId,
    ...(filter.campaignId && { campaignId: filter.campaignId }),
    ...(filter.customerId && { customerId: filter.customerId }),
    ...(filter.state && { state: filter.state }),
  };
  const [total, runs] = await Promise.all([
    db.workflowRun.count({ where }),
    db.workflowRun.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * filter.limit,
      take: filter.limit,
      include: { steps: { orderBy: { seq: "asc" } }, workflowVersion: { select: { workflowId: true, version: true } } },
    }),
  ]);
  return { total, runs };
}
