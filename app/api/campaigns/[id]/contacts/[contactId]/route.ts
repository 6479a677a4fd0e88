// GET|PATCH|DELETE /api/campaigns/{id}/contacts/{contactId} - read, edit (validated by the core) or delete one contact
import { withApi } from "@/lib/api/with-api";
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { contactDetail } from "@/lib/customers/contact-detail";
import { deleteCustomer } from "@/lib/customers/delete-customer";
import { editCustomer, editCustomerSchema } from "@/lib/customers/edit-customer";

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, params }) => {
  const detail = await contactDetail(domainContext(auth, "ui"), params.id, params.contactId);
  return { status: 200, body: { customer: detail.customer, fields: detail.fields, dnc: detail.dnc, uploadJob: detail.uploadJob } };
});

export const PATCH = withApi(
  { dialect: appDialect, auth: "credential", body: editCustomerSchema, maxBytes: 256 * 1024 },
  async ({ auth, params, body }) => {
    const result = await editCustomer(domainContext(auth, "ui"), params.id, params.contactId, body);
    return { status: 200, body: result };
  },
);

export const DELETE = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, params }) => {
  const result = await deleteCustomer(domainContext(auth, "ui"), params.id, params.contactId);
  return { status: 200, body: { deleted: result } };
});
