import { db } from "@/lib/db/client";
import type { FieldSchema } from "@/lib/campaigns/field-schema";
import type { ValidRecord } from "@/lib/records/validate-records";
import { logError } from "@/lib/log";
import { emptyColumns, pushColumns, type CustomerColumnArrays } from "./customer-columns";
import type { RunStart } from "@/lib/workflows/start-runs";

// The one write path for new customers (TimePay bulk and single add, the upload wizard,
// Flexydial uploads). Each batch is a single INSERT ... SELECT FROM unnest(...) ON CONFLICT
// DO NOTHING RETURNING: the unique (campaignId, identifier) and (campaignId, uniquePhone) indexes
// decide what is a duplicate (uniquePhone is set by a trigger from the campaign's duplicatesBy),
// never a check-then-insert, so the rows a call reports as created are exactly the rows it
// created — also while another request inserts overlapping identifiers.
//
// Each batch commits on its own: a failing batch (a poison row, a lost connection) costs only its
// rows, which are reported as not written, and the counts still equal what the table holds. (The
// one exception: a connection lost after the database committed but before it answered; those
// rows are reported as failed, and sending them again reports them as duplicates.)

/** Rows per INSERT. unnest() takes one parameter per column, so the bind limit never applies. */
export const INSERT_BATCH_SIZE = 1000;
/** Batches written at the same time by one call. */
export const INSERT_CONCURRENCY = 2;

export interface InsertCustomersInput {
  campaignId: string;
  uploadJobId: string | null;
  schema: FieldSchema;
  /** Validated records with distinct identifiers (validateRecords' `valid`). */
  records: readonly ValidRecord[];
  /** useWorkflow: each new customer's workflow run is written by the same statement. */
  workflow?: RunStart | null;
}

export interface InsertCustomersResult {
  /** Records this call created, with the new customer's id. */
  inserted: { record: ValidRecord; customerId: string }[];
  /** Records whose identifier the campaign already held (or another request created first). */
  existing: ValidRecord[];
  /** Records whose phone the campaign already held under another identifier (its duplicatesBy keys on the phone). */
  samePhone: ValidRecord[];
  /** Records whose batch the database refused; nothing of them was written. */
  failed: ValidRecord[];
  batches: number;
}

export async function insertCustomers(input: InsertCustomersInput): Promise<InsertCustomersResult> {
  // One global order for every request: two requests lock overlapping identifiers in the same
  // sequence, so concurrent inserts wait for each other instead of deadlocking.
  const sorted = [...input.records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index));
  const result: InsertCustomersResult = { inserted: [], existing: [], samePhone: [], failed: [], batches: 0 };
  // A repeated identifier would share its first copy's RETURNING row; the first copy wins.
  const records: ValidRecord[] = [];
  for (const record of sorted) {
    if (records.length > 0 && records[records.length - 1].id === record.id) result.existing.push(record);
    else records.push(record);
  }

  const batches: ValidRecord[][] = [];
  for (let start = 0; start < records.length; start += INSERT_BATCH_SIZE) batches.push(records.slice(start, start + INSERT_BATCH_SIZE));
  result.batches = batches.length;
  // Two batches in flight keep both of Postgres' cores busy (each batch is its own statement and
  // transaction). Every batch takes its row locks in ascending identifier order, so batches of
  // concurrent requests can wait for each other but never form a cycle.
  let next = 0;
  const lane = async () => {
    while (next < batches.length) await insertIsolating(input, batches[next++], result);
  };
  await Promise.all(Array.from({ length: Math.min(INSERT_CONCURRENCY, batches.length) }, lane));
  return result;
}

/** Identifiers of `identifiers` that the campaign already holds (validate-only mode). */
export async function existingIdentifiers(campaignId: string, identifiers: readonly string[]): Promise<Set<string>> {
  if (identifiers.length === 0) return new Set();
  const rows = await db.$queryRaw<{ identifier: string }[]>`
    SELECT identifier FROM customers WHERE "campaignId" = ${campaignId} AND identifier = ANY(${identifiers as string[]}::text[])`;
  return new Set(rows.map((row) => row.identifier));
}

/** Phones of `phones` that the campaign holds as a key (validate-only mode). */
export async function existingPhones(campaignId: string, phones: readonly string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const rows = await db.$queryRaw<{ phone: string }[]>`
    SELECT "uniquePhone" AS phone FROM customers WHERE "campaignId" = ${campaignId} AND "uniquePhone" = ANY(${phones as string[]}::text[])`;
  return new Set(rows.map((row) => row.phone));
}

/**
 * The statement itself, exported so the benchmark's floor runs exactly the same SQL.
 * Returns the identifiers it inserted with their new ids.
 */
export function insertCustomerRows(campaignId: string, uploadJobId: string | null, c: CustomerColumnArrays, workflow?: RunStart | null) {
  if (workflow) return insertCustomerRowsWithRuns(campaignId, uploadJobId, c, workflow);
  return db.$queryRaw<{ identifier: string; id: string }[]>`
    INSERT INTO customers ("campaignId", identifier, "phoneRaw", "phoneE164", "firstName", "lastName", language, "assignedTo", data, "uploadJobId")
    SELECT ${campaignId}, r.identifier, r.phone_raw, r.phone_e164, r.first_name, r.last_name, r.language, r.assigned_to, r.data::jsonb, ${uploadJobId}
    FROM unnest(
      ${c.identifier}::text[], ${c.phoneRaw}::text[], ${c.phoneE164}::text[], ${c.firstName}::text[],
      ${c.lastName}::text[], ${c.language}::text[], ${c.assignedTo}::text[], ${c.data}::text[]
    ) AS r(identifier, phone_raw, phone_e164, first_name, last_name, language, assigned_to, data)
    ON CONFLICT DO NOTHING
    RETURNING identifier, id::text AS id`;
}

/** The same INSERT, and in the same statement one workflow run per created customer. */
function insertCustomerRowsWithRuns(campaignId: string, uploadJobId: string | null, c: CustomerColumnArrays, w: RunStart) {
  return db.$queryRaw<{ identifier: string; id: string }[]>`
    WITH created AS (
      INSERT INTO customers ("campaignId", identifier, "phoneRaw", "phoneE164", "firstName", "lastName", language, "assignedTo", data, "uploadJobId")
      SELECT ${campaignId}, r.identifier, r.phone_raw, r.phone_e164, r.first_name, r.last_name, r.language, r.assigned_to, r.data::jsonb, ${uploadJobId}
      FROM unnest(
        ${c.identifier}::text[], ${c.phoneRaw}::text[], ${c.phoneE164}::text[], ${c.firstName}::text[],
        ${c.lastName}::text[], ${c.language}::text[], ${c.assignedTo}::text[], ${c.data}::text[]
      ) AS r(identifier, phone_raw, phone_e164, first_name, last_name, language, assigned_to, data)
      ON CONFLICT ("campaignId", identifier) DO NOTHING
      RETURNING identifier, id
    ), runs AS (
      INSERT INTO workflow_runs ("organizationId", "campaignId", "customerId", "workflowVersionId", "stepId", "dueAt", "updatedAt")
      SELECT ${w.organizationId}, ${campaignId}, created.id, ${w.versionId}, ${w.firstStepId}, now(), now() FROM created
    )
    SELECT identifier, id::text AS id FROM created`;
}

// A batch the database rejects because of its data is split in halves until the offending rows
// are alone, so one bad row cannot sink a thousand good ones. Any other failure (connection,
// timeout) fails the batch as a whole: retrying row by row would only multiply it.
async function insertIsolating(input: InsertCustomersInput, batch: ValidRecord[], result: InsertCustomersResult) {
  const columns = emptyColumns();
  for (const record of batch) pushColumns(columns, record, input.schema);
  let rows: { identifier: string; id: string }[];
  try {
    rows = await withDeadlockRetry(() => insertCustomerRows(input.campaignId, input.uploadJobId, columns, input.workflow));
  } catch (error) {
    if (batch.length > 1 && isDataError(error)) {
      const half = Math.ceil(batch.length / 2);
      await insertIsolating(input, batch.slice(0, half), result);
      await insertIsolating(input, batch.slice(half), result);
      return;
    }
    logError("customer insert batch failed", error, { campaignId: input.campaignId, uploadJobId: input.uploadJobId, rows: batch.length });
    result.failed.push(...batch);
    return;
  }

  const created = new Map(rows.map((row) => [row.identifier, row.id]));
  const skipped: ValidRecord[] = [];
  for (const record of batch) {
    const customerId = created.get(record.id);
    if (customerId === undefined) skipped.push(record);
    else result.inserted.push({ record, customerId });
  }
  if (skipped.length === 0) return;
  // The index already decided; this only names which key it was, for the message. A skipped
  // record whose identifier the campaign does not hold was refused for its phone.
  const held = await existingIdentifiers(
    input.campaignId,
    skipped.map((r) => r.id),
  );
  for (const record of skipped) (held.has(record.id) ? result.existing : result.samePhone).push(record);
}

async function withDeadlockRetry<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // The global identifier order prevents deadlocks between our own inserts; anything else
    // that deadlocks with us gets one more try (ON CONFLICT DO NOTHING makes it safe to repeat).
    if (sqlState(error) !== "40P01" && sqlState(error) !== "40001") throw error;
    return run();
  }
}

// SQLSTATE classes caused by a row's content: 22 data exception, 23 integrity constraint,
// P0 raised by a trigger or function.
function isDataError(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && /^(22|23|P0)/.test(state);
}

/** The Postgres SQLSTATE of an error thrown through Prisma's pg adapter, when there is one. */
export function sqlState(error: unknown): string | undefined {
  // Prisma wraps it: error.meta.driverAdapterError.cause.originalCode ("P0001", "22P02" ...).
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}
