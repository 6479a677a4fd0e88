// GET /api/campaigns/{id}/contacts/export?format=csv|xlsx - the filtered contacts as a formula-safe file (same filters as the list)
import { withDownload } from "@/lib/api/with-download";
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { parseContactFilters } from "@/lib/customers/contact-filters";
import { exportCustomers } from "@/lib/customers/export-customers";

export const GET = withDownload(async ({ auth, params, query }) => {
  const format = query.get("format") === "xlsx" ? "xlsx" : "csv";
  return exportCustomers(domainContext(auth, "ui"), params.id, parseContactFilters(query), format);
});
