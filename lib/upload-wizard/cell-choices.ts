import type { NumberFormat } from "@/lib/records/number-text";
import type { DateChoices, DateColumn } from "./date-formats";
import { initialChoices, type EnumColumn, type RememberedValues, type ValueMappings } from "./value-mapping";

// What the review converts the cells with, from what the worker found in the file and what the
// operator chose: one derivation for the columns step (its hooks) and for the worker, which
// validates with the same choices before the operator has seen them, so a validation started
// early is the one the review adopts.

/** Countries whose people write the month first; everyone else (India first) writes the day first. */
const MONTH_FIRST = new Set(["US"]);

export function writesDayFirst(country: string): boolean {
  return !MONTH_FIRST.has(country);
}

/**
 * Validate with the choices the columns step offers untouched (detected date and number formats,
 * remembered and exact value mappings), found by the worker in the file: what the header step
 * prepares, so the review is ready when the operator confirms the columns as offered.
 */
export type DetectedChoices = { dayFirst: boolean; rememberedValues: RememberedValues | null };

/** How numbers are read when the file's own numbers do not tell. */
export const NUMBER_FALLBACK: NumberFormat = { decimal: "." };

/** The formats the dates are converted with; an ambiguous column waits for the operator's choice. */
export function dateChoicesOf(columns: readonly DateColumn[], overrides: DateChoices): { choices: DateChoices; unanswered: string[] } {
  const choices: DateChoices = {};
  const unanswered: string[] = [];
  for (const column of columns) {
    const chosen = overrides[column.field] ?? (column.ambiguous ? undefined : (column.guess ?? undefined));
    if (chosen) choices[column.field] = chosen;
    else if (column.ambiguous) unanswered.push(column.field);
  }
  return { choices, unanswered };
}

/**
 * The enum values mapped per field: a resumed draft's choices (`restored`) or the offered ones
 * (remembered, exact), then the operator's (`to` null: leave the value as it is).
 */
export function valueChoicesOf(
  enums: readonly EnumColumn[],
  remembered: RememberedValues | undefined,
  restored: ValueMappings | null = null,
  overrides: Record<string, Record<string, string | null>> = {},
): ValueMappings {
  const offered = initialChoices(enums, remembered);
  const choices: ValueMappings = {};
  for (const column of enums) {
    const mine = { ...(restored && column.field in restored ? restored[column.field] : offered[column.field]) };
    for (const [key, to] of Object.entries(overrides[column.field] ?? {})) {
      if (to === null) delete mine[key];
      else mine[key] = to;
    }
    choices[column.field] = mine;
  }
  return choices;
}
