import { db } from "@/lib/db/client";
import { blockedNumbers } from "@/lib/dnc/dnc-entries";
import { rowMessages, uploadErrors } from "../messages";
import type { ValidRecord } from "@/lib/records/validate-records";
import { insertCustomers } from "@/lib/customers/insert-customers";
import type { BatchContext, BatchResult } from "./batch";
import type { Rejection, Verdict } from "./rows";

// One slice of a Flexydial insert, written through the shared insert path (insertCustomers).
// Safe to run again after a crash, or twice at once: every customer row carries this job's id,
// so a row an interrupted run already wrote counts as written, not as "already exist"; the
// checkpoint that follows is fenced (flexydial-batch.ts), so only one run's counts land.

export async function insertBatch(ctx: BatchContext, verdicts: readonly Verdict[]): Promise<BatchResult> {
  const result: BatchResult = { rejections: [], successful: 0 };
  const candidates: { index: number; record: ValidRecord }[] = [];
  for (const verdict of verdicts) {
    if ("rejection" in verdict) result.rejections.push(verdict.rejection);
    else candidates.push(verdict);
  }

  const phones = candidates.map((c) => c.record.phoneE164);
  const [blocked, stored] = await Promise.all([
    blockedNumbers(db, ctx.organizationId, ctx.campaignId, phones),
    storedWithPhones(ctx, phones),
  ]);
  const toWrite: ValidRecord[] = [];
  for (const { index, record } of candidates) {
    const holders = stored.get(record.phoneE164);
    const block = blocked.get(record.phoneE164);
    // Written by an earlier run of this job that stopped before its checkpoint: already done,
    // whatever the DNC list says now.
    if (holders?.some((h) => h.own && h.identifier === record.id)) result.successful++;
    else if (block)
      result.rejections.push(
        rejection(ctx, index, record, "invalid", block === "global" ? rowMessages.blockedGlobally : rowMessages.blockedInCampaign),
      );
    // This job's own rows never hold another row's phone: phones are unique within the job.
    else if (holders?.some((h) => !h.own))
      result.rejections.push(rejection(ctx, index, record, "duplicate", rowMessages.alreadyExists(ctx.schema.phoneKey, ctx.campaignName)));
    else toWrite.push(record);
  }

  const written = await insertCustomers({ campaignId: ctx.campaignId, uploadJobId: ctx.uploadJobId, schema: ctx.schema, records: toWrite });
  result.successful += written.inserted.length;
  // "Existing" may be our own rows, written by a run of this job that is still going or was cut short.
  const ownAfter = await writtenByJob(
    ctx,
    written.existing.map((r) => r.id),
  );
  const identifierField = ctx.schema.identifierKey ?? ctx.schema.phoneKey;
  for (const record of written.existing) {
    if (ownAfter.has(record.id)) result.successful++;
    else
      result.rejections.push(
        rejection(ctx, record.index, record, "duplicate", rowMessages.alreadyExists(identifierField, ctx.campaignName)),
      );
  }
  // Another request took the phone between the check above and this insert: the index refused it.
  for (const record of written.samePhone)
    result.rejections.push(
      rejection(ctx, record.index, record, "duplicate", rowMessages.alreadyExists(ctx.schema.phoneKey, ctx.campaignName)),
    );
  for (const record of written.failed) result.rejections.push(rejection(ctx, record.index, record, "failed", uploadErrors.somethingWrong));
  return result;
}

async function writtenByJob(ctx: BatchContext, identifiers: string[]): Promise<Set<string>> {
  if (identifiers.length === 0) return new Set();
  const rows = await db.$queryRaw<{ identifier: string }[]>`
    SELECT identifier FROM customers
    WHERE "campaignId" = ${ctx.campaignId} AND identifier = ANY(${identifiers}::text[]) AND "uploadJobId" = ${ctx.uploadJobId}`;
  return new Set(rows.map((r) => r.identifier));
}

// The phone is checked here for Flexydial's wording and for its own earlier rows; the unique
// (campaignId, uniquePhone) index also holds it when the campaign's duplicatesBy keys on the phone.
async function storedWithPhones(ctx: BatchContext, phones: string[]): Promise<Map<string, { identifier: string; own: boolean }[]>> {
  const byPhone = new Map<string, { identifier: string; own: boolean }[]>();
  if (phones.length === 0) return byPhone;
  const rows = await db.$queryRaw<{ phone: string; identifier: string; own: boolean }[]>`
    SELECT "phoneE164" AS phone, identifier, "uploadJobId" IS NOT DISTINCT FROM ${ctx.uploadJobId} AS own FROM customers
    WHERE "campaignId" = ${ctx.campaignId} AND "phoneE164" = ANY(${phones}::text[])`;
  for (const row of rows) byPhone.set(row.phone, [...(byPhone.get(row.phone) ?? []), row]);
  return byPhone;
}

function rejection(ctx: BatchContext, index: number, record: ValidRecord, kind: Rejection["kind"], description: string): Rejection {
  return { index, id: record.id, errors: [description], row: ctx.rows[index], kind };
}
