// POST /api/v1/customers/add/bulk - add up to 10,000 customers to a campaign (TimePay contract; ?validateOnly=true dry run)
import { withApi } from "@/lib/api/with-api";
import { bulkAddCustomers } from "@/lib/timepay/bulk-add";
import { timepayContext } from "@/lib/timepay/context";
import { bulkAddBodySchema, validateOnlyOf } from "@/lib/timepay/customer-bodies";
import { timepayDialect } from "@/lib/timepay/dialect";
import { hasWriteFailures } from "@/lib/timepay/write-failures";
import { fieldIssues } from "@/lib/timepay/field-issues";

export const POST = withApi(
  { dialect: timepayDialect, auth: "credential", body: bulkAddBodySchema, idempotent: true, releaseKeyWhen: (r) => hasWriteFailures(r.body), formatIssues: fieldIssues },
  async ({ auth, body, query }) => bulkAddCustomers(timepayContext(auth), body, validateOnlyOf(query, body)),
);
