// GET /api/settings/webhook/deliveries - the webhook delivery log, newest first (?page, ?call_id)
import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { listDeliveries } from "@/lib/webhooks/deliveries";

const querySchema = z.object({
  page: z.coerce.number({ error: "page must be a positive integer" }).int("page must be a positive integer").min(1, "page must be a positive integer").default(1),
  call_id: z.string().trim().min(1).max(100).optional(),
});

export const GET = withApi({ dialect: "app", auth: "credential" }, async ({ auth, query }) => {
  const { page, call_id } = parseQuery(querySchema, query);
  return { status: 200, body: await listDeliveries(auth.organizationId, page, call_id) };
});
