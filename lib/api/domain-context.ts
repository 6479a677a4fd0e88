import type { AuthContext } from "@/lib/api/authenticate";
import type { DomainContext, Source } from "@/lib/domain/context";

/** The domain's view of a request's credential: the organization, who acts, and through which door. */
export function domainContext(auth: AuthContext, source: Source): DomainContext {
  return { organizationId: auth.organizationId, actor: { userId: auth.userId, apiKeyId: auth.apiKeyId, role: auth.role }, source };
}
