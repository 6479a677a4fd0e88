"use client";

import { useState, useTransition } from "react";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/auth/api-key-actions";
import { formatDateTime } from "@/components/ui/format";

type Key = {
  id: string;
  name: string;
  prefix: string;
  owner: string | null;
  ownerId: string | null;
  role: "admin" | "operator" | "viewer";
  fromGenerateToken: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
};

export function ApiKeysPanel({ keys, canManage, userId }: { keys: Key[]; canManage: boolean; userId: string }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState<Key["role"]>("operator");
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const create = () =>
    startTransition(async () => {
      setError(null);
      const result = await createApiKeyAction(name, role);
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
        Send a key as <code>Authorization: Bearer &lt;key&gt;</code> (TimePay routes) or <code>Authorization: Token &lt;key&gt;</code>{" "}
        (Flexydial routes). A key acts with its role: viewer keys only read. <code>POST /api/generate-token/</code> keeps one key per user,
        named
        <code>generate-token</code>, with that user&apos;s role; each call replaces the previous one.
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
          <label className="field inline">
            <span>Role</span>
            <select value={role} onChange={(e) => setRole(e.target.value as Key["role"])}>
              <option value="admin">admin</option>
              <option value="operator">operator</option>
              <option value="viewer">viewer (read-only)</option>
            </select>
          </label>
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? "Creating…" : "Create key"}
          </button>
        </form>
      )}
      {error && (
        <div role="alert" className="alert alert-error card-pad">
          {error}
        </div>
      )}
      {secret && (
        <div role="status" className="alert alert-success card-pad">
          Copy this key now — it is shown only once: <code className="secret">{secret}</code>
        </div>
      )}
      <table className="table" aria-label="API keys">
        <thead>
          <tr>
            <th>Name</th>
            <th>Key</th>
            <th>Role</th>
            <th>Owner</th>
            <th>Created</th>
            <th>Last used</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {keys.length === 0 && (
            <tr>
              <td colSpan={7} className="empty-row" data-testid="api-keys-empty">
                No API keys yet. A key lets an integrator call the TimePay and Flexydial APIs for this organization
                {canManage ? ": create one above." : "; an admin creates them."}
              </td>
            </tr>
          )}
          {keys.map((k) => (
            <tr key={k.id} className={k.revoked ? "row-muted" : undefined}>
              <td>
                {k.name}
                {k.fromGenerateToken && <span className="badge badge-neutral"> from generate-token</span>}
              </td>
              <td className="mono">{k.prefix}…</td>
              <td>{k.role}</td>
              <td>{k.owner ?? "Organization"}</td>
              <td>{formatDateTime(k.createdAt)}</td>
              <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}</td>
              <td className="actions">
                {k.revoked ? (
                  <span className="badge badge-neutral">revoked</span>
                ) : (
                  (canManage || k.ownerId === userId) && (
                    <button
                      type="button"
                      className="btn btn-sm btn-danger"
                      aria-label={`Revoke ${k.name} (${k.prefix}…)`}
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
