import Link from "next/link";
import { notFound } from "next/navigation";
import { requireOperator } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { recordRules } from "@/lib/campaigns/campaigns";
import { ServiceTypeBadge, StatusBadge } from "@/components/campaigns/badges";
import { UploadJobsTable } from "@/components/uploads/upload-jobs-table";
import { formatNumber } from "@/components/ui/format";
import { WorkflowRunsCard } from "@/components/campaigns/workflow-runs-card";

export async function CampaignPage({ id }: { id: string }) {
  const { organization } = await requireOperator();
  const campaign = await db.campaign.findFirst({ where: { id, organizationId: organization.id } });
  if (!campaign) notFound();

  const [customers, calls, jobs] = await Promise.all([
    db.customer.count({ where: { campaignId: campaign.id } }),
    db.call.groupBy({ by: ["outcome"], where: { campaignId: campaign.id }, _count: true }),
    db.uploadJob.findMany({ where: { campaignId: campaign.id }, orderBy: { createdAt: "desc" }, take: 10, include: { campaign: { select: { name: true } } } }),
  ]);
  const { schema } = recordRules(campaign);
  const outcome = (name: string) => calls.find((c) => c.outcome === name)?._count ?? 0;

  return (
    <>
      <header className="page-header">
        <div>
          <div className="breadcrumbs"><Link href="/campaigns">Campaigns</Link> /</div>
          <h1>{campaign.name}</h1>
          <p className="muted">
            <ServiceTypeBadge serviceType={campaign.serviceType} campaignType={campaign.campaignType} /> <StatusBadge status={campaign.status} />{" "}
            <span className="mono small">{campaign.id}</span>
          </p>
        </div>
        <Link href={`/campaigns/${campaign.id}/upload`} className="btn btn-primary">Upload contacts</Link>
      </header>

      <section className="stats" aria-label="Campaign figures">
        <Stat label="Customers" value={customers} />
        <Stat label="Contacted" value={outcome("Contacted")} />
        <Stat label="No contact" value={outcome("No Contact")} />
        <Stat label="Failed calls" value={outcome("Failed")} />
      </section>

      <section className="card">
        <h2>Calling window</h2>
        <p>
          {campaign.startDate} → {campaign.endDate}, {campaign.startTime}–{campaign.endTime} ({campaign.timezone}) · languages: {campaign.languages.join(", ") || "—"}
        </p>
      </section>

      <WorkflowRunsCard organizationId={organization.id} campaignId={campaign.id} workflowId={campaign.workflowId} />

      <section className="card table-card">
        <h2 className="card-title">Recent uploads</h2>
        <UploadJobsTable jobs={jobs} showCampaign={false} />
      </section>

      <section className="card table-card">
        <h2 className="card-title">Record fields</h2>
        <table className="table" aria-label="Record fields">
          <thead><tr><th>Field</th><th>Label</th><th>Type</th><th>Required</th></tr></thead>
          <tbody>
            {schema.fields.map((f) => (
              <tr key={f.key}>
                <td className="mono">{f.key}{f.key === schema.identifierKey && <span className="badge badge-info">identifier</span>}</td>
                <td>{f.label}</td>
                <td>{f.type}{f.enumValues ? `: ${f.enumValues.join(", ")}` : ""}</td>
                <td>{f.required ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="card stat">
      <div className="stat-value">{formatNumber(value)}</div>
      <div className="muted">{label}</div>
    </div>
  );
}
