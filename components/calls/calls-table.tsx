import Link from "next/link";
import { viewStatus, type CallListRow } from "@/lib/calls/call-list";
import { formatDateTime } from "@/components/ui/format";
import { STATUS_BADGE, customerName, formatDuration } from "@/components/calls/call-labels";
import { callsHref, type CallsQuery } from "@/components/calls/calls-query";
import styles from "@/components/calls/calls.module.css";

export function CallsTable({ rows, query, selectedId }: { rows: CallListRow[]; query: CallsQuery; selectedId?: string }) {
  return (
    <table className={`table ${styles.callsTable}`} aria-label="Calls">
      <thead>
        <tr><th>When</th><th>Customer</th><th>Campaign</th><th>Agent</th><th>Status</th><th>Disposition</th><th className="num">Duration</th></tr>
      </thead>
      <tbody>
        {rows.map((call) => {
          const status = viewStatus(call);
          return (
            <tr key={call.id} aria-selected={call.id === selectedId} className={call.id === selectedId ? styles.selected : undefined}>
              <td className={styles.nowrap}>{formatDateTime(call.dialedAt ?? call.createdAt)}</td>
              <td>
                <Link href={callsHref(query, { call: call.id })} scroll={false}>{customerName(call.customer)}</Link>
                <div className="muted small mono">{call.customer.identifier}</div>
              </td>
              <td>{call.campaign.name}</td>
              <td>{call.agent.name}</td>
              <td>
                <span className={`badge ${STATUS_BADGE[status]}`}>{status}</span>
                {call.attempt > 1 && <span className="muted small"> · attempt {call.attempt}</span>}
              </td>
              <td>{call.outcomeDisposition ?? "—"}</td>
              <td className="num">{formatDuration(call.duration)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
