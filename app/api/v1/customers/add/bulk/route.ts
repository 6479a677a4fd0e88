// POST /api/v1/customers/add/bulk - add up to 10,000 customers to a campaign (TimePay contract; ?validateOnly=true dry run)
import { withApi } from "@/lib/api/with-api";
import { fieldIssues } from "@/lib/api/issues";
import { hasWriteFailures } from "@/lib/api/idempotency";
import { bulkAddBodySchema, validateOnlyOf } from "@/lib/imports/timepay-bodies";
import { bulkAddCustomers } from "@/lib/imports/bulk-add";

export const POST = withApi(
  { dialect: "timepay", auth: "credential", body: bulkAddBodySchema, idempotent: true, releaseKeyWhen: (r) => hasWriteFailures(r.body), formatIssues: fieldIssues },
  async ({ auth, body, query }) => bulkAddCustomers(auth, body, validateOnlyOf(query, body)),
);
