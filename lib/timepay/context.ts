import type { AuthContext } from "@/lib/api/authenticate";
import { domainContext } from "@/lib/api/domain-context";

/** The domain context of a TimePay route: an API key acts as the TimePay door, a session as the UI. */
export const timepayContext = (auth: AuthContext) => domainContext(auth, auth.apiKeyId ? "timepay_api" : "ui");
