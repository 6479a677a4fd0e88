import { randomInt, randomUUID } from "node:crypto";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { documentedPathOf, responseProblems } from "./openapi";

// Calls a route handler the way Next.js does: a Web Request and a promise of params. When the
// handler is a route under app/api, its response must match the OpenAPI document (lib/openapi):
// an undocumented status or body shape fails the test that made the call.

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  path?: string;
  query?: Record<string, string>;
  params?: Record<string, string>;
  apiKey?: string;
  scheme?: "Bearer" | "Token";
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as-is. */
  body?: unknown;
};

export async function call(handler: Handler, options: CallOptions = {}) {
  const url = new URL(options.path ?? "/test", "http://localhost");
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(options.headers);
  // As the launcher's server would set it; each call its own address unless a test picks one,
  // so parallel test files never share a sign-in rate-limit bucket by accident.
  if (!headers.has(CLIENT_IP_HEADER)) headers.set(CLIENT_IP_HEADER, `198.51.100.${randomInt(1, 255)}-${randomUUID()}`);
  if (options.apiKey) headers.set("authorization", `${options.scheme ?? "Bearer"} ${options.apiKey}`);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const method = options.method ?? (body ? "POST" : "GET");
  const response = await handler(new Request(url, { method, headers, body }), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const documented = await documentedPathOf(handler);
  if (documented) {
    const problems = responseProblems(method, documented, response.status, json);
    if (problems.length > 0)
      throw new Error(`Response does not match the OpenAPI document:\n${problems.join("\n")}\nbody: ${text.slice(0, 500)}`);
  }
  return {
    status: response.status,
    headers: response.headers,
    // biome-ignore lint/suspicious/noExplicitAny: tests read any field of the parsed body
    json: json as any,
    text,
  };
}
