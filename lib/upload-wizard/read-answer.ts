import type { z } from "zod";

// How the wizard reads an answer of its own routes (lib/upload-wizard/upload-api.ts): the expected
// shape, something worth retrying, or a refusal whose message the operator must see (STYLE.md §14).

/**
 * - result: the route answered as its schema says.
 * - retry: nothing is known to be written, or the same Idempotency-Key will replay it.
 * - fatal: the request itself was refused (options, session, campaign); retrying cannot help.
 */
export type Answer<T> = { kind: "result"; value: T } | { kind: "retry"; message: string } | { kind: "fatal"; message: string };

export function readAnswer<S extends z.ZodType>(schema: S, status: number, body: unknown): Answer<z.output<S>> {
  if (status < 300) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return { kind: "result", value: parsed.data };
    return { kind: "fatal", message: "The server's answer was not what the wizard expects; reload the page." };
  }
  const message = serverMessage(status, body);
  if (status === 409 || status === 429 || status >= 500) return { kind: "retry", message };
  return { kind: "fatal", message };
}

/** The message of the app's error body, `{ error: { message, errors? } }`, never a generic one. */
export function serverMessage(status: number, body: unknown): string {
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  const record = typeof error === "object" && error !== null ? (error as Record<string, unknown>) : {};
  const message = typeof record.message === "string" ? record.message : null;
  const details = Array.isArray(record.errors) ? record.errors.filter((e): e is string => typeof e === "string") : [];
  if (message === null) return `The server answered ${status} without an explanation.`;
  return details.length > 0 && !details.includes(message) ? `${message}: ${details.join("; ")}` : message;
}
