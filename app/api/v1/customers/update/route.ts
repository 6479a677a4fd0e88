// PUT /api/v1/customers/update - change one customer's fields, found by loan_id or lead_id (TimePay contract)
import { withApi } from "@/lib/api/with-api";
import { fieldIssues } from "@/lib/api/issues";
import { updateCustomerBodySchema } from "@/lib/imports/timepay-bodies";
import { updateCustomer } from "@/lib/imports/timepay-customer";

export const PUT = withApi(
  { dialect: "timepay", auth: "credential", body: updateCustomerBodySchema, idempotent: true, formatIssues: fieldIssues },
  async ({ auth, body }) => updateCustomer(auth, body),
);
