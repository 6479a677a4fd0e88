import type { Campaign } from "@/lib/generated/prisma/client";

// The campaign object of TimePay's list/get responses, plus Dialsheet's own fields.
export function serializeCampaign(campaign: Campaign & { _count?: { customers: number } }, options: { withOrg?: boolean } = {}) {
  return {
    id: campaign.id,
    tableId: campaign.id,
    rowsLen: campaign._count?.customers ?? 0,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
    ...(options.withOrg && { org_id: campaign.organizationId }),
    name: campaign.name,
    description: campaign.description,
    startDate: campaign.startDate,
    startTime: campaign.startTime,
    endDate: campaign.endDate,
    endTime: campaign.endTime,
    collection_type: campaign.campaignType,
    region: campaign.region,
    tags: campaign.tags,
    languages: campaign.languages,
    status: campaign.status,
    service_type: campaign.serviceType,
    timezone: campaign.timezone,
    workflowId: campaign.workflowId,
    pausedAt: campaign.pausedAt?.toISOString() ?? null,
    fields: (campaign.fieldSchema as { fields?: Record<string, unknown>[] }).fields ?? [],
  };
}
