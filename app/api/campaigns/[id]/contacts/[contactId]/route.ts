// GET|PATCH|DELETE /api/campaigns/{id}/contacts/{contactId} - read, edit (validated by the core) or delete one contact
import { withApi } from "@/lib/api/with-api";
import { domainContext, runDomain } from "@/lib/api/domain-errors";
import { contactDetail } from "@/lib/customers/contact-detail";
import { deleteCustomer } from "@/lib/customers/delete-customer";
import { editCustomer, editCustomerSchema } from "@/lib/customers/edit-customer";

export const GET = withApi({ dialect: "app", auth: "credential" }, async ({ auth, params }) => {
  const detail = await runDomain(() => contactDetail(domainContext(auth), params.id, params.contactId));
  return { status: 200, body: { customer: detail.customer, fields: detail.fields, dnc: detail.dnc, uploadJob: detail.uploadJob } };
});

export const PATCH = withApi({ dialect: "app", auth: "credential", body: editCustomerSchema, maxBytes: 256 * 1024 }, async ({ auth, params, body }) => {
  const result = await runDomain(() => editCustomer(domainContext(auth), params.id, params.contactId, body));
  return { status: 200, body: result };
});

export const DELETE = withApi({ dialect: "app", auth: "credential" }, async ({ auth, params }) => {
  const result = await runDomain(() => deleteCustomer(domainContext(auth), params.id, params.contactId));
  return { status: 200, body: { deleted: result } };
});
