// PUT /api/v1/customers/update - change one customer's fields, found by loan_id or lead_id (TimePay contract)
import { withApi } from "@/lib/api/with-api";
import { timepayContext } from "@/lib/timepay/context";
import { updateCustomer } from "@/lib/timepay/customer";
import { updateCustomerBodySchema } from "@/lib/timepay/customer-bodies";
import { timepayDialect } from "@/lib/timepay/dialect";
import { fieldIssues } from "@/lib/timepay/field-issues";

export const PUT = withApi(
  { dialect: timepayDialect, auth: "credential", body: updateCustomerBodySchema, idempotent: true, formatIssues: fieldIssues },
  async ({ auth, body }) => updateCustomer(timepayContext(auth), body),
);
