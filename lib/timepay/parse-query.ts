import type { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { fieldIssues } from "@/lib/timepay/field-issues";

export function parseQuery<S extends z.ZodType>(schema: S, query: URLSearchParams): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw new ApiError("validation", "Validation failed", { errors: fieldIssues(parsed.error.issues) });
  return parsed.data;
}
