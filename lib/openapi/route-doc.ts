import type { z } from "zod";

// One documented operation. Adding a route to the API reference is one RouteDoc in the family's
// list (timepay-routes.ts, flexydial-routes.ts, app-routes.ts); document.ts turns them into OpenAPI.

export type Method = "get" | "post" | "put" | "patch" | "delete";
export type Family = "TimePay" | "Flexydial" | "App";

export type ResponseDoc = {
  description: string;
  schema: z.ZodType;
  /** A file instead of JSON (exports, reports): its media type; `schema` then describes the bytes. */
  contentType?: string;
  /** Named examples (the seeds' included), each validated against `schema` by a test. */
  examples?: Record<string, unknown>;
};

export type RouteDoc = {
  method: Method;
  /** OpenAPI form: `{id}` for a path parameter; Flexydial's paths keep their trailing slash. */
  path: string;
  family: Family;
  summary: string;
  description?: string;
  /** Who may call it: the family's credential (default), or nobody in particular. */
  auth?: "credential" | "none" | "session";
  /** Path parameters; each `{name}` of `path` needs one (document.ts defaults to a plain string). */
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyExample?: unknown;
  responses: Record<number, ResponseDoc>;
};
