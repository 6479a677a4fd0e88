import { ApiError } from "@/lib/api/errors";
import type { Dialect } from "@/lib/api/dialects";
import { errorResponse } from "@/lib/api/with-api";

// An /api path no route serves answers a JSON 404 in the words of the family it belongs to
// (app/api/[...path]/route.ts picks the family's Dialect) — never Next.js's HTML page.
export function unknownApiRoute(dialect: Dialect, request: Request): Response {
  const { pathname } = new URL(request.url);
  const error = dialect.unknownRoute?.() ?? new ApiError("not_found", `No API route for ${request.method} ${pathname}`);
  return errorResponse(dialect, error, request);
}
