import { ApiError, contractError } from "@/lib/api/errors";
import { domainApiError, type Dialect, type UnauthorizedReason } from "@/lib/api/dialects";
import type { DomainError } from "@/lib/domain/errors";
import { dncMessages as m, uploadErrors } from "./messages";

// How Flexydial's routes write their errors: `{ errors }` on the upload routes, `{ detail }` on
// the DNC routes, and Django REST Framework's 401s (scheme "Token") on both.

// Django REST Framework's TokenAuthentication wording, which Flexydial clients see.
function unauthorized(why: UnauthorizedReason): ApiError {
  const detail = why === "missing" ? "Authentication credentials were not provided." : "Invalid token.";
  return new ApiError("unauthorized", detail, { body: { detail } });
}

// Django REST Framework's PermissionDenied, Throttled and NotFound, on every Flexydial route.
const drf = {
  forbidden: () => drfError("forbidden", "You do not have permission to perform this action."),
  throttled: (seconds: number) =>
    drfError("too_many_requests", `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? "" : "s"}.`),
  unknownRoute: () => drfError("not_found", "Not found."),
};

function drfError(code: "forbidden" | "too_many_requests" | "not_found", detail: string): ApiError {
  return new ApiError(code, detail, { body: { detail } });
}

export const flexydialDialect: Dialect = {
  challenge: "Token",
  unauthorized,
  ...drf,
  fromDomain: domainApiError,
  body(error) {
    if (error.status >= 500) return { errors: uploadErrors.somethingWrong };
    if (error.status === 401) return { detail: error.message };
    return { errors: error.details?.errors?.join("; ") || error.message };
  },
};

/** The DNC routes' error body: every problem is the client's, 400 `{ detail }`. */
export function dncError(detail: string) {
  return contractError(400, { detail });
}

export const flexydialDncDialect: Dialect = {
  challenge: "Token",
  unauthorized,
  ...drf,
  fromDomain: (error) => dncError(dncMessage(error)),
  body(error) {
    if (error.status >= 500) return { detail: uploadErrors.somethingWrong };
    return { detail: error.details?.errors?.join("; ") || error.message };
  },
};

// The DNC list's domain errors (lib/dnc), in the sentences of §1.11.
function dncMessage(error: DomainError): string {
  const { resource, value = "", issues = [] } = error.details;
  if (error.kind === "conflict" && resource === "dnc_entry") return m.alreadyExists(value);
  if (error.kind === "not_found" && resource === "dnc_entry") return m.notExists(value);
  if (error.kind === "not_found" && resource === "campaign") return m.campaignNotFound(value);
  if (error.kind === "invalid" && error.details.field === "numeric") return m.invalidNumber(value, issues[0] ?? error.message);
  return issues.join("; ") || error.message;
}
