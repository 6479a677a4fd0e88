import Link from "next/link";
import { CALL_VIEW_STATUSES } from "@/lib/calls/call-list";
import { hasFilters, type CallsQuery } from "@/components/calls/calls-query";
import styles from "@/components/calls/calls.module.css";
import { FilterSelect } from "@/components/ui/filter-select";

// A plain GET form: the filters are the URL, so a filtered view can be bookmarked or shared,
// and the page is filtered and paginated on the server.

type Option = { id: string; name: string };

export function CallFilters({
  query,
  campaigns,
  agents,
  dispositions,
}: {
  query: CallsQuery;
  campaigns: Option[];
  agents: Option[];
  dispositions: Option[];
}) {
  return (
    <form className={`card ${styles.filters}`} method="get" action="/calls" aria-label="Filter calls">
      {query.job && (
        <p className={styles.jobFilter}>
          <input type="hidden" name="job" value={query.job} />
          Calls started by upload <Link href={`/uploads/${query.job}`}>{query.job}</Link>
        </p>
      )}
      <FilterSelect
        label="Campaign"
        name="campaign"
        value={query.campaign}
        any="All campaigns"
        options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
      />
      <FilterSelect
        label="Status"
        name="status"
        value={query.status}
        any="Any status"
        options={CALL_VIEW_STATUSES.map((s) => ({ value: s, label: s }))}
      />
      <FilterSelect
        label="Disposition"
        name="disposition"
        value={query.disposition}
        any="Any disposition"
        options={dispositions.map((d) => ({ value: d.name, label: d.name }))}
      />
      <FilterSelect
        label="Agent"
        name="agent"
        value={query.agent}
        any="All agents"
        options={agents.map((a) => ({ value: a.id, label: a.name }))}
      />
      <label className="field">
        <span>From</span>
        <input type="date" name="from" defaultValue={query.from ?? ""} />
      </label>
      <label className="field">
        <span>To</span>
        <input type="date" name="to" defaultValue={query.to ?? ""} />
      </label>
      <div className={styles.filterActions}>
        <button className="btn btn-primary" type="submit">
          Apply
        </button>
        {hasFilters(query) && (
          <Link href="/calls" className="btn">
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
