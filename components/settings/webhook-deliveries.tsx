"use client";

import { useCallback, useEffect, useState } from "react";
import type { DeliveryView } from "@/lib/webhooks/deliveries";
import { formatDateTime } from "@/components/ui/format";
import { apiRequest } from "@/components/settings/api-request";

// The delivery log: every result sent (or still being retried), its last answer, and Resend.

type Page = { deliveries: DeliveryView[]; pagination: { page: number; total: number; total_pages: number } };

const BADGE: Record<string, string> = {
  delivered: "badge-success",
  failed: "badge-danger",
  retrying: "badge-warning",
  pending: "badge-info",
};

export function WebhookDeliveries({ canResend, configured }: { canResend: boolean; configured: boolean }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page | null>(null);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async (p: number) => {
    const answer = await apiRequest<Page>("GET", `/api/settings/webhook/deliveries?page=${p}`);
    if (answer.ok) setData(answer.data);
    else setMessage({ text: answer.message, ok: false });
  }, []);
  useEffect(() => {
    void load(page);
  }, [load, page]);

  const resend = async (id: string) => {
    setBusy(id);
    const answer = await apiRequest<{ outcome: { result: string; statusCode?: number | null; error?: string } }>(
      "POST",
      `/api/settings/webhook/deliveries/${id}/resend`,
    );
    setBusy(null);
    if (!answer.ok) setMessage({ text: answer.message, ok: false });
    else if (answer.data.outcome.result === "delivered") setMessage({ text: "Sent again: the receiver answered 200.", ok: true });
    else setMessage({ text: `Sent again, not delivered: ${answer.data.outcome.error ?? answer.data.outcome.result}.`, ok: false });
    await load(page);
  };

  return (
    <div className="deliveries">
      <div className="card-pad deliveries-head">
        <h3 className="subheading flush">Delivery log</h3>
        <button type="button" className="btn btn-sm" onClick={() => void load(page)}>
          Refresh
        </button>
      </div>
      {message && (
        <div role="status" className={`alert card-pad-x ${message.ok ? "alert-success" : "alert-warning"}`}>
          {message.text}
        </div>
      )}
      <table className="table" aria-label="Webhook deliveries">
        <thead>
          <tr>
            <th>Created</th>
            <th>Event</th>
            <th>Status</th>
            <th className="num">Attempts</th>
            <th>Last answer</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {data?.deliveries.length === 0 && (
            <tr>
              <td colSpan={6} className="empty-row">
                {configured
                  ? "Nothing sent yet. Call results and message statuses appear here as they happen."
                  : "Set an endpoint above to receive call results and message statuses."}
              </td>
            </tr>
          )}
          {data?.deliveries.map((d) => (
            <tr key={d.id}>
              <td>{formatDateTime(d.createdAt)}</td>
              <td className="small">
                {/* callId holds the call's id, or the message's for an sms / whatsapp status */}
                {d.eventType} <span className="mono">{d.callId}</span>
              </td>
              <td>
                <span className={`badge ${BADGE[d.status] ?? "badge-neutral"}`}>{d.status}</span>
              </td>
              <td className="num">{d.attempts}</td>
              <td className="small">
                {d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? "—")}
                {d.log[0] && <span className="muted"> · {formatDateTime(d.log[0].at)}</span>}
              </td>
              <td className="actions">
                {canResend && (
                  <button type="button" className="btn btn-sm" disabled={busy !== null} onClick={() => void resend(d.id)}>
                    {busy === d.id ? "Sending…" : "Resend"}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.pagination.total_pages > 1 && (
        <div className="card-pad button-row pager">
          <button type="button" className="btn btn-sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <span className="muted small">
            Page {page} of {data.pagination.total_pages}
          </span>
          <button type="button" className="btn btn-sm" disabled={page >= data.pagination.total_pages} onClick={() => setPage(page + 1)}>
            Older
          </button>
        </div>
      )}
    </div>
  );
}
