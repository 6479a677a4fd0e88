import { getCampaignByName } from "@/lib/campaigns/campaigns";
import { uploadErrors } from "./messages";
import { uploadError } from "./upload-request";

/** Flexydial names campaigns, never ids; the name is looked up in the caller's organization only. */
export async function getFlexydialCampaign(organizationId: string, name: string) {
  const campaign = await getCampaignByName(organizationId, name);
  if (!campaign) throw uploadError(uploadErrors.campaignNotFound);
  return campaign;
}
