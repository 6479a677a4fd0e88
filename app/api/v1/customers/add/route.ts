// POST /api/v1/customers/add - add one customer to a campaign (TimePay contract)
import { withApi } from "@/lib/api/with-api";
import { timepayContext } from "@/lib/timepay/context";
import { addCustomer } from "@/lib/timepay/customer";
import { addCustomerBodySchema } from "@/lib/timepay/customer-bodies";
import { timepayDialect } from "@/lib/timepay/dialect";
import { fieldIssues } from "@/lib/timepay/field-issues";

export const POST = withApi(
  { dialect: timepayDialect, auth: "credential", body: addCustomerBodySchema, idempotent: true, formatIssues: fieldIssues },
  async ({ auth, body }) => addCustomer(timepayContext(auth), body),
);
