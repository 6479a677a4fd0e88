import { z } from "zod";
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, campaignChangesShape, campaignRules, campaignShape } from "@/lib/campaigns/campaign-input";

// Request bodies and the list query of TimePay's campaign routes: the campaign's own fields and
// rules (lib/campaigns/campaign-input.ts) in TimePay's framing. The route's formatIssues
// (field-issues.ts) names the field in front of each problem: "startDate must be a date in YYYY-MM-DD format".

const BODY_OBJECT = { error: "Request body must be a JSON object" };

/** POST /api/v1/campaigns/create */
export const createCampaignBodySchema = z.object(campaignShape, BODY_OBJECT).superRefine(campaignRules);
export type CreateCampaignBody = z.output<typeof createCampaignBodySchema>;

/** PUT /api/v1/campaigns/update/{id}: unknown fields are dropped. */
export const updateCampaignBodySchema = z.object(campaignChangesShape, BODY_OBJECT).strip();
export type UpdateCampaignBody = z.output<typeof updateCampaignBodySchema>;

/** GET /api/v1/campaigns */
export const listCampaignsQuerySchema = z.object({
  page: z.coerce
    .number({ error: "must be a positive integer" })
    .int("must be a positive integer")
    .min(1, "must be a positive integer")
    .default(1),
  limit: z.coerce
    .number({ error: "must be an integer between 1 and 100" })
    .int()
    .min(1, "must be an integer between 1 and 100")
    .max(100, "must be an integer between 1 and 100")
    .default(10),
  status: z.enum(CAMPAIGN_STATUSES, { error: `must be one of ${CAMPAIGN_STATUSES.join(", ")}` }).optional(),
  campaign_type: z.enum(CAMPAIGN_TYPES, { error: `must be one of ${CAMPAIGN_TYPES.join(", ")}` }).optional(),
  search: z.string().max(200).optional(),
});
export type ListCampaignsQuery = z.output<typeof listCampaignsQuerySchema>;
