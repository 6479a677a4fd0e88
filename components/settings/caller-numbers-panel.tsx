"use client";

import { useState, useTransition } from "react";
import { addCallerNumberAction, setCallerNumberActiveAction } from "@/components/settings/caller-number-actions";
import { formatDateTime } from "@/components/ui/format";

// Settings → Caller numbers: the organization's outbound numbers (from_phone). Admins add and
// (de)activate; everyone else reads.

export type CallerNumberRow = { id: string; phoneE164: string; label: string; active: boolean; lastUsedAt: string | null };

export function CallerNumbersPanel({ numbers, canManage, fallback }: { numbers: CallerNumberRow[]; canManage: boolean; fallback: string }) {
  const [phone, setPhone] = useState("");
  const [label, setLabel] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const noneActive = numbers.length > 0 && numbers.every((n) => !n.active);

  const add = () =>
    startTransition(async () => {
      const result = await addCallerNumberAction(phone, label);
      setError(result.error ?? null);
      if (!result.error) {
        setPhone("");
        setLabel("");
      }
    });
  const toggle = (n: CallerNumberRow) =>
    startTransition(async () => {
      const result = await setCallerNumberActiveAction(n.id, !n.active);
      setError(result.error ?? null);
    });

  return (
    <section className="card table-card" aria-labelledby="caller-numbers-title">
      <h2 className="card-title" id="caller-numbers-title">
        Caller numbers
      </h2>
      <p className="muted card-pad">
        The numbers your calls come from (<code>from_phone</code> in the call log and webhooks). Each call takes the active number used
        least recently. With no numbers here, calls show the dialer&apos;s default caller id <span className="mono">{fallback}</span>.
      </p>
      {noneActive && (
        <div role="alert" className="alert alert-warning card-pad">
          Every caller number is deactivated: no calls are placed, and requests to start calls are refused, until one is active again.
        </div>
      )}
      {canManage && (
        <form
          className="inline-form card-pad caller-number-form"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <label className="field inline">
            <span>Number</span>
            <input value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="+91 80 3545 0801" maxLength={32} required />
          </label>
          <label className="field inline">
            <span>Label (optional)</span>
            <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. Bengaluru office" maxLength={60} />
          </label>
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? "Adding…" : "Add number"}
          </button>
        </form>
      )}
      {error && (
        <div role="alert" className="alert alert-error card-pad">
          {error}
        </div>
      )}
      {numbers.length === 0 ? (
        <p className="card-pad empty-row">
          No caller numbers yet: calls use the default caller id.{canManage ? " Add your outbound numbers above to call from them." : ""}
        </p>
      ) : (
        <table className="table" aria-label="Caller numbers">
          <thead>
            <tr>
              <th>Number</th>
              <th>Label</th>
              <th>Status</th>
              <th>Last used</th>
              {canManage && <th aria-label="Actions" />}
            </tr>
          </thead>
          <tbody>
            {numbers.map((n) => (
              <tr key={n.id} className={n.active ? undefined : "row-muted"}>
                <td className="mono">{n.phoneE164}</td>
                <td>{n.label || "—"}</td>
                <td>
                  <span className={`badge ${n.active ? "badge-success" : "badge-neutral"}`}>{n.active ? "active" : "inactive"}</span>
                </td>
                <td>{n.lastUsedAt ? formatDateTime(n.lastUsedAt) : "Never"}</td>
                {canManage && (
                  <td className="actions">
                    <button
                      type="button"
                      className={`btn btn-sm${n.active ? " btn-danger" : ""}`}
                      aria-label={`${n.active ? "Deactivate" : "Activate"} ${n.phoneE164}`}
                      disabled={pending}
                      onClick={() => toggle(n)}
                    >
                      {n.active ? "Deactivate" : "Activate"}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
