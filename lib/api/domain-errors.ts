import { ApiError } from "@/lib/api/errors";
import type { AuthContext } from "@/lib/api/authenticate";
import type { DomainContext, Source } from "@/lib/domain/context";
import { DomainError } from "@/lib/domain/errors";

// The bridge from a route to the domain for the app's own routes: the credential becomes a
// DomainContext, and a DomainError becomes the ApiError of its kind (the "app" dialect writes it).

export function domainContext(auth: AuthContext, source: Source = auth.apiKeyId === null ? "ui" : "timepay_api"): DomainContext {
  return { organizationId: auth.organizationId, actor: { userId: auth.userId, apiKeyId: auth.apiKeyId, role: auth.role }, source };
}

export async function runDomain<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiError(error);
  }
}

export function toApiError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
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
