import { ApiError } from "@/lib/api/errors";
import { unstorableReason } from "@/lib/text/storable-text";

// What every parsed request (JSON body, query string, path parameters) must satisfy before any
// handler sees it, so no input reaches the database that it refuses and no handler recurses
// without bound: text Postgres can store, nesting at most MAX_JSON_DEPTH, integers that JSON.parse
// read without losing digits. The walk is iterative, so a body nested 10,000 levels deep is
// refused, not a stack overflow. (`__proto__` keys are each contract's call: TimePay refuses the
// record alone.)

export const MAX_JSON_DEPTH = 32;

/** The first problem of a parsed JSON value, as "<field> <problem>", or null. */
export function jsonProblem(value: unknown): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: "", depth: 0 }];
  while (stack.length) {
    const { value: item, path, depth } = stack.pop()!;
    const field = path || "body";
    if (typeof item === "string") {
      const reason = unstorableReason(item);
      if (reason) return `${field} ${reason}`;
    } else if (typeof item === "number") {
      if (Number.isInteger(item) && !Number.isSafeInteger(item)) {
        return `${field} is a number beyond 2^53 that cannot be read without losing digits; send it as a string`;
      }
    } else if (typeof item === "object" && item !== null) {
      if (depth >= MAX_JSON_DEPTH) return `${field} is nested more than ${MAX_JSON_DEPTH} levels deep`;
      const entries = Array.isArray(item) ? item.map((v, i) => [String(i), v] as const) : Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const childPath = Array.isArray(item) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        if (!Array.isArray(item)) {
          const reason = unstorableReason(key);
          if (reason) return `${path ? `${path} key` : "key"} ${JSON.stringify(key).slice(0, 40)} ${reason}`;
        }
        stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return null;
}

/** Throws the 400 naming the field (each dialect writes it in its own shape). */
export function assertAcceptableJson(value: unknown): void {
  const problem = jsonProblem(value);
  if (problem) throw new ApiError("validation", "Validation failed", { errors: [problem] });
}

/** Query-string and path-parameter values: the same text rule, named by their parameter. */
export function assertAcceptableText(values: Iterable<[string, string]>, where: "query" | "path"): void {
  for (const [name, text] of values) {
    const reason = unstorableReason(name) ?? unstorableReason(text);
    if (reason)
      throw new ApiError("validation", "Validation failed", {
        errors: [`${where === "query" ? "query parameter" : "path parameter"} ${name.slice(0, 40)} ${reason}`],
      });
  }
}
