import Link from "next/link";
import { StatusBadge } from "@/components/campaigns/badges";
import { formatDateTime, formatNumber } from "@/components/ui/format";

const SOURCE_LABELS: Record<string, string> = { ui: "Spreadsheet", timepay_api: "TimePay API", flexydial_api: "Flexydial API" };

type Job = {
  id: string;
  campaignId: string;
  campaign: { name: string };
  source: string;
  action: string;
  status: string;
  reference: string;
  fileName: string | null;
  total: number;
  processed: number;
  successful: number;
  invalid: number;
  duplicates: number;
  failed: number;
  createdAt: Date;
};

export function UploadJobsTable({ jobs, showCampaign = true }: { jobs: Job[]; showCampaign?: boolean }) {
  if (jobs.length === 0) return <p className="empty-row muted">No uploads yet.</p>;
  return (
    <table className="table" aria-label="Upload jobs">
      <thead>
        <tr>
          <th>When</th>
          {showCampaign && <th>Campaign</th>}
          <th>Source</th>
          <th>Status</th>
          <th className="num">Rows</th>
          <th className="num">Added</th>
          <th className="num">Rejected</th>
          <th>Reference</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id} id={`job-${job.id}`}>
            <td>{formatDateTime(job.createdAt)}</td>
            {showCampaign && (
              <td><Link href={`/campaigns/${job.campaignId}`}>{job.campaign.name}</Link></td>
            )}
            <td>{SOURCE_LABELS[job.source] ?? job.source} · {job.action}</td>
            <td>
              <StatusBadge status={job.status} />
              {job.status === "processing" && job.total > 0 && (
                <progress max={job.total} value={job.processed} aria-label="Progress" className="progress-inline" />
              )}
            </td>
            <td className="num">{formatNumber(job.total)}</td>
            <td className="num">{formatNumber(job.successful)}</td>
            <td className="num">{formatNumber(job.total - job.successful)}</td>
            <td className="mono small">{job.fileName ?? job.reference}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
