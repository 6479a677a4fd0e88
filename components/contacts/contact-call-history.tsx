import Link from "next/link";
import type { CustomerCallHistory } from "@/lib/calls/customer-call-history";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { SHORT_REASON, STATUS_BADGE, formatDuration } from "@/components/calls/call-labels";

// The contact's call history: every attempt, newest first; a row opens the call's detail on the
// Calls page (attempts not placed open under their status, where the Calls page lists them).

const NOT_PLACED = new Set(["Waiting", "Blocked", "Cancelled"]);

export function callDetailHref(campaignId: string, call: { id: string; status: string }) {
  const params = new URLSearchParams({ campaign: campaignId });
  if (NOT_PLACED.has(call.status)) params.set("status", call.status);
  params.set("call", call.id);
  return `/calls?${params.toString()}`;
}

export function ContactCallHistory({
  campaignId,
  history,
  canWrite,
}: {
  campaignId: string;
  history: CustomerCallHistory;
  canWrite: boolean;
}) {
  const { calls, total } = history;
  return (
    <section className="card table-card" aria-label="Call history">
      <div className="card-head">
        <h2>Call history</h2>
        {total > 0 && (
          <span className="muted small" data-testid="call-history-count">
            {total === 1 ? "1 attempt" : `${formatNumber(total)} attempts`}
            {total > calls.length && `, the latest ${calls.length} shown`}
          </span>
        )}
      </div>
      {calls.length === 0 ? (
        <div className="card-pad">
          <p className="muted">
            No calls yet. Every call attempt to this contact will be listed here with its time, result, disposition, duration and the
            agent’s summary. Calls start from “Calls now” on the campaign page, an upload with “add and start calls”, a workflow, or the
            API.
          </p>
          {canWrite && (
            <Link className="btn" href={`/campaigns/${campaignId}`}>
              Go to the campaign
            </Link>
          )}
        </div>
      ) : (
        <div className="table-scroll">
          <table className="table contact-calls" aria-label="Calls to this contact">
            <thead>
              <tr>
                <th>When</th>
                <th>Status</th>
                <th>Disposition</th>
                <th className="num">Duration</th>
                <th>Summary</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => {
                const note = SHORT_REASON[call.reason ?? ""];
                return (
                  <tr key={call.id} data-call-id={call.id}>
                    <td className="nowrap">
                      <Link href={callDetailHref(campaignId, call)}>{formatDateTime(call.at)}</Link>
                      <div className="muted small">
                        {call.placed ? call.agent : call.notBefore ? `not before ${formatDateTime(call.notBefore)}` : "not placed"}
                        {call.attempt > 1 && ` · attempt ${call.attempt}`}
                      </div>
                    </td>
                    <td>
                      <span className={`badge ${STATUS_BADGE[call.status]}`}>{call.status}</span>
                      {note && <div className="muted small">{note}</div>}
                    </td>
                    <td>{call.disposition ?? "—"}</td>
                    <td className="num">{formatDuration(call.duration)}</td>
                    <td className="call-summary">{call.summary ?? <span className="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
