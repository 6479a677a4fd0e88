import Link from "next/link";
import { viewStatus, type CallListRow } from "@/lib/calls/call-list";
import { formatDateTime } from "@/components/ui/format";
import { SHORT_REASON, STATUS_BADGE, customerName, formatDuration } from "@/components/calls/call-labels";
import { callsHref, type CallsQuery } from "@/components/calls/calls-query";
import styles from "@/components/calls/calls.module.css";

// Customer and status first: on a phone they are what fits before the table scrolls.
export function CallsTable({ rows, query, selectedId }: { rows: CallListRow[]; query: CallsQuery; selectedId?: string }) {
  return (
    <table className={`table ${styles.callsTable}`} aria-label="Calls">
      <thead>
        <tr>
          <th>Customer</th>
          <th>Status</th>
          <th>Disposition</th>
          <th>When</th>
          <th>Campaign and agent</th>
          <th className="num">Duration</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((call) => {
          const status = viewStatus(call);
          const note = call.attempt > 1 ? `attempt ${call.attempt}` : SHORT_REASON[call.blockedReason ?? call.waitReason ?? ""];
          return (
            <tr key={call.id} aria-selected={call.id === selectedId} className={call.id === selectedId ? styles.selected : undefined}>
              <td>
                <Link href={callsHref(query, { call: call.id })} scroll={false}>
                  {customerName(call.customer)}
                </Link>
                <div className={`muted small mono ${styles.ident}`} title={call.customer.identifier}>
                  {call.customer.identifier}
                </div>
              </td>
              <td>
                <span className={`badge ${STATUS_BADGE[status]}`}>{status}</span>
                {note && <div className="muted small">{note}</div>}
              </td>
              <td>{call.outcomeDisposition ?? "—"}</td>
              <td>{formatDateTime(call.dialedAt ?? call.createdAt)}</td>
              <td>
                <div data-testid="call-campaign">{call.campaign.name}</div>
                <div className="muted small">{call.agent.name}</div>
              </td>
              <td className="num">{formatDuration(call.duration)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
