"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DeliveryView } from "@/lib/webhooks/deliveries";
import { formatDateTime } from "@/components/ui/format";
import { apiRequest } from "@/components/settings/api-request";
import styles from "@/components/calls/calls.module.css";

// The call's result as sent to the organization's webhook endpoint: each delivery's status,
// attempts, last answer and next retry, with the same Resend as the settings screen's log.

const BADGE: Record<string, string> = {
  delivered: "badge-success",
  failed: "badge-danger",
  retrying: "badge-warning",
  pending: "badge-info",
};

export function CallDeliveries({ deliveries, canResend }: { deliveries: DeliveryView[]; canResend: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  const resend = async (id: string) => {
    setBusy(id);
    const answer = await apiRequest<{ outcome: { result: string; error?: string } }>(
      "POST",
      `/api/settings/webhook/deliveries/${id}/resend`,
    );
    setBusy(null);
    if (!answer.ok) setMessage({ text: answer.message, ok: false });
    else if (answer.data.outcome.result === "delivered") setMessage({ text: "Sent again: the receiver answered 200.", ok: true });
    else setMessage({ text: `Sent again, not delivered: ${answer.data.outcome.error ?? answer.data.outcome.result}.`, ok: false });
    router.refresh();
  };

  if (deliveries.length === 0)
    return (
      <p className="muted">
        Not sent to a webhook. When your organization has a webhook endpoint, each call result is sent there as the call ends, and the
        deliveries are listed here.{" "}
        {canResend && (
          <Link href="/settings" className={styles.nowrap}>
            Set up a webhook
          </Link>
        )}
      </p>
    );
  return (
    <>
      {message && (
        <div role="status" className={`alert ${message.ok ? "alert-success" : "alert-warning"}`}>
          {message.text}
        </div>
      )}
      <ol className={styles.attempts} aria-label="Webhook deliveries">
        {deliveries.map((d) => (
          <li key={d.id} className={styles.delivery}>
            <div className={styles.deliveryHead}>
              <span className={`badge ${BADGE[d.status] ?? "badge-neutral"}`}>{d.status}</span>
              <span className="small">
                {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
                {" · "}
                {d.lastStatusCode !== null ? `last answer HTTP ${d.lastStatusCode}` : d.lastError ? d.lastError : "not sent yet"}
              </span>
              {canResend && (
                <button type="button" className="btn btn-sm" disabled={busy !== null} onClick={() => void resend(d.id)}>
                  {busy === d.id ? "Sending…" : "Resend"}
                </button>
              )}
            </div>
            <div className="muted small">
              {d.deliveredAt
                ? `Delivered ${formatDateTime(d.deliveredAt)}`
                : d.nextAttemptAt
                  ? `Next retry ${formatDateTime(d.nextAttemptAt)}`
                  : d.status === "failed"
                    ? "Given up: use Resend to send it again"
                    : `Queued ${formatDateTime(d.createdAt)}`}
              {d.log[0] && ` · last tried ${formatDateTime(d.log[0].at)}`}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
