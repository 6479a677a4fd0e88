import { getCampaignForContract, recordRules } from "@/lib/campaigns/campaigns";
import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import type { DomainContext } from "@/lib/domain/context";
import type { DuplicatesBy } from "@/lib/records/duplicates-by";

// The campaign a customer write goes to, with the rules its records are judged by. Unknown:
// NotFound; another organization's: Forbidden (resource "campaign"), which TimePay answers 403.

export type CustomerCampaign = {
  id: string;
  name: string;
  workflowId: string | null;
  schema: FieldSchema;
  policy: PhonePolicy;
  duplicatesBy: DuplicatesBy;
};

export async function customerCampaign(ctx: DomainContext, campaignId: string): Promise<CustomerCampaign> {
  const campaign = await getCampaignForContract(ctx, campaignId);
  return {
    id: campaign.id,
    name: campaign.name,
    workflowId: campaign.workflowId,
    duplicatesBy: campaign.duplicatesBy,
    ...recordRules(campaign),
  };
}
