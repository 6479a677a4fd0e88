import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import { validateRecords, type ValidRecord } from "@/lib/records/validate-records";
import { rowMessages } from "../messages";
import type { UploadRow } from "../upload-request";
import type { UploadRowError } from "@/lib/upload-jobs/upload-jobs";

// The checks of a Flexydial upload that need no database, run by the worker over the whole
// payload at the start of every slice. Deterministic, so a resumed job judges each row exactly as
// the interrupted run did. The validation core decides the fields; Flexydial's own rules (the
// `user` must be an agent of the organization, a repeated row is "duplicated in file") are here.

export type Rejection = UploadRowError & { row: UploadRow; kind: "invalid" | "duplicate" | "failed" };

export type Verdict = { index: number; rejection: Rejection } | { index: number; record: ValidRecord };

export type RowRules = { schema: FieldSchema; policy: PhonePolicy };

export type RowAction = { action: "insert" } | { action: "update"; referenceField: string };

export function judgeRows(rows: readonly UploadRow[], rules: RowRules, action: RowAction, agents: ReadonlySet<string>): Verdict[] {
  const verdicts: Verdict[] = new Array(rows.length);
  // Unknown agents first, and out of the core's sight: a refused row must not count as the
  // first occurrence that makes a later, good copy "duplicated in file".
  const agentKey = rules.schema.agentKey;
  const checked = rows.map((row, index) => {
    const agent = agentKey === null ? undefined : agentText(row[agentKey]);
    if (agent === undefined || agents.has(agent)) return row;
    verdicts[index] = reject(rows, index, null, "invalid", rowMessages.unknownUser);
    return null;
  });

  // An update carries only the columns it changes: nothing is required, the merged record is
  // validated again against the full schema before it is written.
  const schema = action.action === "update" ? optionalFields(rules.schema) : rules.schema;
  // The phone is the contact's key in Flexydial (updates find contacts by it), so it may not repeat.
  const result = validateRecords(checked, schema, rules.policy, { unknownKeys: "error", uniquePhone: true });
  for (const invalid of result.invalid) {
    verdicts[invalid.index] ??= reject(rows, invalid.index, invalid.id, "invalid", invalid.issues.map((issue) => issue.message).join("; "));
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

export function reject(rows: readonly UploadRow[], index: number, id: string | null, kind: Rejection["kind"], description: string): { index: number; rejection: Rejection } {
  return { index, rejection: { index, id, errors: [description], row: rows[index], kind } };
}

/** The agent a row names, as text; undefined when it names none or the core should judge it. */
function agentText(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return value.trim();
}

function optionalFields(schema: FieldSchema): FieldSchema {
  return { ...schema, generateIdentifier: false, fields: schema.fields.map((field) => ({ ...field, required: false })) };
}
