// GET /api/campaigns/{id}/contacts - one page of a campaign's contacts, searched, filtered and sorted (?q=&assignee=&job=&dnc=&sort=&dir=&page=)
import { withApi } from "@/lib/api/with-api";
import { domainContext, runDomain } from "@/lib/api/domain-errors";
import { parseContactFilters } from "@/lib/customers/contact-filters";
import { searchCustomers } from "@/lib/customers/search-customers";

export const GET = withApi({ dialect: "app", auth: "credential" }, async ({ auth, params, query }) => {
  const page = await runDomain(() => searchCustomers(domainContext(auth), params.id, parseContactFilters(query)));
  return { status: 200, body: page };
});
