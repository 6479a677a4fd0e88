import { ApiError } from "@/lib/api/errors";

// How each API family writes its errors. The seeds dictate TimePay's and Flexydial's shapes.

export type Dialect = "timepay" | "flexydial" | "flexydial-dnc" | "app";

const TIMEPAY_ERROR_NAMES: Record<number, string> = {
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

export function errorBody(dialect: Dialect, error: ApiError): unknown {
  if (error.details?.body !== undefined) return error.details.body;
  const status = error.status;
  switch (dialect) {
    case "timepay":
      if (status >= 500) return { success: false, error: "Internal Server Error", message: "An unexpected error occurred" };
      if (error.code === "validation") return { success: false, message: error.message, errors: error.details?.errors ?? [] };
      if (status === 404 || status === 403 && error.message.startsWith("Campaign ID")) return { success: false, message: error.message };
      return { success: false, error: TIMEPAY_ERROR_NAMES[status] ?? "Error", message: error.message };
    case "flexydial":
      if (status >= 500) return { errors: "Oops Something went wrong, Please contact Administrator" };
      if (status === 401) return { detail: error.message };
      return { errors: error.details?.errors?.join("; ") || error.message };
    case "flexydial-dnc":
      if (status >= 500) return { detail: "Oops Something went wrong, Please contact Administrator" };
      return { detail: error.details?.errors?.join("; ") || error.message };
    case "app":
      if (status >= 500) return { error: { code: "internal", message: "An unexpected error occurred" } };
      return { error: { code: error.code, message: error.message, errors: error.details?.errors } };
  }
}

/** DRF answers 401 with a challenge naming its scheme; TimePay uses Bearer. */
export function authChallenge(dialect: Dialect): string {
  return dialect === "timepay" || dialect === "app" ? "Bearer" : "Token";
}
