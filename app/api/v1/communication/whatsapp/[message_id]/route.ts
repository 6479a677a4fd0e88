// GET /api/v1/communication/whatsapp/{message_id} - one WhatsApp message's details (§2.6)
import { withApi } from "@/lib/api/with-api";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";
import { whatsappDetails } from "@/lib/timepay/initiate-messages";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, params }) =>
  whatsappDetails(timepayContext(auth), params.message_id),
);
