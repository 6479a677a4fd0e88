import { z } from "zod";

// Find-and-replace within one column of the review table: fix "+91-" prefixes, a misspelt
// status, or fill every blank language with "hindi" (whole cell, empty find) in one step.

export const replaceSpecSchema = z.object({
  field: z.string().min(1),
  find: z.string().max(1000),
  replace: z.string().max(1000),
  /** The whole (trimmed) cell must equal `find`; an empty `find` then matches blank cells. */
  wholeCell: z.boolean(),
  matchCase: z.boolean(),
  /** Only rows whose cell in this column has an error. */
  onlyErrors: z.boolean(),
});
export type ReplaceSpec = z.infer<typeof replaceSpecSchema>;

/** A function giving the new cell text, or null where the spec does not match. */
export function cellReplacer(spec: Omit<ReplaceSpec, "field" | "onlyErrors">): (value: string) => string | null {
  if (spec.wholeCell) {
    const target = spec.matchCase ? spec.find.trim() : spec.find.trim().toLowerCase();
    return (value) => {
      const cell = spec.matchCase ? value.trim() : value.trim().toLowerCase();
      return cell === target && value !== spec.replace ? spec.replace : null;
    };
  }
  if (spec.find === "") return () => null;
  const pattern = new RegExp(escapeRegExp(spec.find), spec.matchCase ? "g" : "gi");
  return (value) => {
    pattern.lastIndex = 0;
    if (!pattern.test(value)) return null;
    const next = value.replace(pattern, () => spec.replace);
    return next === value ? null : next;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
