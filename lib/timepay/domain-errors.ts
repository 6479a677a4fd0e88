import { ApiError, contractError } from "@/lib/api/errors";
import { DomainError } from "@/lib/domain/errors";
import { DispositionInUse, UnknownDispositions } from "@/lib/dispositions/errors";

// Domain errors in TimePay's words. Most map by kind (404 `{success, message}`, 409, 400 with
// `errors`); two disposition rules have bodies of their own in the docs.

export async function inTimepayTerms<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof DomainError ? timepayError(error) : error;
  }
}

export function timepayError(error: DomainError): ApiError {
  if (error instanceof DispositionInUse) return contractError(400, { success: false, message: `Cannot delete: ${error.message}` });
  if (error instanceof UnknownDispositions) return contractError(400, { success: false, message: "Invalid disposition IDs", invalidIds: error.ids });
  switch (error.kind) {
    case "not_found":
      return new ApiError("not_found", error.message);
    case "forbidden":
      return new ApiError("forbidden", error.message);
    case "conflict":
      return new ApiError("conflict", error.message);
    case "invalid":
      return new ApiError("validation", error.message, { errors: error.details.issues ?? [error.message] });
  }
}
