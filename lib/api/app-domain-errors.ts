import { ApiError } from "@/lib/api/errors";
import { DomainError } from "@/lib/domain/errors";

// Domain errors as the app's own routes state them ({ error: { code, message } }).
export async function inAppTerms<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const code = error.kind === "invalid" ? "validation" : error.kind;
    throw new ApiError(code, error.message, error.details.issues ? { errors: error.details.issues } : undefined);
  }
}
