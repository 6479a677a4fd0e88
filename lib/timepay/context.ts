import type { AuthContext } from "@/lib/api/authenticate";
import { domainContext } from "@/lib/api/domain-context";
import type { DomainContext } from "@/lib/domain/context";

/** A TimePay request's context: whoever calls (an API key or a signed-in operator), the door is TimePay's. */
export function timepayContext(auth: AuthContext): DomainContext {
  return domainContext(auth, "timepay_api");
}
