import Link from "next/link";
import { notFound } from "next/navigation";
import { requireOperator } from "@/lib/auth/session";
import { dashboardCampaign, type DashboardCampaign } from "@/lib/dashboard/dashboard-campaign";
import { recordRules } from "@/lib/campaigns/campaigns";
import { ServiceTypeBadge, StatusBadge } from "@/components/campaigns/badges";
import { DuplicatesForm } from "@/components/campaigns/duplicates-form";
import { Suspense } from "react";
import { CampaignStatusControls } from "@/components/campaigns/campaign-status-controls";
import { CampaignCallsCard } from "@/components/campaigns/campaign-calls-card";
import { waitingSummary } from "@/lib/calls/campaign-waiting";
import { liveUploadJobs } from "@/lib/dashboard/campaign-activity";
import { CampaignKpis, KpisSkeleton } from "@/components/dashboard/campaign-kpis";
import { ChartSkeleton, DispositionsCard, FunnelCard, OutcomesCard } from "@/components/dashboard/campaign-charts";
import { RecentResults } from "@/components/dashboard/recent-results";
import { RangePicker } from "@/components/dashboard/range-picker";
import { LiveJobs } from "@/components/dashboard/live-jobs";
import { parseDashboardQuery } from "@/components/dashboard/dashboard-query";
import { istDay } from "@/lib/dashboard/campaign-charts";
import styles from "@/components/dashboard/dashboard.module.css";
import { WorkflowRunsCard } from "@/components/campaigns/workflow-runs-card";

// The campaign dashboard: every widget reads on its own inside a Suspense boundary, so the reads
// run in parallel and the page streams as each finishes.

type Params = Record<string, string | string[] | undefined>;

export async function CampaignPage({ id, searchParams }: { id: string; searchParams: Params }) {
  const { organization, user } = await requireOperator();
  const canWrite = user.role !== "viewer";
  const campaign = await dashboardCampaign(organization.id, id);
  if (!campaign) notFound();
  const now = new Date();
  const { range, results } = parseDashboardQuery(searchParams, now);
  const baseQuery: Record<string, string> = { from: range.from, to: range.to };
  const presets = [7, 14, 30, 90].map((n) => ({
    label: `${n} days`,
    range: { from: istDay(new Date(now.getTime() - (n - 1) * 86_400_000)), to: istDay(now) },
  }));
  const { schema } = recordRules(campaign);

  return (
    <>
      <header className="page-header">
        <div>
          <div className="breadcrumbs">
            <Link href="/campaigns">Campaigns</Link> /
          </div>
          <h1>{campaign.name}</h1>
          <p className="muted">
            <ServiceTypeBadge serviceType={campaign.serviceType} campaignType={campaign.campaignType} />{" "}
            <StatusBadge status={campaign.status} /> <span className="mono small">{campaign.id}</span>
          </p>
        </div>
        <div className="button-row">
          <Link href={`/campaigns/${campaign.id}/contacts`} className="btn">
            Contacts
          </Link>
          {canWrite && <CampaignStatusControls campaignId={campaign.id} status={campaign.status} />}
          {canWrite && (
            <Link href={`/campaigns/${campaign.id}/upload`} className="btn btn-primary">
              Upload contacts
            </Link>
          )}
        </div>
      </header>

      <Suspense fallback={<KpisSkeleton />}>
        <CampaignKpis campaign={campaign} />
      </Suspense>

      <div className={styles.toolbar}>
        <h2 className={styles.toolbarTitle}>Results</h2>
        <RangePicker campaignId={campaign.id} range={range} presets={presets} />
      </div>
      <div className={styles.charts}>
        <Suspense fallback={<ChartSkeleton label="Outcomes per day" />}>
          <OutcomesCard campaign={campaign} range={range} />
        </Suspense>
        <Suspense fallback={<ChartSkeleton label="Dispositions" />}>
          <DispositionsCard campaign={campaign} range={range} />
        </Suspense>
        <Suspense fallback={<ChartSkeleton label="Funnel" />}>
          <FunnelCard campaign={campaign} />
        </Suspense>
      </div>

      <div className={styles.columns}>
        <Suspense fallback={<ChartSkeleton label="Recent call results" />}>
          <RecentResults campaignId={campaign.id} outcome={results} baseQuery={baseQuery} />
        </Suspense>
        <div className={styles.side}>
          <Suspense fallback={<ChartSkeleton label="Calls now" />}>
            <CallsNow campaign={campaign} />
          </Suspense>
          <section className="card" aria-label="Uploads">
            <h2>Uploads</h2>
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <Jobs campaign={campaign} now={now} />
            </Suspense>
            <p>
              <Link href={`/uploads?campaign=${encodeURIComponent(campaign.id)}`}>All uploads</Link>
            </p>
          </section>
        </div>
      </div>

      <section className="card">
        <h2>Calling window</h2>
        <p>
          {campaign.startDate} → {campaign.endDate}, {campaign.startTime}–{campaign.endTime} ({campaign.timezone}) · languages:{" "}
          {campaign.languages.join(", ") || "—"}
        </p>
        <p className="muted small">
          Calls are placed only inside these hours and the legal hours for{" "}
          {campaign.serviceType === "debt_collection" ? "debt collection, 08:00–19:00 (RBI)" : "this kind of campaign, 09:00–21:00 (TRAI)"},
          in the customer’s time zone when known. An attempt outside them waits for the window to open.
        </p>
      </section>

      {canWrite && (
        <section className="card">
          <h2>The same person</h2>
          <DuplicatesForm campaignId={campaign.id} initial={campaign.duplicatesBy} />
        </section>
      )}

      <Suspense
        fallback={
          <section className="card" aria-busy="true">
            <p className="muted">Loading workflow runs…</p>
          </section>
        }
      >
        <WorkflowRunsCard organizationId={organization.id} campaignId={campaign.id} />
      </Suspense>

      <section className="card table-card">
        <h2 className="card-title">Record fields</h2>
        <table className="table" aria-label="Record fields">
          <thead>
            <tr>
              <th>Field</th>
              <th>Label</th>
              <th>Type</th>
              <th>Required</th>
            </tr>
          </thead>
          <tbody>
            {schema.fields.map((f) => (
              <tr key={f.key}>
                <td className="mono">
                  {f.key}
                  {f.key === schema.identifierKey && <span className="badge badge-info">identifier</span>}
                </td>
                <td>{f.label}</td>
                <td>
                  {f.type}
                  {f.enumValues ? `: ${f.enumValues.join(", ")}` : ""}
                </td>
                <td>{f.required ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

async function CallsNow({ campaign }: { campaign: DashboardCampaign }) {
  return <CampaignCallsCard campaign={campaign} waiting={await waitingSummary(campaign)} />;
}

async function Jobs({ campaign, now }: { campaign: DashboardCampaign; now: Date }) {
  return <LiveJobs campaignId={campaign.id} initial={await liveUploadJobs(campaign, now)} />;
}
