import Link from "next/link";
import { viewStatus } from "@/lib/calls/call-list";
import type { CallDetail } from "@/lib/calls/call-detail";
import { formatDateTime } from "@/components/ui/format";
import { BLOCK_REASON, STATUS_BADGE, WAIT_REASON, customerName, formatDuration } from "@/components/calls/call-labels";
import { callsHref, type CallsQuery } from "@/components/calls/calls-query";
import styles from "@/components/calls/calls.module.css";
import { CallDeliveries } from "@/components/calls/call-deliveries";
import type { DeliveryView } from "@/lib/webhooks/deliveries";

// The selected call: result, summary, what the agent extracted, every attempt to the customer,
// and the result's webhook deliveries.

export function CallDetailPanel({
  detail,
  deliveries,
  canResend,
  closeHref,
  query,
}: {
  detail: CallDetail;
  deliveries: DeliveryView[];
  canResend: boolean;
  closeHref: string;
  query: CallsQuery;
}) {
  const { call, attempts } = detail;
  const status = viewStatus(call);
  const extracted = Object.entries((call.extractedData as Record<string, unknown> | null) ?? {});
  return (
    <aside className={`card ${styles.panel}`} aria-label="Call details">
      <div className={styles.panelHead}>
        <div>
          <h2>{customerName(call.customer)}</h2>
          <div className="muted small">
            <span className="mono">{call.customer.identifier}</span> · <span className="mono">{call.toPhone}</span>
          </div>
        </div>
        <Link href={closeHref} scroll={false} className="btn btn-sm">
          Close
        </Link>
      </div>

      <dl className={styles.facts}>
        <dt>Status</dt>
        <dd>
          <span className={`badge ${STATUS_BADGE[status]}`}>{status}</span>
          {stateNote(call) && <div className="muted small">{stateNote(call)}</div>}
        </dd>
        <dt>Disposition</dt>
        <dd>{call.outcomeDisposition ?? "—"}</dd>
        <dt>Campaign</dt>
        <dd>
          <Link href={`/campaigns/${call.campaign.id}`}>{call.campaign.name}</Link>
        </dd>
        <dt>Agent</dt>
        <dd>{call.agent.name}</dd>
        <dt>Placed</dt>
        <dd>{call.dialedAt ? formatDateTime(call.dialedAt) : "not yet"}</dd>
        <dt>Ended</dt>
        <dd>{call.endedAt ? formatDateTime(call.endedAt) : "—"}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(call.duration)}</dd>
        <dt>From</dt>
        <dd className="mono">{call.fromPhone ?? "—"}</dd>
        <dt>Call id</dt>
        <dd className="mono small">{call.id}</dd>
      </dl>

      <h3 className={styles.subhead}>Summary</h3>
      <p>{call.summary ?? <span className="muted">No summary{call.outcome ? "" : " yet: the call has no result"}.</span>}</p>

      <h3 className={styles.subhead}>Extracted data</h3>
      {extracted.length === 0 ? (
        <p className="muted">Nothing extracted.</p>
      ) : (
        <table className={`table ${styles.kv}`} aria-label="Extracted data">
          <tbody>
            {extracted.map(([key, value]) => (
              <tr key={key}>
                <th scope="row" className="mono">
                  {key}
                </th>
                <td>{typeof value === "string" ? value : JSON.stringify(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className={styles.subhead}>Attempts to this customer ({attempts.length})</h3>
      <ol className={styles.attempts}>
        {attempts.map((a) => {
          const s = viewStatus(a);
          return (
            <li key={a.id} aria-current={a.id === call.id ? "true" : undefined}>
              <Link href={callsHref(query, { call: a.id })} scroll={false}>
                Attempt {a.attempt}
              </Link>{" "}
              <span className={`badge ${STATUS_BADGE[s]}`}>{s}</span>
              {a.outcomeDisposition && <span> · {a.outcomeDisposition}</span>}
              <div className="muted small">
                {formatDateTime(a.dialedAt ?? a.createdAt)}
                {stateNote(a) ? ` · ${stateNote(a)}` : ""}
              </div>
            </li>
          );
        })}
      </ol>

      <h3 className={styles.subhead}>Webhook deliveries ({deliveries.length})</h3>
      <CallDeliveries deliveries={deliveries} canResend={canResend} />
    </aside>
  );
}

function stateNote(a: {
  state: string;
  waitReason: string | null;
  blockedReason: string | null;
  notBefore: Date;
  errorMessage: string | null;
  outcome: string | null;
}) {
  if (a.state === "scheduled") {
    const why = WAIT_REASON[a.waitReason ?? ""] ?? "waiting to be dialled";
    return a.notBefore > new Date() ? `${why}, not before ${formatDateTime(a.notBefore)}` : why;
  }
  if (a.state === "blocked" || a.state === "cancelled")
    return a.blockedReason ? `Not called: ${BLOCK_REASON[a.blockedReason] ?? a.blockedReason}` : null;
  if (a.state === "failed" && !a.outcome && a.errorMessage) return a.errorMessage;
  return null;
}
