import { randomInt, randomUUID } from "node:crypto";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";

// Calls a route handler the way Next.js does: a Web Request and a promise of params.

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
  const response = await handler(new Request(url, { method: options.method ?? (body ? "POST" : "GET"), headers, body }), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json: json as any, text }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
