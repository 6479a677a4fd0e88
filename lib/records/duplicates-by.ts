import { z } from "zod";

// A campaign's rule for "the same person": by identifier, by phone, or both (the default). The
// identifier always names one customer (updates find it by it), so "phone" and "both" differ only
// in what the operator was promised; what matters is that the phone becomes a key too. The
// database holds the same rule (customers.uniquePhone, set by a trigger from the campaign).

export const DUPLICATES_BY = ["identifier", "phone", "both"] as const;
export const duplicatesBySchema = z.enum(DUPLICATES_BY);
export type DuplicatesBy = z.infer<typeof duplicatesBySchema>;

/** Whether the normalised phone may not repeat in a request, a file or the campaign. */
export function phoneIsKey(schema: { identifierKey: string | null }, by: DuplicatesBy): boolean {
  return schema.identifierKey === null || by !== "identifier";
}

/**
 * The phone key that gets its own code and message: a repeated phone of a schema that has an
 * identifier ("the same person, another id"). Without an identifier the phone is the identifier,
 * and its duplicates read as they always did.
 */
export function personPhoneKey(schema: { identifierKey: string | null; phoneKey: string }, by: DuplicatesBy): string | null {
  return schema.identifierKey !== null && by !== "identifier" ? schema.phoneKey : null;
}

export const duplicatesByLabels: Record<DuplicatesBy, string> = {
  both: "By identifier and by phone",
  phone: "By phone",
  identifier: "By identifier only",
};
