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
  const sortHeader = (sort: ContactFilters["sort"], label: string) => {
    const active = filters.sort === sort;
    const dir = active && filters.dir === "asc" ? "desc" : "asc";
    return (
      <th aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={href({ sort, dir, page: 1 })} className="sort-link" title={`Sort by ${label.toLowerCase()}`}>
          {label}
          {active && <span aria-hidden> {filters.dir === "asc" ? "▲" : "▼"}</span>}
        </Link>
      </th>
    );
  };
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Contacts of this campaign">
        <thead>
          <tr>
            {sortHeader("name", "Name")}
            {sortHeader("identifier", identifierLabel)}
            {sortHeader("phone", "Phone")}
            <th>Assignee</th>
            <th>Status</th>
            {sortHeader("created", "Added")}
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
                {row.dnc && (
                  <span
                    className="badge badge-danger"
                    title={row.dnc === "global" ? "On the global DNC list" : "On this campaign's DNC list"}
                  >
                    DNC
                  </span>
                )}
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
