import { z } from "zod";
import { getCampaignOrThrow, recordRules } from "@/lib/campaigns/campaigns";
import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { Invalid } from "@/lib/domain/errors";
import { LANGUAGES } from "@/lib/campaigns/field-schema";
import { rememberedMappingSchema, type RememberedMapping } from "@/lib/spreadsheet/map-columns";

// The column mapping the upload wizard remembers per campaign (Campaign.savedMapping), so a
// recurring lead source maps itself next time. Choices are merged into what was saved before:
// two operators uploading different files each add their headers, nobody's are lost. The values
// mapped to an enum field's values ("Overdue" → pending) are remembered the same way, per field.

/** A file's choices: normalised header → field key, or null for "do not import". */
export const saveMappingSchema = z.object({
  columns: z
    .record(z.string().min(1).max(200), z.string().max(100).nullable())
    .refine((columns) => Object.keys(columns).length <= 500, { message: "columns must have at most 500 entries" }),
  /** Per enum field: folded file value → the enum value it stands for, or null for "leave it". */
  values: z
    .record(
      z.string().min(1).max(100),
      z
        .record(z.string().min(1).max(200), z.string().max(200).nullable())
        .refine((values) => Object.keys(values).length <= 200, { message: "values must have at most 200 entries per field" }),
    )
    .refine((fields) => Object.keys(fields).length <= 100, { message: "values must have at most 100 fields" })
    .optional(),
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

  const schema = recordRules(campaign).schema;
  const problems: string[] = [];
  for (const [field, values] of Object.entries(input.values ?? {})) {
    const def = schema.fields.find((f) => f.key === field);
    const allowed: readonly string[] | null = def?.type === "language" ? LANGUAGES : def?.type === "enum" ? (def.enumValues ?? []) : null;
    if (allowed === null) {
      problems.push(`values: '${field}' is not an enum field of this campaign`);
      continue;
    }
    for (const to of new Set(Object.values(values)))
      if (to !== null && !allowed.includes(to)) problems.push(`values: '${to}' is not a value of '${field}'`);
  }
  if (problems.length > 0) throw new Invalid("Validation failed", { field: "values", issues: problems });

  const previous = parseSavedMapping(campaign.savedMapping);
  const mapping: RememberedMapping = { version: 1, columns: { ...previous?.columns, ...input.columns } };
  const values = mergeValues(previous?.values, input.values);
  if (values) mapping.values = values;
  await db.campaign.update({ where: { id: campaign.id }, data: { savedMapping: mapping } });
  return mapping;
}

/** A stored mapping of an older or broken shape is ignored rather than failing the page. */
export function parseSavedMapping(value: unknown): RememberedMapping | null {
  const parsed = rememberedMappingSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function mergeValues(previous: RememberedMapping["values"], input: SaveMappingInput["values"]): RememberedMapping["values"] {
  if (!previous && !input) return undefined;
  const merged: NonNullable<RememberedMapping["values"]> = { ...previous };
  for (const [field, values] of Object.entries(input ?? {})) merged[field] = { ...merged[field], ...values };
  return merged;
}
