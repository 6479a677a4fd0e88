// POST /api/settings/webhook/deliveries/{id}/resend - send one call result to the webhook endpoint again, now
import { appDialect } from "@/lib/api/app-dialect";
import { withApi } from "@/lib/api/with-api";
import { domainContext } from "@/lib/api/domain-context";
import { resendDelivery } from "@/lib/webhooks/deliveries";
import { timepayCallWebhook } from "@/lib/timepay/call-webhook-payload";

export const POST = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, params }) => ({
  status: 200,
  body: await resendDelivery(domainContext(auth, "ui"), params.id, timepayCallWebhook),
}));
