import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import type { DncListRow } from "@/lib/dnc/dnc-list";
import { DncEntryActions } from "@/components/dnc/dnc-entry-actions";
import styles from "@/components/dnc/dnc.module.css";

// One page of the list: the number as entered and as E.164, its list, status, reason, who added
// it and when, the latest removal or re-activation, and (for writers) remove / re-activate.

const CHANGE: Record<string, string> = { deactivated: "Removed", reactivated: "Re-activated", deleted: "Deleted" };

export function DncEntryTable({ rows, canWrite }: { rows: DncListRow[]; canWrite: boolean }) {
  return (
    <table className="table" aria-label="Numbers">
      <thead>
        <tr>
          <th>Number</th>
          <th>List</th>
          <th>Status</th>
          <th>Added</th>
          <th>Reason</th>
          <th aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className={r.status === "active" ? undefined : "row-muted"}>
            <td className={styles.number}>
              <span className="mono">{r.phoneE164}</span>
              {r.phoneRaw !== r.phoneE164 && <div className="muted small">entered as {r.phoneRaw}</div>}
            </td>
            <td>{r.campaignName ?? <span className="badge badge-info">Global</span>}</td>
            <td>
              {r.status === "active" ? (
                <span className="badge badge-success">Active</span>
              ) : (
                <span className="badge badge-neutral">Removed</span>
              )}
              {r.lastChange && (
                <div className="muted small">
                  {CHANGE[r.lastChange.action]} {formatDateTime(r.lastChange.at)} by {r.lastChange.actor}
                </div>
              )}
            </td>
            <td className={styles.when}>
              {formatDateTime(r.createdAt)}
              <div className="muted small">{r.addedBy ? `by ${r.addedBy}` : "before the history"}</div>
            </td>
            <td>{r.reason ?? <span className="muted">—</span>}</td>
            <td className="actions">
              <span className="button-row">
                {canWrite && <DncEntryActions id={r.id} number={r.phoneE164} active={r.status === "active"} />}
                <Link
                  className="btn btn-sm"
                  href={`/dnc?view=history&entry=${encodeURIComponent(r.id)}`}
                  aria-label={`History of ${r.phoneE164}`}
                >
                  History
                </Link>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
