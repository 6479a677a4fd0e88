import { formatDateTime } from "@/components/ui/format";
import type { DncEventRow } from "@/lib/dnc/dnc-list";
import styles from "@/components/dnc/dnc.module.css";

// Changes to the list, newest first: what happened to which number, on which list, who did it
// and through which door.

const ACTION: Record<DncEventRow["action"], { label: string; badge: string }> = {
  added: { label: "Added", badge: "badge-success" },
  deactivated: { label: "Removed", badge: "badge-neutral" },
  reactivated: { label: "Re-activated", badge: "badge-info" },
  deleted: { label: "Deleted (API)", badge: "badge-danger" },
};
const SOURCE: Record<string, string> = {
  ui: "this app",
  flexydial_api: "Flexydial API",
  timepay_api: "TimePay API",
  workflow: "a workflow",
  system: "the system",
};

export function DncHistoryTable({ rows }: { rows: DncEventRow[] }) {
  return (
    <table className="table" aria-label="Changes">
      <thead>
        <tr>
          <th>When</th>
          <th>Change</th>
          <th>Number</th>
          <th>List</th>
          <th>By</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className={styles.when}>{formatDateTime(r.createdAt)}</td>
            <td>
              <span className={`badge ${ACTION[r.action].badge}`}>{ACTION[r.action].label}</span>
            </td>
            <td className={styles.number}>
              <span className="mono">{r.phoneE164}</span>
              {r.phoneRaw !== r.phoneE164 && <div className="muted small">entered as {r.phoneRaw}</div>}
            </td>
            <td>
              {r.global ? (
                <span className="badge badge-info">Global</span>
              ) : (
                (r.campaignName ?? <span className="muted">a deleted campaign</span>)
              )}
            </td>
            <td>
              {r.actor}
              <div className="muted small">via {SOURCE[r.source] ?? r.source}</div>
            </td>
            <td>{r.reason ?? <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
