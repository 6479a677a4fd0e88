import { ApiError } from "@/lib/api/errors";
import type { Dialect } from "@/lib/api/dialects";
import { parseAuthorization, verifyApiKey } from "@/lib/auth/api-keys";
import { getAuth } from "@/lib/auth/auth";

// The tenant always comes from the credential, never from the body.

export type AuthContext = {
  organizationId: string;
  userId: string | null;
  apiKeyId: string | null;
  role: "admin" | "operator" | "viewer";
};

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function authenticate(request: Request, dialect: Dialect): Promise<AuthContext> {
  const header = request.headers.get("authorization");
  if (header) {
    const parsed = parseAuthorization(header);
    const credential = parsed ? await verifyApiKey(parsed.key) : null;
    if (!credential) throw dialect.unauthorized(parsed ? "invalid" : "malformed");
    return { ...credential, role: "admin" };
  }
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) throw dialect.unauthorized("missing");
  const user = session.user as typeof session.user & { organizationId: string; role: AuthContext["role"] };
  if (user.role === "viewer" && WRITE_METHODS.has(request.method)) {
    throw new ApiError("forbidden", "You don't have the required permission to perform this action");
  }
  return { organizationId: user.organizationId, userId: user.id, apiKeyId: null, role: user.role };
}
