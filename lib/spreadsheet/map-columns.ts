import { z } from "zod";
import type { FieldDefinition } from "@/lib/campaigns/field-schema";
import { stripFormulaEscape } from "./formula-escape";

// Matches spreadsheet headers to a campaign's fields, remembers the operator's choices per
// campaign, and turns data rows into records keyed by field.

/** Column index → field key, or null for "do not import". Every column has an entry. */
export type ColumnMapping = Record<number, string | null>;

export type MappingResult = { mapping: ColumnMapping; unmappedRequired: string[] };

/**
 * Saved per campaign, keyed by normalised header, so a recurring lead source maps itself.
 * `null` remembers "do not import this column" so auto-matching does not bring it back.
 */
export const rememberedMappingSchema = z.object({
  version: z.literal(1),
  columns: z.record(z.string(), z.string().nullable()),
  /**
   * Values outside an enum field's values, mapped in the wizard: field → folded file value → enum
   * value, or null for "leave it as it is" (lib/upload-wizard/value-mapping.ts).
   */
  values: z.record(z.string(), z.record(z.string(), z.string().nullable())).optional(),
});
export type RememberedMapping = z.infer<typeof rememberedMappingSchema>;

export type MappedRow = { rowNumber: number; values: Record<string, string> };

/**
 * Remembered choices first, then automatic matching of the remaining columns and fields.
 * Automatic: the normalised header equals the field key (100), the field part of a
 * `section:field` CRM key or the label (90), or a synonym (80); failing those, the header
 * contains a multi-word or 5+ letter term as whole words covering ≥ 40% of it (48–60).
 * Each field is used at most once; the best score wins, ties go to the leftmost column.
 */
export function mapColumns(headers: string[], fields: FieldDefinition[], remembered?: RememberedMapping): MappingResult {
  const state: MatchState = { mapping: {}, used: new Set(), decided: new Set() };
  headers.forEach((_, column) => {
    state.mapping[column] = null;
  });
  if (remembered) applyRemembered(headers, fields, remembered, state);
  autoMatch(headers, fields, state);
  return { mapping: state.mapping, unmappedRequired: findUnmappedRequired(state.mapping, fields) };
}

/** Required field keys no column is mapped to; recompute after every manual change. */
export function findUnmappedRequired(mapping: ColumnMapping, fields: FieldDefinition[]): string[] {
  const mapped = new Set(Object.values(mapping));
  return fields.filter((f) => f.required && !mapped.has(f.key)).map((f) => f.key);
}

/** The choices to save for next time, layered over what was saved before. */
export function rememberMapping(headers: string[], mapping: ColumnMapping, previous?: RememberedMapping): RememberedMapping {
  const columns: Record<string, string | null> = { ...previous?.columns };
  headers.forEach((header, column) => {
    const key = normaliseHeader(header);
    if (key) columns[key] = mapping[column] ?? null;
  });
  return { version: 1, columns };
}

/**
 * Records for the rows below the header. Every mapped field is present (blank as ""), so
 * the validator reports a missing value instead of a row vanishing. Cells are trimmed and
 * our own formula escape (`'=…`) is removed. `rowNumbers` come from the TextGrid; without
 * them the row's position + 1 is used.
 */
export function applyMapping(rows: string[][], headerRowIndex: number, mapping: ColumnMapping, rowNumbers?: number[]): MappedRow[] {
  const pairs = Object.entries(mapping).flatMap(([column, field]) => (field === null ? [] : [[Number(column), field] as const]));
  // Plain assignment is several times faster than fromEntries over 100,000 rows, but assigning
  // "__proto__" would set the prototype: a mapping with such a key takes the fromEntries path,
  // which defines own properties, so a field key can never reach the prototype.
  const assignable = pairs.every(([, field]) => !PROTOTYPE_KEYS.has(field));
  const records: MappedRow[] = [];
  for (let r = headerRowIndex + 1; r < rows.length; r++) {
    const row = rows[r];
    let values: Record<string, string>;
    if (assignable) {
      values = {};
      for (const [column, field] of pairs) values[field] = cleanCell(row[column] ?? "");
    } else {
      values = Object.fromEntries(pairs.map(([column, field]) => [field, cleanCell(row[column] ?? "")]));
    }
    records.push({ rowNumber: rowNumbers?.[r] ?? r + 1, values });
  }
  return records;
}

const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Lower-case letters and digits only: "Customer Name", "customer_name", "CustomerName" agree. */
export function normaliseHeader(header: string): string {
  return headerWords(header).join("");
}

type MatchState = { mapping: ColumnMapping; used: Set<string>; decided: Set<number> };

function assign(state: MatchState, column: number, field: string): void {
  state.mapping[column] = field;
  state.used.add(field);
  state.decided.add(column);
}

function applyRemembered(headers: string[], fields: FieldDefinition[], remembered: RememberedMapping, state: MatchState): void {
  const known = new Set(fields.map((f) => f.key));
  headers.forEach((header, column) => {
    const key = normaliseHeader(header);
    // hasOwn: a header normalised to "constructor" must not read Object.prototype.
    if (!key || !Object.hasOwn(remembered.columns, key)) return;
    const field = remembered.columns[key];
    if (field === null) state.decided.add(column);
    else if (known.has(field) && !state.used.has(field)) assign(state, column, field);
  });
}

function autoMatch(headers: string[], fields: FieldDefinition[], state: MatchState): void {
  const terms = fields.flatMap((field, order) => fieldTerms(field).map((term) => ({ ...term, field: field.key, order })));
  const candidates: { column: number; field: string; score: number; order: number }[] = [];
  headers.forEach((header, column) => {
    const words = headerWords(header);
    if (state.decided.has(column) || words.length === 0) return;
    for (const term of terms) {
      const score = state.used.has(term.field) ? 0 : matchScore(words, term);
      if (score > 0) candidates.push({ column, field: term.field, score, order: term.order });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || a.order - b.order);
  for (const c of candidates) {
    if (!state.decided.has(c.column) && !state.used.has(c.field)) assign(state, c.column, c.field);
  }
}

type Term = { words: string[]; joined: string; score: number };

function fieldTerms(field: FieldDefinition): Term[] {
  const colon = field.key.indexOf(":");
  const raw: [string, number][] = [
    [field.key, 100],
    ...(colon > 0 ? [[field.key.slice(colon + 1), 90] as [string, number]] : []),
    [field.label, 90],
    ...(field.synonyms ?? []).map((s): [string, number] => [s, 80]),
  ];
  return raw.map(([text, score]) => {
    const words = headerWords(text);
    return { words, joined: words.join(""), score };
  });
}

// A partial match needs a specific term ("mobile no", "phone"; not "due" or "lead") that
// covers a good part of the header: "Customer Mobile" → mobile, but not
// "First Payment Date" → first_name.
const MIN_PARTIAL_COVERAGE = 0.4;

function matchScore(header: string[], term: Term): number {
  if (term.words.length === 0) return 0;
  const joined = header.join("");
  if (joined === term.joined) return term.score;
  const specific = term.words.length >= 2 || term.joined.length >= 5;
  const coverage = term.joined.length / joined.length;
  if (!specific || coverage < MIN_PARTIAL_COVERAGE || !containsRun(header, term.words)) return 0;
  return 40 + 20 * coverage;
}

function containsRun(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function headerWords(text: string): string[] {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function cleanCell(value: string): string {
  const trimmed = value.trim();
  // Only a leading ' can be our formula escape; most cells skip the second pass.
  return trimmed.charCodeAt(0) === APOSTROPHE ? stripFormulaEscape(trimmed).trim() : trimmed;
}

const APOSTROPHE = 39;
