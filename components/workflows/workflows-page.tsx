import Link from "next/link";
import { pageContext } from "@/lib/auth/page-context";
import { workflowSummaries } from "@/lib/workflows/editor-view";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import styles from "@/components/workflows/workflows.module.css";

// /workflows: the organization's follow-up plans, with their version, the campaigns using them
// and how many customers ran them. Writers start a new one from a ready-made template.

export async function WorkflowsPage() {
  const { organization, canWrite } = await pageContext();
  const workflows = await workflowSummaries(organization.id);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Workflows</h1>
          <p className="muted">
            A campaign's follow-up plan that runs itself: call, wait, branch on the outcome, send a message. Customers added with{" "}
            <code>useWorkflow</code> each start a run.
          </p>
        </div>
        {canWrite && workflows.length > 0 && <TemplateLinks />}
      </header>
      {workflows.length === 0 ? (
        <section className="card empty-state" aria-label="No workflows">
          <h2>No workflows yet</h2>
          <p className="muted">
            Workflows call your customers again when nobody answered and remind them before a promised payment, without cron jobs of your
            own.
          </p>
          {canWrite ? <TemplateLinks /> : <p className="muted">An admin or operator can create one.</p>}
        </section>
      ) : (
        <section className="card table-card" aria-label="Workflows">
          <table className="table" aria-label="Workflows">
            <thead>
              <tr>
                <th>Name</th>
                <th className="num">Version</th>
                <th>Used by</th>
                <th className="num">Runs</th>
                <th>Updated</th>
              </tr>
            </thead>
            <tbody>
              {workflows.map((w) => (
                <tr key={w.id}>
                  <td>
                    <Link href={`/workflows/${w.id}`} className="strong-link">
                      {w.name}
                    </Link>
                    {w.description && <div className="muted small">{w.description}</div>}
                  </td>
                  <td className="num">{w.version > 0 ? w.version : <span className="muted">no steps yet</span>}</td>
                  <td>
                    {w.campaigns.length === 0 ? (
                      <span className="muted">No campaign (choose it in a campaign’s form)</span>
                    ) : (
                      w.campaigns.map((c, i) => (
                        <span key={c.id}>
                          {i > 0 && ", "}
                          <Link href={`/campaigns/${c.id}`}>{c.name}</Link>
                        </span>
                      ))
                    )}
                  </td>
                  <td className="num">{formatNumber(w.runs)}</td>
                  <td className={styles.nowrap}>{formatDateTime(w.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

function TemplateLinks() {
  return (
    <div className="button-row">
      <Link href="/workflows/new?template=collections" className="btn btn-primary">
        Start from collections follow-up
      </Link>
      <Link href="/workflows/new?template=lead-nurture" className="btn">
        Start from lead nurture
      </Link>
      <Link href="/workflows/new" className="btn">
        Blank workflow
      </Link>
    </div>
  );
}
