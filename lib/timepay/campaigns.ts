import type { z } from "zod";
import type { ApiResult } from "@/lib/api/with-api";
import {
  createCampaign,
  deleteCampaign,
  getCampaignOrThrow,
  listCampaigns,
  pauseCampaign,
  updateCampaign,
} from "@/lib/campaigns/campaigns";
import { serializeCampaign } from "@/lib/campaigns/serialize";
import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import type { CreateCampaignBody, ListCampaignsQuery, UpdateCampaignBody } from "./campaign-bodies";
import type {
  createCampaignResponseSchema,
  deleteCampaignResponseSchema,
  getCampaignResponseSchema,
  listCampaignsResponseSchema,
  pauseCampaignResponseSchema,
  updateCampaignResponseSchema,
} from "./responses";

// TimePay's campaign routes: the domain (lib/campaigns) does the work, these write the seed's bodies.

export async function createCampaignAnswer(ctx: DomainContext, body: CreateCampaignBody): Promise<ApiResult> {
  const campaign = await createCampaign(ctx, body);
  const answer: z.input<typeof createCampaignResponseSchema> = {
    success: true,
    message: "Campaign created successfully",
    data: { id: campaign.id, name: campaign.name },
  };
  return { status: 201, body: answer };
}

export async function listCampaignsAnswer(ctx: DomainContext, params: ListCampaignsQuery): Promise<ApiResult> {
  const { page, limit, status, campaign_type: campaignType, search } = params;
  const { rows, total } = await listCampaigns(ctx, { page, limit, status, campaignType, search });
  return {
    status: 200,
    body: {
      success: true,
      data: rows.map((c) => serializeCampaign(c, { withOrg: true })),
      pagination: { page: params.page, limit: params.limit, total, totalPages: Math.ceil(total / params.limit) },
    } satisfies z.input<typeof listCampaignsResponseSchema>,
  };
}

export async function getCampaignAnswer(ctx: DomainContext, id: string): Promise<ApiResult> {
  const campaign = await getCampaignOrThrow(ctx, id);
  const customers = await db.customer.count({ where: { campaignId: campaign.id } });
  const answer: z.input<typeof getCampaignResponseSchema> = {
    success: true,
    data: serializeCampaign({ ...campaign, _count: { customers } }),
  };
  return { status: 200, body: answer };
}

export async function updateCampaignAnswer(ctx: DomainContext, id: string, body: UpdateCampaignBody): Promise<ApiResult> {
  const updatedFields = await updateCampaign(ctx, id, body);
  const answer: z.input<typeof updateCampaignResponseSchema> = { success: true, message: "Campaign updated successfully", updatedFields };
  return { status: 200, body: answer };
}

export async function pauseCampaignAnswer(ctx: DomainContext, id: string): Promise<ApiResult> {
  const campaign = await pauseCampaign(ctx, id);
  return {
    status: 200,
    body: {
      success: true,
      message: "Campaign paused successfully",
      data: { id: campaign.id, status: campaign.status, pausedAt: campaign.pausedAt?.toISOString() ?? null },
    } satisfies z.input<typeof pauseCampaignResponseSchema>,
  };
}

export async function deleteCampaignAnswer(ctx: DomainContext, id: string): Promise<ApiResult> {
  const campaign = await deleteCampaign(ctx, id);
  const answer: z.input<typeof deleteCampaignResponseSchema> = {
    success: true,
    data: { id: campaign.id },
    message: "Campaign deleted successfully",
  };
  return { status: 200, body: answer };
}
