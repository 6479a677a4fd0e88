import type { z } from "zod";
import type { ApiResult } from "@/lib/api/with-api";
import type { CreateCampaignInput, listCampaignsQuerySchema, UpdateCampaignInput } from "@/lib/campaigns/campaign-input";
import { createCampaign, deleteCampaign, getCampaignOrThrow, listCampaigns, pauseCampaign, updateCampaign } from "@/lib/campaigns/campaigns";
import { serializeCampaign } from "@/lib/campaigns/serialize";
import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";

// TimePay's campaign routes: the domain (lib/campaigns) does the work, these write the seed's bodies.

export async function createCampaignAnswer(ctx: DomainContext, body: CreateCampaignInput): Promise<ApiResult> {
  const campaign = await createCampaign(ctx.organizationId, body);
  return { status: 201, body: { success: true, message: "Campaign created successfully", data: { id: campaign.id, name: campaign.name } } };
}

export async function listCampaignsAnswer(ctx: DomainContext, params: z.output<typeof listCampaignsQuerySchema>): Promise<ApiResult> {
  const { rows, total } = await listCampaigns(ctx.organizationId, params);
  return {
    status: 200,
    body: {
      success: true,
      data: rows.map((c) => serializeCampaign(c, { withOrg: true })),
      pagination: { page: params.page, limit: params.limit, total, totalPages: Math.ceil(total / params.limit) },
    },
  };
}

export async function getCampaignAnswer(ctx: DomainContext, id: string): Promise<ApiResult> {
  const campaign = await getCampaignOrThrow(ctx.organizationId, id);
  const customers = await db.customer.count({ where: { campaignId: campaign.id } });
  return { status: 200, body: { success: true, data: serializeCampaign({ ...campaign, _count: { customers } }) } };
}

export async function updateCampaignAnswer(ctx: DomainContext, id: string, body: UpdateCampaignInput): Promise<ApiResult> {
  const updatedFields = await updateCampaign(ctx.organizationId, id, body);
  return { status: 200, body: { success: true, message: "Campaign updated successfully", updatedFields } };
}

export async function pauseCampaignAnswer(ctx: DomainContext, id: string): Promise<ApiResult> {
  const campaign = await pauseCampaign(ctx.organizationId, id);
  return {
    status: 200,
    body: {
      success: true,
      message: "Campaign paused successfully",
      data: { id: campaign.id, status: campaign.status, pausedAt: campaign.pausedAt?.toISOString() ?? null },
    },
  };
}

export async function deleteCampaignAnswer(ctx: DomainContext, id: string): Promise<ApiResult> {
  const campaign = await deleteCampaign(ctx.organizationId, id);
  return { status: 200, body: { success: true, data: { id: campaign.id }, message: "Campaign deleted successfully" } };
}
