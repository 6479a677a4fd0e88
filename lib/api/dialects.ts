import { ApiError, type ErrorCode } from "@/lib/api/errors";
import type { DomainError, DomainErrorKind } from "@/lib/domain/errors";

// How an API family writes its failures. Each contract adapter (lib/timepay, lib/flexydial) and
// the app's own routes (app-dialect.ts) export one Dialect, which route handlers pass to withApi:
// lib/api never knows which contracts exist.

export type UnauthorizedReason = "missing" | "malformed" | "invalid";

export type Dialect = {
  /** The WWW-Authenticate scheme of a 401 ("Bearer", DRF's "Token"). */
  challenge: string;
  /** A rejected credential, in the contract's words. */
  unauthorized(why: UnauthorizedReason): ApiError;
  /** A domain error as this contract states it. */
  fromDomain(error: DomainError): ApiError;
  /** The body of an ApiError without a contract body of its own; status >= 500 must say nothing internal. */
  body(error: ApiError): unknown;
  /** A write refused to a read-only credential (viewer), when the contract has its own words. */
  forbidden?(): ApiError;
  /** Too many requests, when the contract has its own words (the caller adds Retry-After). */
  throttled?(retryAfterSeconds: number): ApiError;
  /** An /api path of this family that no route serves, when the contract has its own words. */
  unknownRoute?(): ApiError;
};

const CODE_OF_KIND: Record<DomainErrorKind, ErrorCode> = {
  not_found: "not_found",
  forbidden: "forbidden",
  conflict: "conflict",
  invalid: "validation",
};

/** A domain error as an ApiError of its kind: 404, 403, 409, or 400 with its issues. */
export function domainApiError(error: DomainError): ApiError {
  return new ApiError(CODE_OF_KIND[error.kind], error.message, error.details.issues ? { errors: error.details.issues } : undefined);
}

/** Status and body of any failure, in `dialect`; null: an unexpected error (500). */
export function errorOutcome(dialect: Dialect, error: ApiError | null): { status: number; body: unknown } {
  const apiError = error ?? new ApiError("internal", "An unexpected error occurred");
  return { status: apiError.status, body: apiError.details?.body !== undefined ? apiError.details.body : dialect.body(apiError) };
}
