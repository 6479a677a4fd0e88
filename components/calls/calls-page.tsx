import Link from "next/link";
import { requireOperator } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/components/ui/format";

export async function CallsPage() {
  const { organization } = await requireOperator();
  const calls = await db.call.findMany({
    where: { organizationId: organization.id },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { campaign: { select: { name: true } }, agent: { select: { name: true } }, customer: { select: { firstName: true, lastName: true, identifier: true } } },
  });
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Calls</h1>
          <p className="muted">Calls placed by AI voice agents and dialer agents, newest first.</p>
        </div>
      </header>
      <section className="card table-card">
        {calls.length === 0 ? (
          <div className="empty-state">
            <h2>No calls yet</h2>
            <p className="muted">Calls appear here once contacts are uploaded with “add and start calls”.</p>
          </div>
        ) : (
          <table className="table" aria-label="Calls">
            <thead>
              <tr><th>When</th><th>Campaign</th><th>Customer</th><th>Agent</th><th>Status</th><th>Outcome</th><th className="num">Duration</th></tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <tr key={call.id}>
                  <td>{formatDateTime(call.createdAt)}</td>
                  <td><Link href={`/campaigns/${call.campaignId}`}>{call.campaign.name}</Link></td>
                  <td>{[call.customer.firstName, call.customer.lastName].filter(Boolean).join(" ") || call.customer.identifier}</td>
                  <td>{call.agent.name}</td>
                  <td>{call.state}</td>
                  <td>{call.outcome ?? "—"}{call.outcomeDisposition ? ` · ${call.outcomeDisposition}` : ""}</td>
                  <td className="num">{call.duration != null ? `${call.duration}s` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
