import { randomUUID } from "node:crypto";
import { logger } from "@/lib/log";

// One log line per API request: request id, organization, route, status and duration. The id is
// the caller's X-Request-Id when it is a plain token (so a proxy's id carries through), else new,
// and is returned as X-Request-Id on every response.

const CALLER_ID = /^[\w.:-]{1,128}$/;

export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && CALLER_ID.test(given) ? given : randomUUID();
}

/** The path with parameter values put back as their names: /api/v1/campaigns/[id]. */
export function routeOf(request: Request, params: Record<string, string>): string {
  const path = new URL(request.url).pathname.replace(/\/+$/, "") || "/";
  const byValue = new Map(Object.entries(params).map(([name, value]) => [value, name]));
  return path
    .split("/")
    .map((segment) => {
      const name = byValue.get(safeDecode(segment));
      return name ? `[${name}]` : segment;
    })
    .join("/");
}

export function logRequest(fields: {
  requestId: string;
  method: string;
  route: string;
  status: number;
  startedAt: number;
  organizationId: string | null;
}) {
  const { startedAt, ...rest } = fields;
  const line = { ...rest, durationMs: Math.round((performance.now() - startedAt) * 10) / 10 };
  if (fields.status >= 500)
    logger.warn(line, "request"); // the error itself is logged once, as "unhandled route error"
  else logger.info(line, "request");
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
