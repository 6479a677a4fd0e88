import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { batches, DNC_TRANSACTION } from "./dnc-batches";
import { actorName, type DncChange, recordDncEvents } from "./dnc-events";
import type { DncFileInput, DncProblemCode } from "./dnc-input";
import { assertCanEditDnc, dncPhone, dncScope } from "./dnc-writes";

// A file of numbers for the DNC list (decoded in the browser by the upload wizard's reader):
// every row is checked — not a phone number, the same number as an earlier row, already on the
// list — and then every valid row is added in one transaction. A number on the list but removed
// (inactive) is re-activated rather than refused.

export type DncRowProblem = { row: number; value: string; code: DncProblemCode; message: string };

export type DncFileCounts = {
  rows: number;
  /** New numbers the import adds. */
  toAdd: number;
  /** Numbers on the list but removed: the import re-activates them. */
  toReactivate: number;
  invalid: number;
  duplicateInFile: number;
  alreadyListed: number;
};

/** Problems returned per request; the counts cover every row. */
export const MAX_PROBLEMS_SHOWN = 1_000;

type Sql = Pick<Prisma.TransactionClient, "$queryRaw">;
type Candidate = { row: number; value: string; e164: string };
type Existing = { id: string; phoneE164: string; phoneRaw: string; status: string; reason: string | null };

/** What importing the file would do; writes nothing. */
export async function checkDncFile(ctx: DomainContext, input: DncFileInput) {
  assertCanEditDnc(ctx);
  const list = await dncScope(ctx, input.campaignId);
  const plan = await planFile(db, ctx.organizationId, list.scope, list.country, input.numbers);
  return { counts: plan.counts, problems: plan.problems.slice(0, MAX_PROBLEMS_SHOWN) };
}

/** Adds every valid row (and re-activates removed ones) in one transaction; answers the counts. */
export async function importDncFile(ctx: DomainContext, input: DncFileInput) {
  assertCanEditDnc(ctx);
  const list = await dncScope(ctx, input.campaignId);
  const actor = await actorName(ctx);
  const reason = input.reason ? input.reason : null;
  return db.$transaction(async (tx) => {
    const plan = await planFile(tx, ctx.organizationId, list.scope, list.country, input.numbers);
    const events: DncChange[] = [];
    let added = 0;
    let lost = 0;
    for (const batch of batches(plan.add)) {
      const created = await tx.$queryRaw<{ id: string; phone: string; raw: string }[]>`
        INSERT INTO dnc_entries (id, "organizationId", "campaignId", scope, "phoneRaw", "phoneE164", status, reason, "createdAt")
        SELECT gen_random_uuid()::text, ${ctx.organizationId}, ${list.campaignId}, ${list.scope}, r.raw, r.e164, 'active', ${reason}, now()
        FROM unnest(${batch.map((c) => c.value.trim())}::text[], ${batch.map((c) => c.e164)}::text[]) AS r(raw, e164)
        ON CONFLICT ("organizationId", scope, "phoneE164") DO NOTHING
        RETURNING id, "phoneE164" AS phone, "phoneRaw" AS raw`;
      added += created.length;
      // Added by someone else since the check: already on the list.
      lost += batch.length - created.length;
      for (const c of created) {
        events.push({ entryId: c.id, phoneE164: c.phone, phoneRaw: c.raw, scope: list.scope, action: "added", status: "active", reason });
      }
    }
    let reactivated = 0;
    for (const batch of batches(plan.reactivate)) {
      const ids = batch.map((e) => e.id);
      const changed = await tx.$queryRaw<{ id: string }[]>`
        UPDATE dnc_entries SET status = 'active' WHERE id = ANY(${ids}::text[]) AND status = 'inactive' RETURNING id`;
      const done = new Set(changed.map((c) => c.id));
      reactivated += done.size;
      for (const e of batch.filter((e) => done.has(e.id))) {
        events.push({
          entryId: e.id,
          phoneE164: e.phoneE164,
          phoneRaw: e.phoneRaw,
          scope: list.scope,
          action: "reactivated",
          status: "active",
          reason: e.reason,
        });
      }
    }
    await recordDncEvents(tx, ctx, actor, events);
    return {
      rows: plan.counts.rows,
      added,
      reactivated,
      invalid: plan.counts.invalid,
      duplicateInFile: plan.counts.duplicateInFile,
      alreadyListed: plan.counts.alreadyListed + lost,
    };
  }, DNC_TRANSACTION);
}

async function planFile(sql: Sql, organizationId: string, scope: string, country: string, numbers: DncFileInput["numbers"]) {
  const problems: DncRowProblem[] = [];
  const firstRow = new Map<string, number>();
  const candidates: Candidate[] = [];
  let invalid = 0;
  let duplicateInFile = 0;
  for (const { row, value } of numbers) {
    const phone = dncPhone(value, country);
    if (!phone.ok) {
      invalid++;
      problems.push({
        row,
        value,
        code: "invalid",
        message: value.trim() === "" ? "No number in this row" : `Not a phone number: ${phone.message}`,
      });
      continue;
    }
    const first = firstRow.get(phone.e164);
    if (first !== undefined) {
      duplicateInFile++;
      problems.push({ row, value, code: "duplicate_in_file", message: `Same number as row ${first} (${phone.e164})` });
      continue;
    }
    firstRow.set(phone.e164, row);
    candidates.push({ row, value, e164: phone.e164 });
  }

  const existing = new Map<string, Existing>();
  for (const phones of batches(candidates.map((c) => c.e164))) {
    const rows = await sql.$queryRaw<Existing[]>`
      SELECT id, "phoneE164", "phoneRaw", status::text AS status, reason FROM dnc_entries
      WHERE "organizationId" = ${organizationId} AND scope = ${scope} AND "phoneE164" = ANY(${phones}::text[])`;
    for (const r of rows) existing.set(r.phoneE164, r);
  }
  const add: Candidate[] = [];
  const reactivate: Existing[] = [];
  let alreadyListed = 0;
  for (const c of candidates) {
    const entry = existing.get(c.e164);
    if (!entry) add.push(c);
    else if (entry.status === "inactive") reactivate.push(entry);
    else {
      alreadyListed++;
      problems.push({ row: c.row, value: c.value, code: "already_listed", message: `Already on the list (${c.e164})` });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  const counts: DncFileCounts = {
    rows: numbers.length,
    toAdd: add.length,
    toReactivate: reactivate.length,
    invalid,
    duplicateInFile,
    alreadyListed,
  };
  return { add, reactivate, problems, counts };
}
