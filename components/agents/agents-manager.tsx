"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { AgentForm, type AgentRow } from "@/components/agents/agent-form";
import { sendAgent } from "@/components/agents/agent-api";
import type { FieldKey } from "@/components/agents/variables-input";

// The agents list with add, edit and deactivate/activate. An inactive agent takes no new calls:
// the dial engine refuses to schedule it and blocks its waiting attempts.

export function AgentsManager({ agents, canWrite, fieldKeys }: { agents: AgentRow[]; canWrite: boolean; fieldKeys: FieldKey[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<AgentRow | "new" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = async (agent: AgentRow) => {
    const message = await sendAgent("PATCH", `/api/agents/${agent.id}`, { active: !agent.active });
    setProblem(message);
    if (message === null) router.refresh();
  };

  return (
    <>
      {canWrite && editing === null && agents.length > 0 && (
        <div className="button-row">
          <button type="button" className="btn btn-primary" onClick={() => setEditing("new")}>
            New agent
          </button>
        </div>
      )}
      {problem && (
        <div role="alert" className="alert alert-error">
          {problem}
        </div>
      )}
      {editing !== null && (
        <AgentForm
          key={editing === "new" ? "new" : editing.id}
          agent={editing === "new" ? undefined : editing}
          fieldKeys={fieldKeys}
          onDone={() => setEditing(null)}
        />
      )}
      {agents.length === 0 ? (
        <section className="card empty-state">
          <h2>No agents yet</h2>
          <p className="muted">
            Agents place the calls: AI voice agents, and the human dialer users Flexydial's <code>user</code> column assigns contacts to.
          </p>
          {canWrite && editing === null && (
            <div className="button-row">
              <button type="button" className="btn btn-primary" onClick={() => setEditing("new")}>
                Add your first agent
              </button>
            </div>
          )}
        </section>
      ) : (
        <div className="card table-card">
          <table className="table" aria-label="Agents">
            <thead>
              <tr>
                <th>Name</th>
                <th>Kind</th>
                <th>Username</th>
                <th>Voice / language</th>
                <th>Variables</th>
                <th>Status</th>
                {canWrite && <th aria-label="Actions" />}
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <tr key={a.id} className={a.active ? undefined : "row-muted"}>
                  <td>
                    {a.name}
                    <div className="muted small mono">{a.id}</div>
                  </td>
                  <td>{a.kind === "ai" ? "AI voice agent" : "Human dialer user"}</td>
                  <td className="mono">{a.username}</td>
                  <td>{a.kind === "ai" ? [a.voice, a.language].filter(Boolean).join(" · ") || "—" : "—"}</td>
                  <td className="agent-variables">
                    {a.variables.length === 0
                      ? "—"
                      : a.variables.map((v) => (
                          <code key={v} className="chip">
                            {v}
                          </code>
                        ))}
                  </td>
                  <td>
                    {a.active ? (
                      <span className="badge badge-success">Active</span>
                    ) : (
                      <span className="badge badge-neutral">Inactive: takes no new calls</span>
                    )}
                  </td>
                  {canWrite && (
                    <td className="actions">
                      <button type="button" className="btn btn-sm" onClick={() => setEditing(a)} aria-label={`Edit ${a.name}`}>
                        Edit
                      </button>{" "}
                      <button
                        type="button"
                        className="btn btn-sm"
                        onClick={() => toggle(a)}
                        aria-label={`${a.active ? "Deactivate" : "Activate"} ${a.name}`}
                      >
                        {a.active ? "Deactivate" : "Activate"}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
