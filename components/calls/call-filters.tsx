import Link from "next/link";
import { CALL_VIEW_STATUSES } from "@/lib/calls/call-list";
import { hasFilters, type CallsQuery } from "@/components/calls/calls-query";
import styles from "@/components/calls/calls.module.css";

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
      <label className="field">
        <span>Campaign</span>
        <select name="campaign" defaultValue={query.campaign ?? ""}>
          <option value="">All campaigns</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Status</span>
        <select name="status" defaultValue={query.status ?? ""}>
          <option value="">Any status</option>
          {CALL_VIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Disposition</span>
        <select name="disposition" defaultValue={query.disposition ?? ""}>
          <option value="">Any disposition</option>
          {dispositions.map((d) => (
            <option key={d.id} value={d.name}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Agent</span>
        <select name="agent" defaultValue={query.agent ?? ""}>
          <option value="">All agents</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
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
