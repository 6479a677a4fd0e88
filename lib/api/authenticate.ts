import { ApiError } from "@/lib/api/errors";
import type { Dialect } from "@/lib/api/dialects";
import { parseAuthorization, verifyApiKey } from "@/lib/auth/api-keys";
import { getAuth } from "@/lib/auth/auth";
import { memberRole } from "@/lib/auth/members";
import { throttleApiKey } from "@/lib/security/rate-limits";
import { tooManyRequests } from "@/lib/security/too-many-requests";

// The tenant always comes from the credential, never from the body.

export type AuthContext = {
  organizationId: string;
  userId: string | null;
  apiKeyId: string | null;
  role: "admin" | "operator" | "viewer";
};

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function authenticate(request: Request, dialect: Dialect, readOnly = false): Promise<AuthContext> {
  const writes = !readOnly && WRITE_METHODS.has(request.method);
  const header = request.headers.get("authorization");
  if (header) {
    const parsed = parseAuthorization(header);
    const credential = parsed ? await verifyApiKey(parsed.key) : null;
    if (!credential) throw dialect.unauthorized(parsed ? "invalid" : "malformed");
    const throttled = await throttleApiKey(credential.apiKeyId);
    if (throttled) throw tooManyRequests(dialect, throttled.retryAfterSeconds);
    // A key has its own role (no higher than its maker's): a viewer's key reads, it never writes.
    if (credential.role === "viewer" && writes) throw forbidden(dialect);
    return credential;
  }
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) throw dialect.unauthorized("missing");
  const user = session.user as typeof session.user & { organizationId: string };
  const role = await memberRole(user.id, user.organizationId);
  if (!role) throw dialect.unauthorized("missing");
  if (role === "viewer" && writes) throw forbidden(dialect);
  return { organizationId: user.organizationId, userId: user.id, apiKeyId: null, role };
}

function forbidden(dialect: Dialect): ApiError {
  return dialect.forbidden?.() ?? new ApiError("forbidden", "You don't have the required permission to perform this action");
}
