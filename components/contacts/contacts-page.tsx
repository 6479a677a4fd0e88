import Link from "next/link";
import { orNotFound, pageContext } from "@/lib/auth/page-context";
import { contactFiltersQuery, isFiltered, type ContactFilters } from "@/lib/customers/contact-filters";
import { searchCustomers } from "@/lib/customers/search-customers";
import { contactFilterOptions } from "@/lib/customers/contact-filter-options";
import { campaignInScope } from "@/lib/customers/campaign-scope";
import { Pagination } from "@/components/ui/pagination";
import { ContactsFilters } from "@/components/contacts/contacts-filters";
import { ContactsTable } from "@/components/contacts/contacts-table";

// /campaigns/[id]/contacts: a campaign's contacts, searched, filtered, sorted and paginated by
// the server; every view is a URL (?q=…), so it can be linked and exported as it is.

export async function ContactsPage({ campaignId, filters }: { campaignId: string; filters: ContactFilters }) {
  const { ctx, canWrite } = await pageContext();
  const { campaign, schema } = await orNotFound(campaignInScope(ctx, campaignId));
  const [page, { agents, jobs }] = await Promise.all([searchCustomers(ctx, campaign.id, filters), contactFilterOptions(ctx, campaign.id)]);
  const base = `/campaigns/${campaign.id}/contacts`;
  const href = (over: Partial<ContactFilters>) => `${base}${contactFiltersQuery({ ...filters, ...over })}`;
  const exportQuery = contactFiltersQuery({ ...filters, page: 1, sort: "created", dir: "desc" }).replace(/^\?/, "");
  const exportHref = (format: string) =>
    `/api/campaigns/${campaign.id}/contacts/export?format=${format}${exportQuery ? `&${exportQuery}` : ""}`;

  return (
    <>
      <header className="page-header">
        <div>
          <div className="breadcrumbs">
            <Link href="/campaigns">Campaigns</Link> / <Link href={`/campaigns/${campaign.id}`}>{campaign.name}</Link> /
          </div>
          <h1>Contacts</h1>
          <p className="muted">Search by name, identifier or phone in any format (98765 43210, +91…).</p>
        </div>
        <div className="button-row">
          <a className="btn" href={exportHref("csv")} download>
            Export CSV
          </a>
          <a className="btn" href={exportHref("xlsx")} download>
            Export Excel
          </a>
        </div>
      </header>

      <ContactsFilters
        action={base}
        filters={filters}
        identifierLabel={schema.identifierKey ?? "phone"}
        agents={agents}
        jobs={jobs.map((j) => ({ id: j.id, label: `${j.fileName ?? j.reference} · ${j.createdAt.toISOString().slice(0, 10)}` }))}
      />

      <section className="card table-card" aria-label="Contacts">
        <ContactsTable
          campaignId={campaign.id}
          rows={page.rows}
          filters={filters}
          href={href}
          identifierLabel={schema.identifierKey ?? "identifier"}
        />
        {page.rows.length === 0 && (
          <div className="empty-row muted" data-testid="contacts-empty">
            {isFiltered(filters) ? (
              "No contact matches these filters."
            ) : (
              <>
                <p>No contacts yet. This list holds the people this campaign calls: upload a spreadsheet, or add them through the API.</p>
                {canWrite && (
                  <Link href={`/campaigns/${campaign.id}/upload`} className="btn btn-primary">
                    Upload contacts
                  </Link>
                )}
              </>
            )}
          </div>
        )}
        <div className="card-pad">
          <Pagination
            page={page.page}
            pageSize={page.pageSize}
            total={page.total}
            capped={page.capped}
            shown={page.rows.length}
            href={(p) => href({ page: p })}
            noun="contacts"
          />
        </div>
      </section>
    </>
  );
}
