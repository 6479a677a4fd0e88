// GET /api/settings/webhook/deliveries - the webhook delivery log, newest first (?page, ?call_id)
import { appDialect } from "@/lib/api/app-dialect";
import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { validationFailed } from "@/lib/api/errors";
import { listDeliveries } from "@/lib/webhooks/deliveries";

const querySchema = z.object({
  page: z.coerce
    .number({ error: "page must be a positive integer" })
    .int("page must be a positive integer")
    .min(1, "page must be a positive integer")
    .default(1),
  call_id: z.string().trim().min(1).max(100).optional(),
});

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, query }) => {
  const parsed = querySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => i.message));
  const { page, call_id } = parsed.data;
  return { status: 200, body: await listDeliveries(auth.organizationId, page, call_id) };
});
