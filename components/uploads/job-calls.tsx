import Link from "next/link";
import type { CallViewStatus } from "@/lib/calls/call-list";
import type { UploadJobCalls } from "@/lib/calls/upload-calls";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { STATUS_BADGE, customerName, formatDuration } from "@/components/calls/call-labels";

// "The calls it started": the attempts an upload's "add and start calls" (or a bulk add with
// initiateCall) scheduled for the contacts it added, per status, each count opening the Calls page
// filtered by this job, and the latest calls placed.

export function JobCalls({ jobId, calls }: { jobId: string; calls: UploadJobCalls }) {
  const href = (status?: CallViewStatus, call?: string) => {
    const params = new URLSearchParams({ job: jobId });
    if (status) params.set("status", status);
    if (call) params.set("call", call);
    return `/calls?${params.toString()}`;
  };
  const statuses = (Object.entries(calls.byStatus) as [CallViewStatus, number][]).filter(([, n]) => n > 0);
  return (
    <section className="card table-card" aria-label="Calls this upload started">
      <div className="card-head">
        <h2>Calls it started</h2>
        {calls.total > 0 && (
          <Link href={href()} data-testid="job-calls-total">
            {calls.total === 1 ? "1 call attempt" : `${formatNumber(calls.total)} call attempts`}
          </Link>
        )}
      </div>
      {calls.total === 0 ? (
        <p className="card-pad muted">
          This upload started no calls. An upload sent with “add and start calls” (or a bulk add with <code>initiateCall</code>) schedules a
          call to every contact it adds; those calls are counted and listed here.
        </p>
      ) : (
        <>
          <ul className="card-pad job-call-statuses" aria-label="Calls by status">
            {statuses.map(([status, n]) => (
              <li key={status}>
                <Link href={href(status)} data-testid={`job-calls-${status}`}>
                  <span className={`badge ${STATUS_BADGE[status]}`}>{status}</span> {formatNumber(n)}
                </Link>
              </li>
            ))}
          </ul>
          {calls.latest.length > 0 && (
            <div className="table-scroll">
              <table className="table" aria-label="Latest calls of this upload">
                <thead>
                  <tr>
                    <th>Customer</th>
                    <th>Status</th>
                    <th>Disposition</th>
                    <th>Placed</th>
                    <th className="num">Duration</th>
                  </tr>
                </thead>
                <tbody>
                  {calls.latest.map((call) => (
                    <tr key={call.id}>
                      <td>
                        <Link href={href(undefined, call.id)}>{customerName(call.customer)}</Link>
                        <div className="muted small mono">{call.customer.identifier}</div>
                      </td>
                      <td>
                        <span className={`badge ${STATUS_BADGE[call.status]}`}>{call.status}</span>
                      </td>
                      <td>{call.disposition ?? "—"}</td>
                      <td className="nowrap">{call.dialedAt ? formatDateTime(call.dialedAt) : "—"}</td>
                      <td className="num">{formatDuration(call.duration)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
