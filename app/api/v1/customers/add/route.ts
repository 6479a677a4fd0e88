// POST /api/v1/customers/add - add one customer to a campaign (TimePay contract)
import { withApi } from "@/lib/api/with-api";
import { fieldIssues } from "@/lib/api/issues";
import { addCustomerBodySchema } from "@/lib/imports/timepay-bodies";
import { addCustomer } from "@/lib/imports/timepay-customer";

export const POST = withApi(
  { dialect: "timepay", auth: "credential", body: addCustomerBodySchema, idempotent: true, formatIssues: fieldIssues },
  async ({ auth, body }) => addCustomer(auth, body),
);
