// POST /api/v1/initiate/{campaignId}/calls - call a campaign's customers selected by filters (TimePay contract; ?validateOnly=true preflight)
import { withApi } from "@/lib/api/with-api";
import { initiateCallsBodySchema, initiateIssues } from "@/lib/timepay/initiate-calls-body";
import { initiateCalls } from "@/lib/timepay/initiate-calls";
import { validateOnlyOf } from "@/lib/imports/timepay-bodies";

export const POST = withApi(
  { dialect: "timepay", auth: "credential", body: initiateCallsBodySchema, idempotent: true, formatIssues: initiateIssues },
  async ({ auth, body, params, query, request }) =>
    initiateCalls(auth, params.campaignId, body, { validateOnly: validateOnlyOf(query, {}), idempotencyKey: request.headers.get("idempotency-key") }),
);
