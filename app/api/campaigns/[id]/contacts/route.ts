// GET /api/campaigns/{id}/contacts - one page of a campaign's contacts, searched, filtered and sorted (?q=&assignee=&job=&dnc=&sort=&dir=&page=)
import { withApi } from "@/lib/api/with-api";
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { parseContactFilters } from "@/lib/customers/contact-filters";
import { searchCustomers } from "@/lib/customers/search-customers";

export const GET = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, params, query }) => {
  const page = await searchCustomers(domainContext(auth, "ui"), params.id, parseContactFilters(query));
  return { status: 200, body: page };
});
