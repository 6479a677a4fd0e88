// POST /api/v1/initiate/{campaignId}/whatsapp - send a template to the campaign's customers chosen by filters and limit
import { withApi } from "@/lib/api/with-api";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";
import { initiateIssues } from "@/lib/timepay/initiate-calls-body";
import { initiateWhatsappBodySchema, initiateMessages } from "@/lib/timepay/initiate-messages";

export const POST = withApi(
  { dialect: timepayDialect, auth: "credential", body: initiateWhatsappBodySchema, idempotent: true, formatIssues: initiateIssues },
  async ({ auth, params, body }) => initiateMessages(timepayContext(auth), params.campaignId, "whatsapp", body),
);
