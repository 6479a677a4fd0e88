// The HTTP layer's own errors (credentials, Content-Type, body size, JSON, zod, Idempotency-Key)
// and a contract's verbatim bodies. The route's Dialect (lib/api/dialects.ts) writes them; the
// code decides the status. The domain throws lib/domain/errors.ts instead, which Dialects map.

export const ERROR_STATUS = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Validation messages, or a contract-specific body that replaces the dialect's. */
    readonly details?: { errors?: string[]; body?: unknown; status?: number; headers?: Record<string, string> },
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return this.details?.status ?? ERROR_STATUS[this.code];
  }
}

export const validationFailed = (errors: string[], message = "Validation failed") =>
  new ApiError("validation", message, { errors });

/** A response whose exact body a contract dictates. */
export const contractError = (status: number, body: unknown) =>
  new ApiError(status >= 500 ? "internal" : "bad_request", "contract error", { body, status });
