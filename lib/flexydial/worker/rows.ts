import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import { validateRecords, type ValidRecord } from "@/lib/records/validate-records";
import { rowMessages } from "../messages";
import type { UploadRow } from "../upload-request";
import type { UploadRowError } from "@/lib/upload-jobs/upload-jobs";

// The checks of a Flexydial upload that need no database, run by the worker over the whole
// payload at the start of every slice. Deterministic, so a resumed job judges each row exactly as
// the interrupted run did. The validation core decides the fields and the assignee (the `user`
// must be an agent of the organization, the same rule as every door); Flexydial's framing is here.

export type Rejection = UploadRowError & { row: UploadRow; kind: "invalid" | "duplicate" | "failed" };

export type Verdict = { index: number; rejection: Rejection } | { index: number; record: ValidRecord };

export type RowRules = { schema: FieldSchema; policy: PhonePolicy };

export type RowAction = { action: "insert" } | { action: "update"; referenceField: string };

export function judgeRows(rows: readonly UploadRow[], rules: RowRules, action: RowAction, agents: ReadonlySet<string>): Verdict[] {
  const verdicts: Verdict[] = new Array(rows.length);

  // An update carries only the columns it changes: nothing is required, the merged record is
  // validated again against the full schema before it is written.
  const schema = action.action === "update" ? optionalFields(rules.schema) : rules.schema;
  // The phone is the contact's key in Flexydial (updates find contacts by it), so it may not repeat.
  // An unknown agent is refused by the core like any invalid value, so the row never counts as
  // the first occurrence that makes a later, good copy "duplicated in file".
  const result = validateRecords(rows, schema, rules.policy, { unknownKeys: "error", uniquePhone: true, agents });
  for (const invalid of result.invalid) {
    // The 2022 uploader says only this for a row with an unknown user, whatever else is wrong with it.
    const unknownUser = invalid.issues.some((issue) => issue.code === "unknown_agent");
    const description = unknownUser ? rowMessages.unknownUser : invalid.issues.map((issue) => issue.message).join("; ");
    verdicts[invalid.index] = reject(rows, invalid.index, unknownUser ? null : invalid.id, "invalid", description);
  }
  for (const duplicate of result.duplicates) {
    verdicts[duplicate.index] = reject(rows, duplicate.index, duplicate.id, "duplicate", rowMessages.duplicateInFile);
  }
  for (const record of result.valid) {
    const blank = action.action === "update" && record.values[action.referenceField] === undefined;
    verdicts[record.index] = blank
      ? reject(rows, record.index, record.id ?? null, "invalid", rowMessages.blankReference(action.referenceField))
      : { index: record.index, record };
  }
  return verdicts;
}

export function reject(
  rows: readonly UploadRow[],
  index: number,
  id: string | null,
  kind: Rejection["kind"],
  description: string,
): { index: number; rejection: Rejection } {
  return { index, rejection: { index, id, errors: [description], row: rows[index], kind } };
}

function optionalFields(schema: FieldSchema): FieldSchema {
  return { ...schema, generateIdentifier: false, fields: schema.fields.map((field) => ({ ...field, required: false })) };
}
