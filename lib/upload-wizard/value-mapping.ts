import { jaroWinkler } from "@skyra/jaro-winkler";
import { LANGUAGES, type FieldDefinition, type FieldSchema } from "@/lib/campaigns/field-schema";

// Values outside an enum, mapped by the operator: the file's distinct values that a field's enum
// (payment_status, language, an enum CRM field) does not accept, with their counts and a suggestion,
// and the choices applied to the cells in the worker before the validation core sees them.
// Choices are keyed by the folded value, so "Overdue", "overdue " and "OVERDUE" are one choice.

/** Per field: folded file value → the enum value it stands for. */
export type ValueMappings = Record<string, Record<string, string>>;
/** As remembered per campaign: null remembers "leave it as it is". */
export type RememberedValues = Record<string, Record<string, string | null>>;

export type UnmappedValue = {
  /** The folded value the choice is keyed by. */
  key: string;
  /** As first written in the file. */
  text: string;
  /** Rows holding it. */
  count: number;
  /** The closest enum value, if one is close enough. */
  suggestion: string | null;
  /** The suggestion differs only by case, accents, spacing or punctuation: safe to apply unasked. */
  exact: boolean;
};

export type EnumColumn = {
  field: string;
  label: string;
  allowed: string[];
  /** The most frequent values first, at most `limit` of them. */
  values: UnmappedValue[];
  /** Values past the limit, and the rows they are in: they stay as they are. */
  otherValues: number;
  otherRows: number;
};

/** Similarity (Jaro-Winkler) from which an enum value is offered as a suggestion. */
export const SUGGESTION_THRESHOLD = 0.8;
/** Distinct values listed per field; a free-text column mapped to an enum could have thousands. */
export const LISTED_VALUES = 50;

/** The enum a field's values must be in, or null for fields that are not enums. */
export function enumOf(def: FieldDefinition): readonly string[] | null {
  if (def.type === "language") return LANGUAGES;
  return def.type === "enum" ? (def.enumValues ?? []) : null;
}

/** Case, accents, spacing and punctuation do not matter: "Partially  Paid", "partially-paid". */
export function foldValue(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The distinct values of a field that its enum does not accept (as the core compares: trimmed, any case). */
export function collectUnmapped(def: FieldDefinition, values: Iterable<string>, limit = LISTED_VALUES): EnumColumn {
  const allowed = [...(enumOf(def) ?? [])];
  const accepted = new Set(allowed.map((value) => value.toLowerCase()));
  const byRaw = new Map<string, number>();
  for (const value of values) {
    const text = value.trim();
    if (text === "" || accepted.has(text.toLowerCase())) continue;
    byRaw.set(text, (byRaw.get(text) ?? 0) + 1);
  }
  const byKey = new Map<string, { text: string; count: number }>();
  for (const [text, count] of byRaw) {
    const key = foldValue(text);
    const entry = byKey.get(key);
    if (entry) entry.count += count;
    else byKey.set(key, { text, count });
  }
  const sorted = [...byKey].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1));
  const listed = sorted.slice(0, limit).map(([key, { text, count }]): UnmappedValue => {
    const suggestion = suggest(key, allowed);
    return { key, text, count, suggestion: suggestion?.value ?? null, exact: suggestion?.exact ?? false };
  });
  const others = sorted.slice(limit);
  return {
    field: def.key,
    label: def.label,
    allowed,
    values: listed,
    otherValues: others.length,
    otherRows: others.reduce((sum, [, { count }]) => sum + count, 0),
  };
}

/** The enum value a folded value most likely means: equal once folded, else the most similar above the threshold. */
export function suggest(folded: string, allowed: readonly string[]): { value: string; exact: boolean } | null {
  const compact = folded.replaceAll(" ", "");
  if (compact === "") return null;
  let best: { value: string; score: number } | null = null;
  for (const value of allowed) {
    const candidate = foldValue(value).replaceAll(" ", "");
    if (candidate === compact) return { value, exact: true };
    const score = jaroWinkler(compact, candidate);
    if (score >= SUGGESTION_THRESHOLD && (best === null || score > best.score)) best = { value, score };
  }
  return best && { value: best.value, exact: false };
}

/**
 * The choices offered for a file: what the operator chose before (remembered, when still in the
 * enum; a remembered "leave it" stays left), else the suggestions that differ only by case,
 * accents or spacing.
 */
export function initialChoices(columns: readonly EnumColumn[], remembered: RememberedValues | undefined): ValueMappings {
  const choices: ValueMappings = {};
  for (const column of columns) {
    const mine: Record<string, string> = {};
    const saved = remembered && Object.hasOwn(remembered, column.field) ? remembered[column.field] : undefined;
    for (const value of column.values) {
      if (saved && Object.hasOwn(saved, value.key)) {
        const to = saved[value.key];
        if (to !== null && column.allowed.includes(to)) mine[value.key] = to;
      } else if (value.exact && value.suggestion) mine[value.key] = value.suggestion;
    }
    choices[column.field] = mine;
  }
  return choices;
}

/** Whether a value's choice came from an earlier upload to the campaign. */
export function isRemembered(remembered: RememberedValues | undefined, field: string, key: string): boolean {
  return remembered !== undefined && Object.hasOwn(remembered, field) && Object.hasOwn(remembered[field], key);
}

/** The choices to remember: every listed value, mapped or (null) left as it is. */
export function valuesToRemember(columns: readonly EnumColumn[], choices: ValueMappings): RememberedValues {
  const out: RememberedValues = {};
  for (const column of columns) {
    if (column.values.length === 0) continue;
    out[column.field] = Object.fromEntries(column.values.map((value) => [value.key, choices[column.field]?.[value.key] ?? null]));
  }
  return out;
}

/**
 * Replaces mapped values in the mapped records, in place, before validation. Folding is done once
 * per distinct cell text, so 100,000 rows cost a Map lookup per cell.
 */
export function applyValueMappings(records: readonly Record<string, string>[], mappings: ValueMappings, schema: FieldSchema): number {
  const fields = Object.entries(mappings).filter(
    ([field, map]) => Object.keys(map).length > 0 && schema.fields.some((def) => def.key === field && enumOf(def) !== null),
  );
  let changed = 0;
  for (const [field, map] of fields) {
    const seen = new Map<string, string | null>();
    for (const record of records) {
      const value = record[field];
      if (!value) continue;
      let to = seen.get(value);
      if (to === undefined) {
        const key = foldValue(value);
        to = Object.hasOwn(map, key) ? map[key] : null;
        seen.set(value, to);
      }
      if (to !== null) {
        record[field] = to;
        changed++;
      }
    }
  }
  return changed;
}
