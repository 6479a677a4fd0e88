import { z } from "zod";
import type { FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import { buildRecordSchema, FORBIDDEN_KEYS, type RecordSchema } from "./build-record-schema";
import { checkExtraValue, isBlank } from "./field-checks";
import { recordMessages } from "./messages";
import { numberFormatSchema } from "./number-text";
import type { IndexedIssue, Issue } from "./issues";
import { RecordIssues, type FieldErrors } from "./record-issues";
import { keyText, RequestDuplicates, type DuplicateRecord } from "./request-duplicates";

export type { DuplicateRecord } from "./request-duplicates";
export type { FieldErrors, FieldIssue } from "./record-issues";
export type { IndexedIssue, Issue, IssueCode } from "./issues";

// The one validator behind the upload wizard's Web Worker, the TimePay bulk route and the
// Flexydial import worker, so the preview can never disagree with the server. Pure: no I/O,
// nothing server-only. Duplicates against the campaign's stored contacts are the caller's job;
// this only sees the request.

export const validateOptionsSchema = z.object({
  /** "keep": keys outside the schema are stored with the record (TimePay). "error": rejected. */
  unknownKeys: z.enum(["keep", "error"]).default("keep"),
  /** Also reject a repeated normalised phone (a campaign whose duplicatesBy keys on it; Flexydial). */
  uniquePhone: z.boolean().default(false),
  /**
   * false: every record that passes its checks is valid and none is a duplicate; the caller
   * looks for duplicates over a larger set with RequestDuplicates and duplicateKeys (the upload
   * wizard, across a whole file, again after each edit).
   */
  findDuplicates: z.boolean().default(true),
  /**
   * The organization's agent usernames: a record assigned to anyone else is refused
   * (unknown_agent). Absent: the agent is not checked (an update that keeps it, a unit test).
   */
  agents: z.custom<ReadonlySet<string>>((value) => value instanceof Set).optional(),
  /**
   * How the records' numbers are written (the upload wizard's per-file choice, number-text.ts):
   * number fields then also read "1.234,56", "₹ 500" or Devanagari digits, with a warning. Absent
   * (the APIs): numbers are read strictly, as the contracts say.
   */
  numberFormat: numberFormatSchema.optional(),
});
export type ValidateOptions = z.input<typeof validateOptionsSchema>;

export interface ValidRecord {
  index: number;
  /** The identifier (generated UUID for lead generation), or the E.164 phone when the schema has none. */
  id: string;
  /** Every present schema field normalised (phone as E.164), plus kept unknown keys. */
  values: Record<string, unknown>;
  phoneRaw: string;
  phoneE164: string;
  agent: string | null;
  /** Warnings only (a valid record has no errors); usually a shared, frozen empty object. */
  fieldErrors: Readonly<FieldErrors>;
}

export interface InvalidRecord {
  index: number;
  /** The identifier when it was present and valid, else null. */
  id: string | null;
  /** In schema field order, then rules, then unknown keys. */
  issues: Issue[];
  fieldErrors: Readonly<FieldErrors>;
}

export interface ValidationResult {
  valid: ValidRecord[];
  invalid: InvalidRecord[];
  duplicates: DuplicateRecord[];
  /** "phone_number '9876543210.0' had a trailing '.0' …" with its record's index, for valid and invalid records. */
  warnings: IndexedIssue[];
}

export function validateRecords(
  records: readonly unknown[],
  schema: FieldSchema,
  policy: PhonePolicy,
  options?: ValidateOptions,
): ValidationResult {
  const { unknownKeys, uniquePhone, findDuplicates, agents, numberFormat } = validateOptionsSchema.parse(options ?? {});
  const compiled = buildRecordSchema(schema, policy, numberFormat);
  // A repeated phone of a schema with an identifier is the same person under another id: its own code.
  const personPhone = uniquePhone && compiled.identifierKey !== null ? compiled.phoneKey : null;
  const duplicates = new RequestDuplicates(findDuplicates ? duplicateKeys(compiled, uniquePhone) : [], personPhone);
  const result: ValidationResult = { valid: [], invalid: [], duplicates: [], warnings: [] };

  for (let index = 0; index < records.length; index++) {
    const record = checkRecord(records[index], index, compiled, unknownKeys, result.warnings, agents);
    if ("issues" in record) {
      result.invalid.push(record);
      continue;
    }
    const duplicate = duplicates.find(index, record.id, record.values);
    if (duplicate) {
      result.duplicates.push(duplicate);
      continue;
    }
    duplicates.remember(index, record.values);
    result.valid.push(record);
  }
  return result;
}

/** The keys a record may not repeat: the identifier, fields marked unique, and optionally the phone. */
export function duplicateKeys(
  schema: { identifierKey: string | null; phoneKey: string; fields: readonly { key: string; unique?: boolean }[] },
  uniquePhone: boolean,
): string[] {
  const keys = new Set<string>();
  if (schema.identifierKey !== null) keys.add(schema.identifierKey);
  for (const field of schema.fields) if (field.unique) keys.add(field.key);
  if (uniquePhone) keys.add(schema.phoneKey);
  return [...keys];
}

/** Appends the record's prefixed warnings to `warnings`; returns it valid or invalid. */
function checkRecord(
  record: unknown,
  index: number,
  schema: RecordSchema,
  unknownKeys: "keep" | "error",
  warnings: IndexedIssue[],
  agents: ReadonlySet<string> | undefined,
): ValidRecord | InvalidRecord {
  const issues = new RecordIssues(index, warnings);
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    issues.error(null, "not_an_object", recordMessages.notObject);
    return invalid(issues, null);
  }

  const input = record as Record<string, unknown>;
  // A plain object is safe here: only schema keys (vetted by buildRecordSchema) and unknown
  // keys that passed the FORBIDDEN_KEYS test below are ever assigned.
  const values: Record<string, unknown> = {};
  let phoneRaw = "";

  for (const field of schema.fields) {
    // Own properties only: a record without "language" must not read Object.prototype's.
    const value = Object.hasOwn(input, field.key) ? input[field.key] : undefined;
    if (isBlank(value)) {
      if (field.required) issues.error(field.key, "missing_required", recordMessages.missingRequired(field.key));
      continue;
    }
    const checked = field.check(value);
    if (!checked.ok) {
      issues.error(field.key, checked.code, checked.message);
      continue;
    }
    values[field.key] = checked.value;
    if (field.key === schema.phoneKey) phoneRaw = checked.raw ?? "";
    if (checked.warning) issues.warning(field.key, checked.warningCode ?? "phone_float_artefact", checked.warning);
  }

  // One rule for the assignee, whichever door the record came through.
  const assignee = schema.agentKey === null || agents === undefined ? undefined : values[schema.agentKey];
  const named = typeof assignee === "number" ? String(assignee) : typeof assignee === "string" ? assignee.trim() : "";
  if (named !== "" && !agents!.has(named)) issues.error(schema.agentKey, "unknown_agent", recordMessages.unknownAgent);

  for (const rule of schema.rules) {
    if (issues.hasError(rule.fields[0]) || issues.hasError(rule.fields[1])) continue;
    const broken = rule.check(values);
    if (broken) issues.error(broken.field, broken.code, broken.message);
  }

  for (const key of Object.keys(input)) {
    if (schema.fieldKeys.has(key)) continue;
    if (FORBIDDEN_KEYS.has(key)) issues.error(key, "forbidden_field", recordMessages.forbiddenField(key));
    else if (unknownKeys === "error") issues.error(key, "unknown_field", recordMessages.unknownField(key));
    else if (!isBlank(input[key])) {
      const checked = checkExtraValue(key, input[key]);
      if (checked.ok) values[key] = checked.value;
      else issues.error(key, checked.code, checked.message);
    }
  }

  const identifier = schema.identifierKey === null ? undefined : keyText(values[schema.identifierKey]);
  if (issues.issues.length > 0) return invalid(issues, identifier ?? null);

  const phoneE164 = values[schema.phoneKey] as string;
  let id = identifier ?? phoneE164;
  if (identifier === undefined && schema.identifierKey !== null && schema.generateIdentifier) {
    id = crypto.randomUUID();
    values[schema.identifierKey] = id;
  }
  const agent = schema.agentKey === null ? undefined : values[schema.agentKey];
  return { index, id, values, phoneRaw, phoneE164, agent: typeof agent === "string" ? agent : null, fieldErrors: issues.fieldErrors };
}

function invalid(issues: RecordIssues, id: string | null): InvalidRecord {
  return { index: issues.index, id, issues: issues.issues, fieldErrors: issues.fieldErrors };
}
