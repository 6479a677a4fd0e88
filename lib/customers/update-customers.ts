import { db } from "@/lib/db/client";
import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import { validateRecords, type IndexedIssue, type InvalidRecord, type ValidRecord } from "@/lib/records/validate-records";
import { logError } from "@/lib/log";
import { emptyColumns, pushColumns, storedRecord, type StoredCustomer } from "./customer-columns";

// The write path for changes to existing customers (TimePay's single and bulk update). A change
// is merged into the stored record and the whole record is judged again by the validation core,
// so an update can never store what an insert would refuse (and the phone is normalised again).
//
// Writes are optimistic: each row is updated only if it is still the version that was read
// (its xmin). A row another request changed in between is read again, merged again and retried —
// the "retried" of TimePay's bulk update — so no concurrent change is silently lost.

export const UPDATE_BATCH_SIZE = 1000;
const MAX_ATTEMPTS = 3;

export interface CustomerChange {
  /** Position in the request, used in messages ("Record 4: ..."). */
  index: number;
  identifier: string;
  data: Record<string, unknown>;
}

export interface UpdateCustomersInput {
  campaignId: string;
  schema: FieldSchema;
  policy: PhonePolicy;
  /** Distinct identifiers. */
  changes: readonly CustomerChange[];
}

export interface UpdateCustomersResult {
  updated: { change: CustomerChange; customerId: string }[];
  notFound: CustomerChange[];
  /** Merged records the core refused; index and messages are the request's. */
  invalid: InvalidRecord[];
  /** Changed by others on every attempt. */
  conflicts: CustomerChange[];
  /** Refused by the database; nothing of them was written. */
  failed: CustomerChange[];
  /** Changes that met a concurrent write at least once and were merged again. */
  retried: number;
  batches: number;
  warnings: IndexedIssue[];
}

/** Test seam: runs after each read, before the write (a concurrent writer can act here). */
export type UpdateHooks = { afterRead?: (attempt: number) => Promise<void> };

export async function updateCustomers(input: UpdateCustomersInput, hooks: UpdateHooks = {}): Promise<UpdateCustomersResult> {
  const result: UpdateCustomersResult = {
    updated: [],
    notFound: [],
    invalid: [],
    conflicts: [],
    failed: [],
    retried: 0,
    batches: 0,
    warnings: [],
  };
  const retried = new Set<number>();
  let pending = [...input.changes];

  for (let attempt = 1; pending.length > 0 && attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = await readCustomers(
      input.campaignId,
      pending.map((c) => c.identifier),
    );
    await hooks.afterRead?.(attempt);
    const ready = judge(pending, stored, input, result);

    const conflicted: CustomerChange[] = [];
    for (let start = 0; start < ready.length; start += UPDATE_BATCH_SIZE) {
      const batch = ready.slice(start, start + UPDATE_BATCH_SIZE);
      result.batches++;
      const written = await writeBatch(input, batch);
      if (written === null) {
        result.failed.push(...batch.map((b) => b.change));
        continue;
      }
      for (const item of batch) {
        if (written.has(item.customer.id)) result.updated.push({ change: item.change, customerId: item.customer.id });
        else conflicted.push(item.change);
      }
    }
    for (const change of conflicted) retried.add(change.index);
    pending = conflicted;
  }
  result.conflicts = pending;
  result.retried = retried.size;
  result.invalid.sort((a, b) => a.index - b.index);
  // A change retried after a concurrent write is judged again: its warnings once.
  result.warnings = [...new Map(result.warnings.map((w) => [`${w.index}|${w.field}|${w.message}`, w])).values()];
  return result;
}

interface StoredVersion extends StoredCustomer {
  version: string;
}

type Ready = { change: CustomerChange; customer: StoredVersion; record: ValidRecord };

/**
 * Merges each change into its stored record and validates the merged records in one pass;
 * records what is missing or invalid on `result` and returns what can be written.
 */
function judge(
  pending: readonly CustomerChange[],
  stored: Map<string, StoredVersion>,
  input: UpdateCustomersInput,
  result: UpdateCustomersResult,
): Ready[] {
  const { schema, policy } = input;
  // Positions are the request's, so each problem names the record the client sent.
  const merged: unknown[] = [];
  const found = new Map<number, { change: CustomerChange; customer: StoredVersion }>();
  for (const change of pending) {
    const customer = stored.get(change.identifier);
    if (!customer) {
      result.notFound.push(change);
      continue;
    }
    // Spread keeps a "__proto__" key of the change as a field, which the core then refuses.
    merged[change.index] = { ...storedRecord(customer, schema), ...change.data };
    found.set(change.index, { change, customer });
  }
  if (found.size === 0) return [];

  const ready: Ready[] = [];
  const validation = validateRecords(merged, schema, policy);
  for (const invalid of validation.invalid) {
    const item = found.get(invalid.index);
    if (item) result.invalid.push({ ...invalid, id: item.change.identifier });
  }
  result.warnings.push(...validation.warnings);
  for (const record of validation.valid) {
    const item = found.get(record.index);
    if (!item) continue;
    const moved = movedKey(item.customer, record, schema);
    if (moved) {
      const message = `Field '${moved}' cannot be changed: it identifies the customer in this campaign`;
      const issue = { code: "identifier_changed", field: moved, message } as const;
      result.invalid.push({ index: record.index, id: item.change.identifier, issues: [issue], fieldErrors: {} });
      continue;
    }
    ready.push({ ...item, record });
  }
  return ready;
}

// The identifier never changes through an update: it is how the customer is found. Without an
// identifier field the phone is the key, so the phone may not change either.
function movedKey(customer: StoredVersion, record: ValidRecord, schema: FieldSchema): string | null {
  if (record.id === customer.identifier) return null;
  return schema.identifierKey ?? schema.phoneKey;
}

async function readCustomers(campaignId: string, identifiers: string[]): Promise<Map<string, StoredVersion>> {
  const rows = await db.$queryRaw<StoredVersion[]>`
    SELECT id::text AS id, identifier, "phoneRaw", "phoneE164", "firstName", "lastName", language, "assignedTo", data, xmin::text AS version
    FROM customers WHERE "campaignId" = ${campaignId} AND identifier = ANY(${identifiers}::text[])`;
  return new Map(rows.map((row) => [row.identifier, row]));
}

/** Ids of the rows written; null when the database refused the batch. */
async function writeBatch(
  input: UpdateCustomersInput,
  batch: readonly { customer: StoredVersion; record: ValidRecord }[],
): Promise<Set<string> | null> {
  const c = emptyColumns();
  for (const item of batch) pushColumns(c, item.record, input.schema);
  const ids = batch.map((item) => item.customer.id);
  const versions = batch.map((item) => item.customer.version);
  try {
    const rows = await db.$queryRaw<{ id: string }[]>`
      UPDATE customers AS c
      SET "phoneRaw" = u.phone_raw, "phoneE164" = u.phone_e164, "firstName" = u.first_name, "lastName" = u.last_name,
          language = u.language, "assignedTo" = u.assigned_to, data = u.data::jsonb, "updatedAt" = CURRENT_TIMESTAMP
      FROM unnest(
        ${ids}::uuid[], ${versions}::text[], ${c.phoneRaw}::text[], ${c.phoneE164}::text[], ${c.firstName}::text[],
        ${c.lastName}::text[], ${c.language}::text[], ${c.assignedTo}::text[], ${c.data}::text[]
      ) AS u(id, version, phone_raw, phone_e164, first_name, last_name, language, assigned_to, data)
      WHERE c.id = u.id AND c."campaignId" = ${input.campaignId} AND c.xmin::text = u.version
      RETURNING c.id::text AS id`;
    return new Set(rows.map((row) => row.id));
  } catch (error) {
    logError("customer update batch failed", error, { campaignId: input.campaignId, rows: batch.length });
    return null;
  }
}
