"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/components/settings/api-request";
import { formatDateTime } from "@/components/ui/format";
import type { PendingInvitation, TeamMember } from "@/lib/auth/team";

// Members and pending invitations. An admin invites (the answer is a one-time link to hand over:
// there is no mail server), changes roles, removes members and cancels invitations; the server
// refuses anyone else (403) and refuses to leave the team without an admin (409).

type Role = TeamMember["role"];
const ROLE_HELP: Record<Role, string> = {
  admin: "manages the team, API keys and settings",
  operator: "runs campaigns, uploads and calls",
  viewer: "sees everything, changes nothing",
};

type Props = { canManage: boolean; currentUserId: string; members: TeamMember[]; invitations: PendingInvitation[] };

export function TeamManager({ canManage, currentUserId, members, invitations }: Props) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; url: string; expiresAt: string } | null>(null);

  const act = async (work: Promise<{ ok: boolean; message?: string }>) => {
    const answer = await work;
    setProblem(answer.ok ? null : (answer.message ?? "Something went wrong"));
    if (answer.ok) router.refresh();
    return answer.ok;
  };

  return (
    <>
      {canManage && (
        <InviteForm
          onCreated={(c) => {
            setCreated(c);
            router.refresh();
          }}
        />
      )}
      {created && (
        <section className="card team-link" aria-label="Invite link" data-testid="invite-link">
          <h2 className="card-title">Invite link for {created.email}</h2>
          <p className="muted">
            Send this link to them yourself (Dialsheet sends no email). It works once, until {formatDateTime(created.expiresAt)}: they set
            their name and password and join.
          </p>
          <div className="copy-row">
            <input readOnly value={created.url} aria-label="Invite link URL" className="mono" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn" onClick={() => navigator.clipboard?.writeText(created.url)}>
              Copy
            </button>
          </div>
        </section>
      )}
      {problem && (
        <div role="alert" className="alert alert-error">
          {problem}
        </div>
      )}
      <section className="card table-card">
        <h2 className="card-title">Members</h2>
        <div className="table-scroll">
          <table className="table" aria-label="Members">
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Joined</th>
                {canManage && <th aria-label="Actions" />}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} data-testid={`member-${m.email}`}>
                  <td>
                    {m.name}
                    {m.userId === currentUserId && <span className="muted"> (you)</span>}
                    <div className="muted small">{m.email}</div>
                  </td>
                  <td>
                    {canManage ? (
                      <select
                        aria-label={`Role of ${m.email}`}
                        value={m.role}
                        data-writes
                        onChange={(e) => act(apiRequest("PATCH", `/api/team/members/${m.id}`, { role: e.target.value }))}
                      >
                        <option value="admin">Admin</option>
                        <option value="operator">Operator</option>
                        <option value="viewer">Viewer</option>
                      </select>
                    ) : (
                      <span className="badge badge-neutral">{m.role}</span>
                    )}
                    <div className="muted small">{ROLE_HELP[m.role]}</div>
                  </td>
                  <td className="small">{formatDateTime(m.joinedAt)}</td>
                  {canManage && (
                    <td className="actions">
                      <button
                        type="button"
                        className="btn btn-sm btn-danger"
                        data-writes
                        aria-label={`Remove ${m.email}`}
                        onClick={() => {
                          if (window.confirm(`Remove ${m.name} (${m.email})? Their account, sessions and API keys are deleted.`))
                            act(apiRequest("DELETE", `/api/team/members/${m.id}`));
                        }}
                      >
                        Remove
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card table-card">
        <h2 className="card-title">Pending invitations</h2>
        {invitations.length === 0 ? (
          <p className="muted empty-note">
            No invitation is waiting.{" "}
            {canManage ? "Invite a colleague above: you get a link to send them." : "An admin can invite colleagues."}
          </p>
        ) : (
          <div className="table-scroll">
            <table className="table" aria-label="Pending invitations">
              <thead>
                <tr>
                  <th>Email</th>
                  <th>Role</th>
                  <th>Expires</th>
                  {canManage && <th aria-label="Actions" />}
                </tr>
              </thead>
              <tbody>
                {invitations.map((i) => (
                  <tr key={i.id}>
                    <td>
                      {i.email}
                      <div className="muted small">invited by {i.invitedBy}</div>
                    </td>
                    <td>{i.role}</td>
                    <td className="small">{formatDateTime(i.expiresAt)}</td>
                    {canManage && (
                      <td className="actions">
                        {i.link && (
                          <button
                            type="button"
                            className="btn btn-sm"
                            onClick={() =>
                              setCreated({
                                email: i.email,
                                url: new URL(i.link ?? "", window.location.origin).toString(),
                                expiresAt: i.expiresAt,
                              })
                            }
                          >
                            Show link
                          </button>
                        )}{" "}
                        <button
                          type="button"
                          className="btn btn-sm"
                          data-writes
                          aria-label={`Cancel the invitation of ${i.email}`}
                          onClick={() => act(apiRequest("DELETE", `/api/team/invitations/${i.id}`)).then((ok) => ok && setCreated(null))}
                        >
                          Cancel
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function InviteForm({ onCreated }: { onCreated: (c: { email: string; url: string; expiresAt: string }) => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("operator");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="card team-invite"
      aria-label="Invite a colleague"
      noValidate
      data-writes
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const answer = await apiRequest<{ invitation: { email: string; link: string; expiresAt: string } }>(
          "POST",
          "/api/team/invitations",
          {
            email: email.trim(),
            role,
          },
        );
        setBusy(false);
        if (!answer.ok) return setError(answer.errors[0] ?? answer.message);
        setError(null);
        setEmail("");
        const { invitation } = answer.data;
        onCreated({
          email: invitation.email,
          url: new URL(invitation.link, window.location.origin).toString(),
          expiresAt: invitation.expiresAt,
        });
      }}
    >
      <h2 className="card-title">Invite a colleague</h2>
      <div className="form-grid">
        <label className="field">
          <span>Email</span>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={!!error} />
          {error && <small className="field-error">{error}</small>}
        </label>
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="operator">Operator: {ROLE_HELP.operator}</option>
            <option value="viewer">Viewer: {ROLE_HELP.viewer}</option>
            <option value="admin">Admin: {ROLE_HELP.admin}</option>
          </select>
        </label>
      </div>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy} data-writes>
          {busy ? "Creating…" : "Create invite link"}
        </button>
      </div>
    </form>
  );
}
