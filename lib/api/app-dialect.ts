import { ApiError } from "@/lib/api/errors";
import { domainApiError, type Dialect } from "@/lib/api/dialects";

// The app's own routes (the wizard's, settings): `{ error: { code, message, errors? } }`.
export const appDialect: Dialect = {
  challenge: "Bearer",
  unauthorized: () => new ApiError("unauthorized", "Missing or invalid authorization header"),
  fromDomain: domainApiError,
  body(error) {
    if (error.status >= 500) return { error: { code: "internal", message: "An unexpected error occurred" } };
    return { error: { code: error.code, message: error.message, errors: error.details?.errors } };
  },
};
