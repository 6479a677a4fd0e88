// POST /api/v1/initiate/{campaignId}/sms - send a template to the campaign's customers chosen by filters and limit
import { withApi } from "@/lib/api/with-api";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";
import { initiateIssues } from "@/lib/timepay/initiate-calls-body";
import { initiateSmsBodySchema, initiateMessages } from "@/lib/timepay/initiate-messages";

export const POST = withApi(
  { dialect: timepayDialect, auth: "credential", body: initiateSmsBodySchema, idempotent: true, formatIssues: initiateIssues },
  async ({ auth, params, body }) => initiateMessages(timepayContext(auth), params.campaignId, "sms", body),
);
