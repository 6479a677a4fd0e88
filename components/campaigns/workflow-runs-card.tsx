import { campaignRunsSummary } from "@/lib/workflows/campaign-runs-summary";
import { formatNumber } from "@/components/ui/format";

// The campaign page's workflow section: which workflow (and version) new runs start on, and how
// many runs sit at each step in each state. Read-only: it offers no control.

const STATES = ["active", "waiting_call", "completed", "stopped", "failed"] as const;
const STATE_LABELS: Record<(typeof STATES)[number], string> = {
  active: "Waiting / due",
  waiting_call: "In a call",
  completed: "Completed",
  stopped: "Stopped",
  failed: "Failed",
};

export async function WorkflowRunsCard({
  organizationId,
  campaignId,
  workflowId,
}: {
  organizationId: string;
  campaignId: string;
  workflowId: string | null;
}) {
  const summary = await campaignRunsSummary(organizationId, campaignId, workflowId);
  if (!summary) return null;
  const { workflow, rows } = summary;
  // Runs past their last step sort last, under a label instead of a step id.
  const named = [...new Set(rows.flatMap((r) => (r.stepId === null ? [] : [r.stepId])))].sort();
  const steps: (string | null)[] = rows.some((r) => r.stepId === null) ? [...named, null] : named;
  const count = (step: string | null, state: string) => rows.find((r) => r.stepId === step && r.state === state)?.count ?? 0;
  return (
    <section className="card table-card" aria-label="Workflow runs">
      <h2 className="card-title">
        Workflow: {workflow.name} <span className="muted small">(version {workflow.latestVersion})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">No runs yet: customers added with “use workflow” start one each.</p>
      ) : (
        <table className="table" aria-label="Workflow runs by step and state">
          <thead>
            <tr>
              <th>Step</th>
              {STATES.map((s) => (
                <th key={s} className="num">
                  {STATE_LABELS[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr key={step ?? "(ended)"}>
                {step === null ? <td className="muted">After the last step</td> : <td className="mono">{step}</td>}
                {STATES.map((s) => (
                  <td key={s} className="num">
                    {formatNumber(count(step, s))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
