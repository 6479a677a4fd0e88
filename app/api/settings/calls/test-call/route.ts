// POST /api/settings/calls/test-call - place one test call through the organization's configured dialer and report its answer
import { appDialect } from "@/lib/api/app-dialect";
import { withApi } from "@/lib/api/with-api";
import { domainContext } from "@/lib/api/domain-context";
import { placeTestCall, testCallSchema } from "@/lib/calls/test-call";
import { systemClock } from "@/lib/domain/clock";

export const POST = withApi({ dialect: appDialect, auth: "credential", body: testCallSchema }, async ({ auth, body }) => ({
  status: 200,
  body: { testCall: await placeTestCall(domainContext(auth, "ui"), body, systemClock) },
}));
