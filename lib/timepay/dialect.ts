import { ApiError, contractError } from "@/lib/api/errors";
import { domainApiError, type Dialect } from "@/lib/api/dialects";
import { CallOptionsRefused } from "@/lib/calls/call-options";
import type { DomainError } from "@/lib/domain/errors";
import { MissingAgentVariables } from "@/lib/agents/agent-variables";
import { callOptionsIssue } from "./call-options";
import { missingAgentVariablesError } from "./agent-variables";

// How TimePay's routes write their errors, as the seeds have them: `{ success: false, error,
// message }`, validation as `{ success: false, message, errors }`, and the bare
// `{ success: false, message }` of a missing or foreign campaign or customer.

const ERROR_NAMES: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  413: "PayloadTooLarge",
  415: "UnsupportedMediaType",
  422: "UnprocessableEntity",
  429: "TooManyRequests",
};

/** The seed's 403 for a campaign of another organization. */
export const FOREIGN_CAMPAIGN = "Campaign ID invalid or mismatch for your organization.";

export const timepayDialect: Dialect = {
  challenge: "Bearer",
  unauthorized: () => new ApiError("unauthorized", "Missing or invalid authorization header"),
  unknownRoute: () => new ApiError("not_found", "Route not found"),
  fromDomain(error: DomainError) {
    if (error.kind === "forbidden" && error.details.resource === "campaign") {
      return contractError(403, { success: false, message: FOREIGN_CAMPAIGN });
    }
    if (error instanceof MissingAgentVariables) return missingAgentVariablesError(error);
    if (error instanceof CallOptionsRefused) {
      return new ApiError("validation", error.message, { errors: error.problems.map(callOptionsIssue) });
    }
    return domainApiError(error);
  },
  body(error) {
    const status = error.status;
    if (status >= 500) return { success: false, error: "Internal Server Error", message: "An unexpected error occurred" };
    if (error.code === "validation") return { success: false, message: error.message, errors: error.details?.errors ?? [] };
    if (status === 404) return { success: false, message: error.message };
    return { success: false, error: ERROR_NAMES[status] ?? "Error", message: error.message };
  },
};
