import { z } from "zod";
import { getCampaignOrThrow, recordRules } from "@/lib/campaigns/campaigns";
import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { Invalid } from "@/lib/domain/errors";
import { rememberedMappingSchema, type RememberedMapping } from "@/lib/spreadsheet/map-columns";

// The column mapping the upload wizard remembers per campaign (Campaign.savedMapping), so a
// recurring lead source maps itself next time. Choices are merged into what was saved before:
// two operators uploading different files each add their headers, nobody's are lost.

/** A file's choices: normalised header → field key, or null for "do not import". */
export const saveMappingSchema = z.object({
  columns: z
    .record(z.string().min(1).max(200), z.string().max(100).nullable())
    .refine((columns) => Object.keys(columns).length <= 500, { message: "columns must have at most 500 entries" }),
});
export type SaveMappingInput = z.infer<typeof saveMappingSchema>;

export async function getSavedMapping(ctx: DomainContext, campaignId: string): Promise<RememberedMapping | null> {
  const campaign = await getCampaignOrThrow(ctx, campaignId);
  return parseSavedMapping(campaign.savedMapping);
}

export async function saveMapping(ctx: DomainContext, campaignId: string, input: SaveMappingInput): Promise<RememberedMapping> {
  const campaign = await getCampaignOrThrow(ctx, campaignId);
  const fields = new Set(recordRules(campaign).schema.fields.map((f) => f.key));
  const unknown = Object.values(input.columns).filter((field): field is string => field !== null && !fields.has(field));
  if (unknown.length > 0)
    throw new Invalid("Validation failed", {
      field: "columns",
      issues: [...new Set(unknown)].map((field) => `columns: '${field}' is not a field of this campaign`),
    });

  const previous = parseSavedMapping(campaign.savedMapping);
  const mapping: RememberedMapping = { version: 1, columns: { ...previous?.columns, ...input.columns } };
  await db.campaign.update({ where: { id: campaign.id }, data: { savedMapping: mapping } });
  return mapping;
}

/** A stored mapping of an older or broken shape is ignored rather than failing the page. */
export function parseSavedMapping(value: unknown): RememberedMapping | null {
  const parsed = rememberedMappingSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
