"use client";

import { useState, useTransition } from "react";
import type { WebhookEndpointView } from "@/lib/webhooks/webhook-endpoint";
import { apiRequest } from "@/components/settings/api-request";
import { WebhookDeliveries } from "@/components/settings/webhook-deliveries";

// Results out: where each call result is POSTed (TimePay's call webhook) and the Bearer secret
// the receiver checks. Admins edit; everyone sees the delivery log.

export function WebhookPanel({ initial, canManage }: { initial: WebhookEndpointView | null; canManage: boolean }) {
  const [endpoint, setEndpoint] = useState(initial);
  const [url, setUrl] = useState(initial?.url ?? "");
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [showSecret, setShowSecret] = useState(false);
  const [problem, setProblem] = useState<{ message: string; errors: string[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const save = (extra: { rotateSecret?: boolean } = {}) =>
    startTransition(async () => {
      setProblem(null);
      setNotice(null);
      const answer = await apiRequest<{ endpoint: WebhookEndpointView }>("PUT", "/api/settings/webhook", { url, enabled, ...extra });
      if (!answer.ok) return setProblem(answer);
      setEndpoint(answer.data.endpoint);
      setNotice(extra.rotateSecret ? "A new secret is in use: update your receiver." : "Webhook endpoint saved.");
    });
  const remove = () =>
    startTransition(async () => {
      if (!window.confirm("Stop sending call results to this endpoint? Pending deliveries will fail.")) return;
      const answer = await apiRequest("DELETE", "/api/settings/webhook");
      if (!answer.ok) return setProblem(answer);
      setEndpoint(null);
      setUrl("");
      setNotice("Webhook endpoint removed.");
    });

  return (
    <section className="card table-card" aria-labelledby="webhook-title">
      <h2 className="card-title" id="webhook-title">
        Call results webhook
      </h2>
      <p className="muted card-pad">
        Every call result (Contacted, No Contact, Failed) is POSTed to this URL as TimePay&apos;s call webhook, with{" "}
        <code>Authorization: Bearer &lt;secret&gt;</code>. Anything but a 200 answer is retried with backoff (8 attempts).
      </p>
      <form
        className="settings-form card-pad"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="field">
          <span>Endpoint URL</span>
          <input
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://crm.example.com/hooks/calls"
            disabled={!canManage}
            required
            aria-invalid={problem?.errors.some((m) => m.startsWith("url")) || undefined}
          />
        </label>
        <label className="check-field">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} disabled={!canManage} /> Send call results
        </label>
        {endpoint && canManage && (
          <div className="field">
            <span>Secret</span>
            <div className="secret-row">
              <code className="secret" data-testid="webhook-secret">
                {showSecret ? endpoint.secret : `${endpoint.secret.slice(0, 9)}${"•".repeat(12)}`}
              </code>
              <button type="button" className="btn btn-sm" onClick={() => setShowSecret(!showSecret)}>
                {showSecret ? "Hide" : "Show"}
              </button>
              {canManage && (
                <button type="button" className="btn btn-sm" disabled={pending} onClick={() => save({ rotateSecret: true })}>
                  Rotate secret
                </button>
              )}
            </div>
          </div>
        )}
        {problem && (
          <div role="alert" className="alert alert-error">
            {problem.message}
            {problem.errors.length > 0 && (
              <ul>
                {problem.errors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {notice && (
          <div role="status" className="alert alert-success">
            {notice}
          </div>
        )}
        {canManage && (
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {pending ? "Saving…" : endpoint ? "Save" : "Create endpoint"}
            </button>
            {endpoint && (
              <button type="button" className="btn btn-danger" disabled={pending} onClick={remove}>
                Remove
              </button>
            )}
          </div>
        )}
        {!canManage && <p className="muted small">Only an admin can change the endpoint.</p>}
      </form>
      <WebhookDeliveries canResend={canManage} configured={endpoint !== null} />
    </section>
  );
}
