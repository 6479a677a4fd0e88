// POST /api/v1/initiate/{campaignId}/calls - call a campaign's customers selected by filters (TimePay contract; ?validateOnly=true preflight)
import { timepayDialect } from "@/lib/timepay/dialect";
import { withApi } from "@/lib/api/with-api";
import { initiateCallsBodySchema, initiateIssues } from "@/lib/timepay/initiate-calls-body";
import { initiateCalls } from "@/lib/timepay/initiate-calls";
import { validateOnlyOf } from "@/lib/timepay/customer-bodies";

export const POST = withApi(
  { dialect: timepayDialect, auth: "credential", body: initiateCallsBodySchema, idempotent: true, formatIssues: initiateIssues },
  async ({ auth, body, params, query, request }) =>
    initiateCalls(auth, params.campaignId, body, {
      validateOnly: validateOnlyOf(query, {}),
      idempotencyKey: request.headers.get("idempotency-key"),
    }),
);
