import { getCampaignByName } from "@/lib/campaigns/campaigns";
import type { DomainContext } from "@/lib/domain/context";
import { uploadErrors } from "./messages";
import { uploadError } from "./upload-request";

/** Flexydial names campaigns, never ids; the name is looked up in the caller's organization only. */
export async function getFlexydialCampaign(ctx: DomainContext, name: string) {
  const campaign = await getCampaignByName(ctx, name);
  if (!campaign) throw uploadError(uploadErrors.campaignNotFound);
  return campaign;
}
