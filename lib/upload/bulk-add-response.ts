import { z } from "zod";

// What the wizard reads from POST /api/v1/customers/add/bulk (the TimePay contract, seeds/
// timepay-bulk-add-customers.md): 201/207 with `results`, 400 "No valid records to add" with
// `invalidRecords`, and error bodies whose message the operator must see (STYLE.md §14).

const recordErrorSchema = z.object({
  id: z.string().nullable().optional(),
  /** Not in the seed; used when the server sends it, else rows are found by id. */
  index: z.number().int().nonnegative().optional(),
  error: z.string().optional(),
  reason: z.string().optional(),
});
export type RecordError = z.infer<typeof recordErrorSchema>;

const invalidRecordSchema = z.object({
  index: z.number().int().nonnegative(),
  id: z.string().nullable().optional(),
  errors: z.array(z.string()),
});

export const bulkAddResponseSchema = z.object({
  success: z.boolean().optional(),
  message: z.string().optional(),
  results: z
    .object({
      total: z.number(),
      valid: z.number(),
      invalid: z.number(),
      successful: z.number(),
      failed: z.number(),
      batchesProcessed: z.number().optional(),
      errors: z.array(recordErrorSchema).default([]),
      invalidRecords: z.array(invalidRecordSchema).default([]),
    })
    .optional(),
  invalidRecords: z.array(invalidRecordSchema).optional(),
  callResults: z
    .object({
      totalRequested: z.number(),
      initiated: z.number(),
      failed: z.number(),
      errors: z.array(z.object({ error: z.string().optional(), reason: z.string().optional() })),
    })
    .partial()
    .optional(),
  workflowTriggered: z.boolean().optional(),
});
export type BulkAddResponse = z.infer<typeof bulkAddResponseSchema>;

/**
 * - result: the server judged the rows; every row's outcome can be read from the body.
 * - retry: nothing is known to be written, or the same Idempotency-Key will replay it.
 * - fatal: the request itself was refused (options, session, campaign); retrying cannot help.
 */
export type ChunkAnswer =
  | { kind: "result"; response: BulkAddResponse }
  | { kind: "retry"; message: string }
  | { kind: "fatal"; message: string };

export function classifyAnswer(status: number, body: unknown): ChunkAnswer {
  const parsed = bulkAddResponseSchema.safeParse(body);
  const judged = parsed.success && (parsed.data.results !== undefined || parsed.data.invalidRecords !== undefined);
  if (judged && (status < 300 || status === 400)) return { kind: "result", response: parsed.data };
  const message = serverMessage(status, body);
  if (status === 409 || status === 429 || status >= 500) return { kind: "retry", message };
  return { kind: "fatal", message };
}

/** The message of any error body the app writes (TimePay and app dialects), never a generic one. */
export function serverMessage(status: number, body: unknown): string {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const nested = typeof record.error === "object" && record.error !== null ? (record.error as Record<string, unknown>) : {};
  const message = typeof record.message === "string" ? record.message : typeof nested.message === "string" ? nested.message : null;
  const details = [record.errors, nested.errors].find(Array.isArray)?.filter((e): e is string => typeof e === "string") ?? [];
  if (message === null) return `The server answered ${status} without an explanation.`;
  return details.length > 0 && !details.includes(message) ? `${message}: ${details.join("; ")}` : message;
}

/** Duplicates are told apart from other failures by the error code or the reason's wording. */
export function isDuplicateError(error: RecordError): boolean {
  return /duplicate|exist/i.test(error.error ?? "") || /duplicate|already/i.test(error.reason ?? "");
}
