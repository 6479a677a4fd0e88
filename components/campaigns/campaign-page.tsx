import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireOperator } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { recordRules } from "@/lib/campaigns/campaigns";
import { ServiceTypeBadge, StatusBadge } from "@/components/campaigns/badges";
import { UploadJobsTable } from "@/components/uploads/upload-jobs-table";
import { formatNumber } from "@/components/ui/format";
import { DuplicatesForm } from "@/components/campaigns/duplicates-form";
import { CampaignStatusControls } from "@/components/campaigns/campaign-status-controls";
import { CampaignCallsCard } from "@/components/campaigns/campaign-calls-card";
import { waitingSummary } from "@/lib/calls/campaign-waiting";
import { WorkflowRunsCard } from "@/components/campaigns/workflow-runs-card";

export async function CampaignPage({ id }: { id: string }) {
  const { organization, user } = await requireOperator();
  const canWrite = user.role !== "viewer";
  const campaign = await db.campaign.findFirst({ where: { id, organizationId: organization.id } });
  if (!campaign) notFound();

  const [customers, calls, jobs, waiting] = await Promise.all([
    db.customer.count({ where: { campaignId: campaign.id } }),
    db.call.groupBy({ by: ["outcome"], where: { campaignId: campaign.id }, _count: true }),
    db.uploadJob.findMany({
      where: { campaignId: campaign.id },
      orderBy: { createdAt: "desc" },
      take: 10,
      omit: { payload: true, rowErrors: true, options: true, undoResult: true },
      include: { campaign: { select: { name: true } } },
    }),
    waitingSummary(campaign),
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
        <div className="button-row">
          <Link href={`/campaigns/${campaign.id}/contacts`} className="btn">Contacts</Link>
          {canWrite && <CampaignStatusControls campaignId={campaign.id} status={campaign.status} />}
          {canWrite && <Link href={`/campaigns/${campaign.id}/upload`} className="btn btn-primary">Upload contacts</Link>}
        </div>
      </header>

      <section className="stats" aria-label="Campaign figures">
        <Stat label="Customers" value={customers} href={`/campaigns/${campaign.id}/contacts`} />
        <Stat label="Contacted" value={outcome("Contacted")} />
        <Stat label="No contact" value={outcome("No Contact")} />
        <Stat label="Failed calls" value={outcome("Failed")} />
      </section>

      <CampaignCallsCard campaign={campaign} waiting={waiting} />

      <section className="card">
        <h2>Calling window</h2>
        <p>
          {campaign.startDate} → {campaign.endDate}, {campaign.startTime}–{campaign.endTime} ({campaign.timezone}) · languages: {campaign.languages.join(", ") || "—"}
        </p>
        <p className="muted small">
          Calls are placed only inside these hours and the legal hours for {campaign.serviceType === "debt_collection" ? "debt collection, 08:00–19:00 (RBI)" : "this kind of campaign, 09:00–21:00 (TRAI)"}, in the customer’s time zone when known. An attempt outside them waits for the window to open.
        </p>
      </section>

      {canWrite && (
        <section className="card">
          <h2>The same person</h2>
          <DuplicatesForm campaignId={campaign.id} initial={campaign.duplicatesBy} />
        </section>
      )}

      <Suspense fallback={<section className="card" aria-busy="true"><p className="muted">Loading workflow runs…</p></section>}>
        <WorkflowRunsCard organizationId={organization.id} campaignId={campaign.id} workflowId={campaign.workflowId} />
      </Suspense>

      <section className="card table-card">
        <div className="card-head">
          <h2>Recent uploads</h2>
          <Link className="btn btn-sm" href={`/uploads?campaign=${campaign.id}`}>All uploads of this campaign</Link>
        </div>
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

function Stat({ label, value, href }: { label: string; value: number; href?: string }) {
  return (
    <div className="card stat">
      <div className="stat-value">{href ? <Link href={href}>{formatNumber(value)}</Link> : formatNumber(value)}</div>
      <div className="muted">{label}</div>
    </div>
  );
}
