import { ApiError } from "@/lib/api/errors";
import type { Dialect } from "@/lib/api/dialects";
import { errorResponse } from "@/lib/api/with-api";

// An /api path no route serves answers a JSON 404 in the words of the family it looks like:
// TimePay's under /api/v1, Django REST Framework's {"detail": "Not found."} for Flexydial's
// paths, the app's own shape otherwise — never Next.js's HTML page.

const FLEXYDIAL = /^\/api\/(bulkphonebookupload|generate-token|upload-dnc|remove-dnc)(\/|$)/;

export function dialectOfPath(pathname: string): Dialect {
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) return "timepay";
  if (FLEXYDIAL.test(pathname)) return "flexydial";
  return "app";
}

export function unknownApiRoute(request: Request): Response {
  const { pathname } = new URL(request.url);
  const dialect = dialectOfPath(pathname);
  const error =
    dialect === "flexydial"
      ? new ApiError("not_found", "Not found.", { body: { detail: "Not found." } })
      : new ApiError("not_found", dialect === "timepay" ? "Route not found" : `No API route for ${request.method} ${pathname}`);
  return errorResponse(dialect, error, request);
}
