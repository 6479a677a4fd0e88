import type { FieldSchema } from "@/lib/campaigns/field-schema";
import { phoneIsKey, type DuplicatesBy } from "@/lib/records/duplicates-by";
import type { ValidateOptions } from "@/lib/records/validate-records";

// What makes two customers of a campaign the same one. The identifier field when the campaign
// has one; the normalised phone too when the campaign's duplicatesBy says so (and always when the
// schema has no identifier, since then the phone is the key). Against the stored customers the
// unique indexes decide: (campaignId, identifier) and (campaignId, uniquePhone) (insert-customers.ts).

/** Options of validateRecords for a write into a campaign with `schema` and `duplicatesBy`. */
export function duplicateOptions(schema: FieldSchema, duplicatesBy: DuplicatesBy): ValidateOptions {
  return { uniquePhone: phoneIsKey(schema, duplicatesBy) };
}

/** The field a customer is known by in messages ("loan_id 'L1' already exists in this campaign"). */
export function customerKeyLabel(schema: FieldSchema): string {
  return schema.identifierKey ?? schema.phoneKey;
}

export const alreadyExistsReason = (keyLabel: string, id: string) => `${keyLabel} '${id}' already exists in this campaign`;
/** The same person under another identifier. */
export const phoneExistsReason = (phoneKey: string, e164: string) =>
  `A customer with ${phoneKey} '${e164}' already exists in this campaign`;
export const writeFailedReason = "The database refused this record and nothing of it was saved; send it again";
