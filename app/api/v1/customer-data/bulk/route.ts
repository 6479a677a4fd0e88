// PUT /api/v1/customer-data/bulk - change up to 10,000 customers' fields, each { id, data } (TimePay contract)
import { withApi } from "@/lib/api/with-api";
import { fieldIssues } from "@/lib/api/issues";
import { hasWriteFailures } from "@/lib/api/idempotency";
import { bulkUpdateBodySchema } from "@/lib/imports/timepay-bodies";
import { bulkUpdateCustomers } from "@/lib/imports/timepay-bulk-update";

export const PUT = withApi(
  { dialect: "timepay", auth: "credential", body: bulkUpdateBodySchema, idempotent: true, releaseKeyWhen: (r) => hasWriteFailures(r.body), formatIssues: fieldIssues },
  async ({ auth, body }) => bulkUpdateCustomers(auth, body),
);
