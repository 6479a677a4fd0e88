import type { FieldSchema } from "@/lib/campaigns/field-schema";
import type { ValidateOptions } from "@/lib/records/validate-records";

// What makes two customers of a campaign the same one. The identifier field when the campaign
// has one; without it the phone is the contact's key, so it may not repeat in a request either.
// Against the stored customers the unique (campaignId, identifier) index decides (insert-customers.ts).

/** Options of validateRecords for a write into a campaign with `schema`. */
export function duplicateOptions(schema: FieldSchema): ValidateOptions {
  return { uniquePhone: schema.identifierKey === null };
}

/** The field a customer is known by in messages ("loan_id 'L1' already exists in this campaign"). */
export function customerKeyLabel(schema: FieldSchema): string {
  return schema.identifierKey ?? schema.phoneKey;
}

export const alreadyExistsReason = (keyLabel: string, id: string) => `${keyLabel} '${id}' already exists in this campaign`;
export const writeFailedReason = "The database refused this record and nothing of it was saved; send it again";
