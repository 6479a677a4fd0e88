import Link from "next/link";
import type { ContactFilters } from "@/lib/customers/contact-filters";
import type { ContactRow } from "@/lib/customers/search-customers";
import { formatDateTime } from "@/components/ui/format";

// The contacts table; column headers sort on the server (a link per direction).

type Props = {
  campaignId: string;
  rows: ContactRow[];
  filters: ContactFilters;
  href: (over: Partial<ContactFilters>) => string;
  identifierLabel: string;
};

export function ContactsTable({ campaignId, rows, filters, href, identifierLabel }: Props) {
  if (rows.length === 0) return null;
  const sortLink = (sort: ContactFilters["sort"], label: string) => {
    const active = filters.sort === sort;
    const dir = active && filters.dir === "asc" ? "desc" : "asc";
    return (
      <Link href={href({ sort, dir, page: 1 })} aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined} className="sort-link">
        {label}
        {active && <span aria-hidden> {filters.dir === "asc" ? "▲" : "▼"}</span>}
      </Link>
    );
  };
  return (
    <div className="table-scroll">
    <table className="table" aria-label="Contacts of this campaign">
      <thead>
        <tr>
          <th>{sortLink("name", "Name")}</th>
          <th>{sortLink("identifier", identifierLabel)}</th>
          <th>{sortLink("phone", "Phone")}</th>
          <th>Assignee</th>
          <th>Status</th>
          <th>{sortLink("created", "Added")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link className="strong-link" href={`/campaigns/${campaignId}/contacts/${row.id}`}>
                {[row.firstName, row.lastName].filter(Boolean).join(" ") || "(no name)"}
              </Link>
            </td>
            <td className="mono">{row.identifier}</td>
            <td className="nowrap">
              <span className="mono">{row.phoneE164}</span>
              {row.dnc && <span className="badge badge-danger" title={row.dnc === "global" ? "On the global DNC list" : "On this campaign's DNC list"}>DNC</span>}
            </td>
            <td>{row.assignedTo ?? <span className="muted">—</span>}</td>
            <td>{row.status}</td>
            <td className="nowrap">{formatDateTime(row.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
