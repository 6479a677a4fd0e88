import type { NewCampaign } from "@/lib/campaigns/campaign-input";
import { CRM_FIELD_KEY, customSchema, type FieldDefinition, type FieldSchema } from "@/lib/campaigns/field-schema";

// A custom campaign's CRM field as the API receives it, turned into the field definition the
// validation core uses. Pure, so the campaign form's template preview builds the same schema.

type CrmFieldInput = NonNullable<NewCampaign["crmFields"]>[number];

export function toFieldDefinition(field: CrmFieldInput): FieldDefinition {
  const [, name] = field.key.split(":");
  return {
    key: field.key,
    label: field.label || humanize(name),
    type: field.type as FieldDefinition["type"],
    required: field.required,
    ...(field.maxLength && { maxLength: field.maxLength }),
    ...(field.enumValues && { enumValues: field.enumValues }),
    synonyms: [name.replace(/_/g, " ")],
  };
}

/** The schema a custom campaign with these CRM fields gets (fields with a malformed key are left out). */
export function customSchemaOf(crmFields: CrmFieldInput[], identifierField: string | null | undefined): FieldSchema {
  const wellFormed = crmFields.filter((f) => CRM_FIELD_KEY.test(f.key));
  return customSchema(wellFormed.map(toFieldDefinition), identifierField || null);
}

function humanize(name: string) {
  return name.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());
}
