import type { AuthContext } from "@/lib/api/authenticate";
import { domainContext } from "@/lib/api/domain-context";
import type { DomainContext } from "@/lib/domain/context";

/** A TimePay request's context. A signed-in operator is the upload wizard, which still rides these routes. */
export function timepayContext(auth: AuthContext): DomainContext {
  return domainContext(auth, auth.apiKeyId === null ? "ui" : "timepay_api");
}
