import Link from "next/link";
import { UNASSIGNED, type ContactFilters } from "@/lib/customers/contact-filters";

// The search box and filters of the contacts list: a plain GET form, so the URL is the state and
// it works before any script has loaded.

type Props = {
  action: string;
  filters: ContactFilters;
  identifierLabel: string;
  agents: { username: string; name: string }[];
  jobs: { id: string; label: string }[];
};

export function ContactsFilters({ action, filters, identifierLabel, agents, jobs }: Props) {
  return (
    <search aria-label="Search contacts">
      <form className="card filters" action={action} method="get">
        <label className="field inline filters-search">
          <span>Search</span>
          <input type="search" name="q" defaultValue={filters.q} placeholder={`Name, ${identifierLabel} or phone`} />
        </label>
        <label className="field inline">
          <span>Assignee</span>
          <select name="assignee" defaultValue={filters.assignee}>
            <option value="">Anyone</option>
            <option value={UNASSIGNED}>Unassigned</option>
            {agents.map((a) => (
              <option key={a.username} value={a.username}>
                {a.name} ({a.username})
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>Upload</span>
          <select name="job" defaultValue={filters.job}>
            <option value="">Any upload</option>
            {filters.job && !jobs.some((j) => j.id === filters.job) && <option value={filters.job}>{filters.job}</option>}
            {jobs.map((j) => (
              <option key={j.id} value={j.id}>
                {j.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>DNC</span>
          <select name="dnc" defaultValue={filters.dnc}>
            <option value="">All</option>
            <option value="reachable">Reachable</option>
            <option value="blocked">Blocked by DNC</option>
          </select>
        </label>
        {filters.sort !== "created" && <input type="hidden" name="sort" value={filters.sort} />}
        {filters.dir !== "desc" && <input type="hidden" name="dir" value={filters.dir} />}
        <div className="button-row filters-actions">
          <button className="btn btn-primary" type="submit">
            Search
          </button>
          <Link className="btn" href={action}>
            Clear
          </Link>
        </div>
      </form>
    </search>
  );
}
