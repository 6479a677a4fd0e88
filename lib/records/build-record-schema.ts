import type { FieldDefinition, FieldRule, FieldSchema, PhonePolicy } from "@/lib/campaigns/field-schema";
import { fieldCheck, type FieldCheck } from "./field-checks";
import { recordMessages } from "./messages";
import type { NumberFormat } from "./number-text";
import { supportedCountry } from "./phone";

// Compiles a campaign's FieldSchema once per validation call: one check per field (zod
// schemas inside are built here, not per record), cross-field rules, and the keys that identify
// a record. Misconfigured schemas throw here, before any record is judged by them.

export interface CompiledField {
  key: string;
  required: boolean;
  unique: boolean;
  check: FieldCheck;
}

export interface RecordSchema {
  /** In schema order: errors are reported in this order. */
  fields: CompiledField[];
  fieldKeys: ReadonlySet<string>;
  rules: CompiledRule[];
  identifierKey: string | null;
  generateIdentifier: boolean;
  phoneKey: string;
  agentKey: string | null;
}

/** A cross-field rule: given a record's valid values, the field to blame and why, or null. */
export interface CompiledRule {
  fields: [string, string];
  check: (values: Readonly<Record<string, unknown>>) => { field: string; code: "rule_violated"; message: string } | null;
}

/** Keys that could reach Object.prototype if copied onto a plain object; never accepted. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** `numbers`: how the records' numbers are written, when the caller knows (field-checks.ts). */
export function buildRecordSchema(schema: FieldSchema, policy: PhonePolicy, numbers?: NumberFormat): RecordSchema {
  supportedCountry(policy.defaultCountry);
  const fieldKeys = new Set<string>();
  const fields = schema.fields.map((def): CompiledField => {
    if (FORBIDDEN_KEYS.has(def.key) || fieldKeys.has(def.key)) throw new Error(`Field schema: bad or repeated key '${def.key}'`);
    fieldKeys.add(def.key);
    const check = fieldCheck(def, policy, numbers);
    return {
      key: def.key,
      required: def.required,
      unique: def.unique === true,
      check: REPEATING.has(def.type) ? remembering(check) : check,
    };
  });

  const phoneField = schema.fields.find((def) => def.key === schema.phoneKey);
  if (phoneField?.type !== "phone") throw new Error(`Field schema: phoneKey '${schema.phoneKey}' is not a phone field`);
  for (const key of [schema.identifierKey, schema.agentKey]) {
    if (key !== null && !fieldKeys.has(key)) throw new Error(`Field schema: '${key}' is not one of its fields`);
  }

  return {
    fields,
    fieldKeys,
    rules: schema.rules.map((rule) => compileRule(rule, fieldKeys)),
    identifierKey: schema.identifierKey,
    generateIdentifier: schema.generateIdentifier,
    phoneKey: schema.phoneKey,
    agentKey: schema.agentKey,
  };
}

/**
 * Types whose values repeat down a column (a due date, a status, an EMI amount): each distinct text
 * is checked once per validation call. Text, phones and emails are mostly distinct: checked each time.
 */
const REPEATING: ReadonlySet<FieldDefinition["type"]> = new Set(["number", "integer", "date", "enum", "language", "boolean"]);
/** Distinct texts remembered per field and call; past it, a column of distinct values is checked as it comes. */
const REMEMBERED_VALUES = 1_000;

/** The same answer for the same text: a check is pure, and its result is only read. */
function remembering(check: FieldCheck): FieldCheck {
  const answers = new Map<string, ReturnType<FieldCheck>>();
  return (value) => {
    if (typeof value !== "string") return check(value);
    let answer = answers.get(value);
    if (answer === undefined) {
      answer = check(value);
      if (answers.size < REMEMBERED_VALUES) answers.set(value, answer);
    }
    return answer;
  };
}

function compileRule(rule: FieldRule, fieldKeys: ReadonlySet<string>): CompiledRule {
  const { field, other } = rule;
  if (!fieldKeys.has(field) || !fieldKeys.has(other)) throw new Error(`Field schema: rule on unknown field '${field}' or '${other}'`);
  const message = recordMessages.greaterThan(field, other);
  return {
    fields: [field, other],
    // Numbers compare numerically; dates are YYYY-MM-DD text, which compares in calendar order.
    check: (values) => {
      const a = values[field];
      const b = values[other];
      const comparable = (typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string");
      return comparable && (a as number | string) > (b as number | string) ? { field, code: "rule_violated", message } : null;
    },
  };
}
