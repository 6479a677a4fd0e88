// GET /api/v1/communication/call/{call_id} - one call's details: result, disposition, timing, summary, extracted data
import { withApi } from "@/lib/api/with-api";
import { getCallDetails } from "@/lib/timepay/logs";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, params }) =>
  getCallDetails(timepayContext(auth), params.call_id),
);
