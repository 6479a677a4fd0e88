import Link from "next/link";
import type { CustomerWorkflowRun } from "@/lib/workflows/customer-runs";
import { formatDateTime } from "@/components/ui/format";

// The contact's workflow run(s): the workflow and version, where the run stands, and every step it
// executed in order; a call step opens its call on the Calls page.

const STATE: Record<string, { label: string; badge: string }> = {
  active: { label: "Waiting for its next step", badge: "badge-info" },
  waiting_call: { label: "In a call", badge: "badge-info" },
  completed: { label: "Completed", badge: "badge-success" },
  stopped: { label: "Stopped", badge: "badge-warning" },
  failed: { label: "Failed", badge: "badge-danger" },
};

const STOP_REASON: Record<string, string> = {
  end_of_workflow: "reached the end of the workflow",
  stop_step: "a stop step ended it",
  dnc: "the number is on the do-not-call list",
  customer_deleted: "the contact was deleted",
  campaign_completed: "the campaign was completed",
  step_limit: "it ran too many steps",
};

const STEP_STATUS: Record<string, string> = { done: "badge-success", blocked: "badge-warning", failed: "badge-danger" };

/** What a step did, in a few words, from its stored result. */
export function stepResult(step: { type: string; status: string; result: Record<string, unknown> }): string {
  const r = step.result;
  if (step.status === "running") return step.type === "call" ? "calling…" : "in progress";
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  switch (step.type) {
    case "call":
      return [text(r.status), text(r.disposition), text(r.reason)].filter(Boolean).join(" · ") || "call placed";
    case "wait":
      return text(r.waitedUntil) ? `waited until ${formatDateTime(String(r.waitedUntil))}` : "waited";
    case "branch":
      return text(r.goto) ? `went to ${r.goto}` : "went on to the next step";
    case "update":
      return `set ${String(r.field ?? "a field")} to “${String(r.value ?? "")}”`;
    case "stop":
      return text(r.outcome) ? `stopped: ${r.outcome}` : "stopped";
    default:
      return text(r.reason) ? `not sent: ${r.reason}` : text(r.messageId) ? "message sent" : "";
  }
}

export function ContactWorkflowRuns({ campaignId, runs }: { campaignId: string; runs: CustomerWorkflowRun[] }) {
  return (
    <section className="card table-card" aria-label="Workflow run">
      <div className="card-head">
        <h2>Workflow</h2>
      </div>
      {runs.length === 0 ? (
        <div className="card-pad">
          <p className="muted">
            This contact is in no workflow run. A run follows a contact through a workflow’s steps (calls, waits, messages, branches) and is
            listed here with every step it took. Contacts added with “use workflow” to a campaign that has a workflow start one each.
          </p>
          <Link className="btn" href={`/campaigns/${campaignId}`}>
            See the campaign’s workflow
          </Link>
        </div>
      ) : (
        runs.map((run) => {
          const state = STATE[run.state] ?? { label: run.state, badge: "badge-neutral" };
          return (
            <div key={run.id} className="workflow-run" data-run-id={run.id}>
              <div className="card-pad">
                <p className="workflow-run-head">
                  <strong>{run.workflow.name}</strong> <span className="muted small">version {run.workflow.version}</span>{" "}
                  <span className={`badge ${state.badge}`} data-testid="run-state">
                    {state.label}
                  </span>
                </p>
                <dl className="facts">
                  <dt>Started</dt>
                  <dd>{formatDateTime(run.createdAt)}</dd>
                  {run.finishedAt ? (
                    <>
                      <dt>Ended</dt>
                      <dd>
                        {formatDateTime(run.finishedAt)}
                        {run.stopReason && <span className="muted"> · {STOP_REASON[run.stopReason] ?? run.stopReason}</span>}
                      </dd>
                    </>
                  ) : (
                    <>
                      <dt>Next step</dt>
                      <dd>
                        <span className="mono">{run.stepId ?? "—"}</span>
                        {run.dueAt && <span className="muted"> · due {formatDateTime(run.dueAt)}</span>}
                      </dd>
                    </>
                  )}
                </dl>
              </div>
              {run.steps.length === 0 ? (
                <p className="card-pad muted">No step has run yet.</p>
              ) : (
                <div className="table-scroll">
                  <table className="table" aria-label={`Steps of ${run.workflow.name}`}>
                    <thead>
                      <tr>
                        <th className="num">#</th>
                        <th>Step</th>
                        <th>Status</th>
                        <th>What it did</th>
                        <th>When</th>
                      </tr>
                    </thead>
                    <tbody>
                      {run.steps.map((step) => (
                        <tr key={step.seq}>
                          <td className="num">{step.seq}</td>
                          <td>
                            <span className="mono">{step.stepId}</span> <span className="muted small">{step.type}</span>
                          </td>
                          <td>
                            <span className={`badge ${STEP_STATUS[step.status] ?? "badge-neutral"}`}>{step.status}</span>
                          </td>
                          <td>
                            {step.callId ? (
                              <Link href={`/calls?campaign=${campaignId}&call=${step.callId}`}>{stepResult(step)}</Link>
                            ) : (
                              stepResult(step)
                            )}
                          </td>
                          <td className="nowrap">{formatDateTime(step.finishedAt ?? step.startedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          );
        })
      )}
    </section>
  );
}
