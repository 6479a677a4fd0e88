// PUT /api/v1/customer-data/bulk - change up to 10,000 customers' fields, each { id, data } (TimePay contract)
import { withApi } from "@/lib/api/with-api";
import { bulkUpdateCustomers } from "@/lib/timepay/bulk-update";
import { timepayContext } from "@/lib/timepay/context";
import { bulkUpdateBodySchema } from "@/lib/timepay/customer-bodies";
import { timepayDialect } from "@/lib/timepay/dialect";
import { hasWriteFailures } from "@/lib/timepay/write-failures";
import { fieldIssues } from "@/lib/timepay/field-issues";

export const PUT = withApi(
  { dialect: timepayDialect, auth: "credential", body: bulkUpdateBodySchema, idempotent: true, releaseKeyWhen: (r) => hasWriteFailures(r.body), formatIssues: fieldIssues },
  async ({ auth, body }) => bulkUpdateCustomers(timepayContext(auth), body),
);
