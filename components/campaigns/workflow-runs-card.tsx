import Link from "next/link";
import { campaignRunsSummary } from "@/lib/workflows/campaign-runs-summary";
import { formatNumber } from "@/components/ui/format";

// The campaign page's workflow section: which workflow (and version) new runs start on, and how
// many runs sit at each step in each state, per version (runs started before an edit or a change
// of workflow finish on theirs). Read-only: it offers no control.

const STATES = ["active", "waiting_call", "completed", "stopped", "failed"] as const;
const STATE_LABELS: Record<(typeof STATES)[number], string> = {
  active: "Waiting / due",
  waiting_call: "In a call",
  completed: "Completed",
  stopped: "Stopped",
  failed: "Failed",
};

export async function WorkflowRunsCard({ organizationId, campaignId }: { organizationId: string; campaignId: string }) {
  const summary = await campaignRunsSummary(organizationId, campaignId);
  if (!summary) return null;
  const { workflow, rows } = summary;
  const keys = [...new Set(rows.map((r) => `${r.version}\u0000${r.stepId}`))];
  const versions = new Set(rows.map((r) => r.version));
  const count = (key: string, state: string) => rows.find((r) => `${r.version}\u0000${r.stepId}` === key && r.state === state)?.count ?? 0;
  return (
    <section className="card table-card" aria-label="Workflow runs">
      <h2 className="card-title">
        {workflow ? (
          <>
            Workflow: <Link href={`/workflows/${workflow.id}`}>{workflow.name}</Link>{" "}
            <span className="muted small">(new runs start on version {workflow.version})</span>
          </>
        ) : (
          <>Workflow runs</>
        )}
      </h2>
      {!workflow && <p className="muted small">The campaign follows no workflow now: these runs finish on the version they started on.</p>}
      {rows.length === 0 ? (
        <p className="muted">No runs yet: customers added with “use workflow” start one each.</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-label="Workflow runs by step and state">
            <thead>
              <tr>
                {versions.size > 1 && <th>Version</th>}
                <th>Step</th>
                {STATES.map((s) => (
                  <th key={s} className="num">
                    {STATE_LABELS[s]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => {
                const [version, step] = key.split("\u0000");
                return (
                  <tr key={key}>
                    {versions.size > 1 && <td>{version}</td>}
                    <td className="mono">{step}</td>
                    {STATES.map((s) => (
                      <td key={s} className="num">
                        {formatNumber(count(key, s))}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
