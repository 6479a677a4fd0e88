import { ApiError } from "@/lib/api/errors";
import type { Dialect } from "@/lib/api/dialects";

// 429 in each contract's words, always with Retry-After. Flexydial's clients speak Django REST
// Framework, whose throttling answers {"detail": "Request was throttled. Expected available in N seconds."}.
export function tooManyRequests(dialect: Dialect, retryAfterSeconds: number): ApiError {
  const headers = { "Retry-After": String(retryAfterSeconds) };
  if (dialect === "flexydial" || dialect === "flexydial-dnc") {
    const detail = `Request was throttled. Expected available in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`;
    return new ApiError("too_many_requests", detail, { body: { detail }, headers });
  }
  return new ApiError("too_many_requests", `Too many requests; retry in ${retryAfterSeconds} seconds`, { headers });
}
