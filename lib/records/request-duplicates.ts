import { duplicatePhoneReason, duplicateReason } from "./messages";

// Duplicates inside one request. The first occurrence wins: callers only `remember` records they
// accept, so a later copy never displaces one already accepted, and invalid records never count.
// Duplicates against contacts already stored in the campaign are the database's job.

export interface DuplicateRecord {
  index: number;
  id: string;
  /** duplicate_phone_in_file: the repeated key is the phone of a schema that has an identifier. */
  code: "duplicate_in_file" | "duplicate_phone_in_file";
  /** "Duplicate loan_id 'L1' in request (first seen at record 0)" */
  reason: string;
  /** The key that repeated: the identifier, a `unique` field, or the phone. */
  field: string;
  firstIndex: number;
}

export class RequestDuplicates {
  private readonly firstSeen: Map<string, Map<string, number>>;

  /**
   * `keys` in the order they are checked; the first one that repeats is the reported one.
   * `phoneKey`: the key reported as the same person (personPhoneKey), when there is one.
   */
  constructor(
    private readonly keys: readonly string[],
    private readonly phoneKey: string | null = null,
  ) {
    this.firstSeen = new Map(keys.map((key) => [key, new Map<string, number>()]));
  }

  find(index: number, id: string, values: Readonly<Record<string, unknown>>): DuplicateRecord | undefined {
    for (const key of this.keys) {
      const value = keyText(values[key]);
      const firstIndex = value === undefined ? undefined : this.firstSeen.get(key)!.get(value);
      if (value === undefined || firstIndex === undefined) continue;
      if (key === this.phoneKey) {
        return { index, id, code: "duplicate_phone_in_file", reason: duplicatePhoneReason(key, value, firstIndex), field: key, firstIndex };
      }
      return { index, id, code: "duplicate_in_file", reason: duplicateReason(key, value, firstIndex), field: key, firstIndex };
    }
    return undefined;
  }

  remember(index: number, values: Readonly<Record<string, unknown>>) {
    for (const key of this.keys) {
      const value = keyText(values[key]);
      if (value !== undefined) this.firstSeen.get(key)!.set(value, index);
    }
  }
}

/** Identifiers compare as text: a number-typed CRM ID 42 and "42" are the same key. */
export function keyText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  return typeof value === "number" ? String(value) : undefined;
}
