import Link from "next/link";
import { RESULT_FILTERS, recentResults, type ResultFilter } from "@/lib/dashboard/campaign-activity";
import { formatDateTime } from "@/components/ui/format";
import { callsHref, duration } from "@/components/dashboard/links";
import styles from "@/components/dashboard/dashboard.module.css";

// The latest call results, filterable by outcome (?results= in the page's URL); a row opens the
// Calls page's detail panel for that call.

const BADGE: Record<string, string> = { Contacted: "badge-success", "No Contact": "badge-warning", Failed: "badge-danger" };

export async function RecentResults({
  campaignId,
  outcome,
  baseQuery,
}: {
  campaignId: string;
  outcome?: ResultFilter;
  baseQuery: Record<string, string>;
}) {
  const rows = await recentResults(campaignId, outcome);
  const href = (o?: string) => {
    const params = new URLSearchParams(baseQuery);
    if (o) params.set("results", o);
    else params.delete("results");
    const s = params.toString();
    return `/campaigns/${encodeURIComponent(campaignId)}${s ? `?${s}` : ""}#recent-results`;
  };
  return (
    <section className="card table-card" aria-label="Recent call results" id="recent-results">
      <div className={styles.tableHead}>
        <h2>Recent call results</h2>
        <nav aria-label="Filter results" className={styles.chips}>
          {[undefined, ...RESULT_FILTERS].map((o) => (
            <Link key={o ?? "all"} href={href(o)} className={styles.chip} aria-current={o === outcome ? "true" : undefined}>
              {o ?? "All"}
            </Link>
          ))}
        </nav>
      </div>
      {rows.length === 0 ? (
        <p className="empty-row muted">No call results yet.</p>
      ) : (
        <div className={styles.scroll}>
          <table className={`table ${styles.compact}`} aria-label="Recent call results">
            <thead>
              <tr>
                <th>Customer</th>
                <th>Result</th>
                <th className="num">Duration</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={callsHref(campaignId, { call: r.id })}>{r.customerName}</Link>
                    <div className="muted small">
                      <span className="mono">{r.toPhone}</span> · {formatDateTime(r.finishedAt)}
                    </div>
                  </td>
                  <td>
                    <span className={`badge ${BADGE[r.outcome] ?? "badge-neutral"}`}>{r.outcome}</span>{" "}
                    <span className="small">{r.disposition}</span>
                    {r.promiseToPayDate && <div className="small">Promise to pay {r.promiseToPayDate}</div>}
                  </td>
                  <td className="num">{duration(r.duration)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="card-pad">
        <Link href={callsHref(campaignId, outcome ? { status: outcome } : {})}>All of this campaign’s calls</Link>
      </p>
    </section>
  );
}
