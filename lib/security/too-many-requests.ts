import { ApiError } from "@/lib/api/errors";
import type { Dialect } from "@/lib/api/dialects";

// 429 in each contract's words (Dialect.throttled, e.g. Django REST Framework's for Flexydial),
// always with Retry-After.
export function tooManyRequests(dialect: Dialect, retryAfterSeconds: number): ApiError {
  const own = dialect.throttled?.(retryAfterSeconds);
  const error = own ?? new ApiError("too_many_requests", `Too many requests; retry in ${retryAfterSeconds} seconds`);
  const headers = { ...error.details?.headers, "Retry-After": String(retryAfterSeconds) };
  return new ApiError(error.code, error.message, { ...error.details, headers });
}
