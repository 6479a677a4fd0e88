"use client";

import { useState, useTransition } from "react";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/auth/api-key-actions";
import { formatDateTime } from "@/components/ui/format";

type Key = { id: string; name: string; prefix: string; owner: string | null; createdAt: string; lastUsedAt: string | null; revoked: boolean };

export function ApiKeysPanel({ keys, canManage }: { keys: Key[]; canManage: boolean }) {
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const create = () =>
    startTransition(async () => {
      setError(null);
      const result = await createApiKeyAction(name);
      if (result.error) setError(result.error);
      else {
        setSecret(result.secret ?? null);
        setName("");
      }
    });

  return (
    <section className="card table-card">
      <h2 className="card-title">API keys</h2>
      <p className="muted card-pad">
        Send a key as <code>Authorization: Bearer &lt;key&gt;</code> (TimePay routes) or <code>Authorization: Token &lt;key&gt;</code> (Flexydial routes).
      </p>
      {canManage && (
        <form
          className="inline-form card-pad"
          onSubmit={(e) => {
            e.preventDefault();
            create();
          }}
        >
          <label className="field inline">
            <span>New key name</span>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. CRM sync" maxLength={100} />
          </label>
          <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? "Creating…" : "Create key"}</button>
        </form>
      )}
      {error && <div role="alert" className="alert alert-error card-pad">{error}</div>}
      {secret && (
        <div role="status" className="alert alert-success card-pad">
          Copy this key now — it is shown only once: <code className="secret">{secret}</code>
        </div>
      )}
      <table className="table" aria-label="API keys">
        <thead><tr><th>Name</th><th>Key</th><th>Owner</th><th>Created</th><th>Last used</th><th aria-label="Actions" /></tr></thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} className={k.revoked ? "row-muted" : undefined}>
              <td>{k.name}</td>
              <td className="mono">{k.prefix}…</td>
              <td>{k.owner ?? "Organization"}</td>
              <td>{formatDateTime(k.createdAt)}</td>
              <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}</td>
              <td className="actions">
                {k.revoked ? (
                  <span className="badge badge-neutral">revoked</span>
                ) : (
                  canManage && (
                    <button
                      type="button"
                      className="btn btn-sm btn-danger"
                      disabled={pending}
                      onClick={() =>
                        startTransition(async () => {
                          const result = await revokeApiKeyAction(k.id);
                          setError(result.error ?? null);
                        })
                      }
                    >
                      Revoke
                    </button>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
