import { Prisma } from "@/lib/generated/prisma/client";
import { blockedNumbers } from "@/lib/dnc/dnc-entries";
import { rowMessages } from "../messages";
import { isBlank } from "@/lib/records/field-checks";
import { validateRecords, type ValidRecord } from "@/lib/records/validate-records";
import { keyText } from "@/lib/records/request-duplicates";
import { emptyColumns, pushColumns, storedRecord, type StoredCustomer } from "@/lib/customers/customer-columns";
import type { BatchContext, BatchResult, Sql } from "./batch";
import type { Rejection, Verdict } from "./rows";

// One slice of a Flexydial update (contact update and lead reassignment, §1.5), inside the
// caller's transaction together with its checkpoint. `reference_field` finds the contacts
// (`numeric`, the identifier field, or any other CRM field: every match is updated, as the
// 2022 uploader did). Only the supplied, non-blank columns change: they are merged into the
// stored record, the merged record is validated against the full schema, and written back.
// `user` alone reassigns; `numeric` can change when contacts are found by a CRM field.

type Match = StoredCustomer & { ord: number };
type Planned = { index: number; customers: { customer: StoredCustomer; merged: ValidRecord }[] };

export async function updateBatch(tx: Sql, ctx: BatchContext, verdicts: readonly Verdict[], referenceField: string): Promise<BatchResult> {
  const result: BatchResult = { rejections: [], successful: 0 };
  const candidates: { index: number; record: ValidRecord }[] = [];
  for (const verdict of verdicts) {
    if ("rejection" in verdict) result.rejections.push(verdict.rejection);
    else candidates.push(verdict);
  }
  const reject = (index: number, id: string | null, kind: Rejection["kind"], description: string) =>
    result.rejections.push({ index, id, errors: [description], row: ctx.rows[index], kind });

  const matches = await findContacts(
    tx,
    ctx,
    referenceField,
    candidates.map((c) => keyText(c.record.values[referenceField]) ?? ""),
  );
  const found = candidates.flatMap((candidate, i) => {
    const customers = matches.get(i + 1) ?? [];
    if (customers.length === 0)
      reject(candidate.index, candidate.record.id ?? null, "failed", rowMessages.notFoundForUpdate(referenceField));
    return customers.length ? [{ ...candidate, customers }] : [];
  });

  const planned = mergeAndValidate(ctx, found, reject);
  const accepted = await checkChanges(tx, ctx, planned, referenceField, reject);
  await writeCustomers(tx, ctx, accepted);
  result.successful = accepted.length;
  return result;
}

// Supplied values override the stored record; blanks are skipped (the 2022 updater did the same).
function mergeAndValidate(
  ctx: BatchContext,
  found: { index: number; record: ValidRecord; customers: StoredCustomer[] }[],
  reject: (index: number, id: string | null, kind: Rejection["kind"], description: string) => void,
): Planned[] {
  const merged: Record<string, unknown>[] = [];
  const owners: { row: number; customer: StoredCustomer }[] = [];
  found.forEach(({ index, customers }, row) => {
    const supplied = Object.fromEntries(Object.entries(ctx.rows[index]).filter(([, value]) => !isBlank(value)));
    for (const customer of customers) {
      merged.push({ ...storedRecord(customer, ctx.schema), ...supplied });
      owners.push({ row, customer });
    }
  });
  const validation = validateRecords(merged, ctx.schema, ctx.policy, { unknownKeys: "keep" });
  const valid = new Map(validation.valid.map((r) => [r.index, r]));
  const problems = new Map<number, string>();
  for (const invalid of validation.invalid) {
    problems.set(owners[invalid.index].row, invalid.issues.map((issue) => issue.message).join("; "));
  }
  const planned: Planned[] = found.map(({ index }) => ({ index, customers: [] }));
  owners.forEach(({ row, customer }, i) => {
    const record = valid.get(i);
    if (record) planned[row].customers.push({ customer, merged: record });
    else if (!problems.has(row)) problems.set(row, rowMessages.duplicateInFile);
  });
  return planned.filter((plan, row) => {
    const problem = problems.get(row);
    if (problem) reject(plan.index, found[row].record.id ?? null, "invalid", problem);
    return !problem;
  });
}

// A new identifier or phone must not belong to another contact, and a new phone must not be on
// the DNC list; an identifier cannot be given to several matched contacts at once.
async function checkChanges(
  tx: Sql,
  ctx: BatchContext,
  planned: Planned[],
  referenceField: string,
  reject: (index: number, id: string | null, kind: Rejection["kind"], description: string) => void,
): Promise<Planned[]> {
  const newIds = planned.flatMap((p) => p.customers.filter((c) => c.merged.id !== c.customer.identifier).map((c) => c.merged.id));
  const newPhones = planned.flatMap((p) =>
    p.customers.filter((c) => c.merged.phoneE164 !== c.customer.phoneE164).map((c) => c.merged.phoneE164),
  );
  const [takenIds, phoneOwners, blocked] = await Promise.all([
    newIds.length
      ? tx.$queryRaw<
          { identifier: string }[]
        >`SELECT identifier FROM customers WHERE "campaignId" = ${ctx.campaignId} AND identifier = ANY(${newIds}::text[])`
      : [],
    newPhones.length
      ? tx.$queryRaw<
          { id: string; phone: string }[]
        >`SELECT id::text AS id, "phoneE164" AS phone FROM customers WHERE "campaignId" = ${ctx.campaignId} AND "phoneE164" = ANY(${newPhones}::text[])`
      : [],
    blockedNumbers(tx, ctx.organizationId, ctx.campaignId, newPhones),
  ]);
  const taken = new Set(takenIds.map((r) => r.identifier));
  const identifierField = ctx.schema.identifierKey ?? ctx.schema.phoneKey;

  return planned.filter(({ index, customers }) => {
    const ids = new Set(customers.map((c) => c.customer.id));
    let problem: [Rejection["kind"], string] | null = null;
    for (const { customer, merged } of customers) {
      if (merged.id !== customer.identifier) {
        if (customers.length > 1) problem = ["invalid", rowMessages.ambiguousIdentifierChange(referenceField, identifierField)];
        else if (taken.has(merged.id)) problem = ["duplicate", rowMessages.alreadyExists(identifierField, ctx.campaignName)];
      }
      if (!problem && merged.phoneE164 !== customer.phoneE164) {
        const block = blocked.get(merged.phoneE164);
        if (block) problem = ["invalid", block === "global" ? rowMessages.blockedGlobally : rowMessages.blockedInCampaign];
        else if (phoneOwners.some((o) => o.phone === merged.phoneE164 && !ids.has(o.id))) {
          problem = ["duplicate", rowMessages.alreadyExists(ctx.schema.phoneKey, ctx.campaignName)];
        }
      }
      if (problem) break;
    }
    if (problem) reject(index, customers[0].customer.identifier, problem[0], problem[1]);
    return !problem;
  });
}

async function findContacts(tx: Sql, ctx: BatchContext, referenceField: string, values: string[]): Promise<Map<number, Match[]>> {
  const byOrdinal = new Map<number, Match[]>();
  if (values.length === 0) return byOrdinal;
  const column =
    referenceField === ctx.schema.phoneKey
      ? Prisma.sql`c."phoneE164"`
      : referenceField === ctx.schema.identifierKey
        ? Prisma.sql`c.identifier`
        : Prisma.sql`(c.data ->> ${referenceField})`;
  // FOR UPDATE: a concurrent update of the same contacts waits, instead of one overwriting the other.
  const rows = await tx.$queryRaw<Match[]>`
    SELECT r.ord::int AS ord, c.id::text AS id, c.identifier, c."phoneRaw", c."phoneE164", c."firstName", c."lastName",
           c.language, c."assignedTo", c.data
    FROM unnest(${values}::text[]) WITH ORDINALITY AS r(value, ord)
    JOIN customers c ON c."campaignId" = ${ctx.campaignId} AND ${column} = r.value
    ORDER BY c.id
    FOR UPDATE OF c`;
  for (const row of rows) {
    const list = byOrdinal.get(row.ord) ?? [];
    list.push(row);
    byOrdinal.set(row.ord, list);
  }
  return byOrdinal;
}

async function writeCustomers(tx: Sql, ctx: BatchContext, accepted: Planned[]) {
  const ids: string[] = [];
  const c = emptyColumns();
  for (const plan of accepted) {
    for (const { customer, merged } of plan.customers) {
      ids.push(customer.id);
      pushColumns(c, merged, ctx.schema);
    }
  }
  if (ids.length === 0) return;
  await tx.$executeRaw`
    UPDATE customers AS t SET
      identifier = u.identifier, "phoneRaw" = u.phone_raw, "phoneE164" = u.phone_e164, "firstName" = u.first_name,
      "lastName" = u.last_name, language = u.language, "assignedTo" = u.assigned_to, data = u.data::jsonb, "updatedAt" = now()
    FROM unnest(
      ${ids}::uuid[], ${c.identifier}::text[], ${c.phoneRaw}::text[], ${c.phoneE164}::text[], ${c.firstName}::text[],
      ${c.lastName}::text[], ${c.language}::text[], ${c.assignedTo}::text[], ${c.data}::text[]
    ) AS u(id, identifier, phone_raw, phone_e164, first_name, last_name, language, assigned_to, data)
    WHERE t.id = u.id AND t."campaignId" = ${ctx.campaignId}`;
}
