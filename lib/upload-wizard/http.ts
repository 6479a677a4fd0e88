import type { z } from "zod";
import { readAnswer } from "./read-answer";

// The worker's requests to the wizard's routes: JSON in, the route's schema out. A connection
// that fails, or an answer that cannot be read, is "network": nothing is known, retry with the key.

export type Sent<T> = { kind: "result"; value: T } | { kind: "retry"; message: string } | { kind: "fatal"; message: string };

/** `what` finishes "The connection failed while …" ("sending chunk 2 of 3"). */
export async function postJson<S extends z.ZodType>(
  fetch: typeof globalThis.fetch,
  request: { path: string; body: string; idempotencyKey?: string; what: string },
  schema: S,
): Promise<Sent<z.output<S>>> {
  let response: Response;
  try {
    response = await fetch(request.path, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(request.idempotencyKey && { "Idempotency-Key": request.idempotencyKey }) },
      body: request.body || undefined,
      credentials: "same-origin",
    });
  } catch (error) {
    return {
      kind: "retry",
      message: `The connection failed while ${request.what} (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  const text = await response.text().catch(() => "");
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) return { kind: "retry", message: `The server's answer to ${request.what} could not be read.` };
  }
  return readAnswer(schema, response.status, body);
}
