import Link from "next/link";
import { jobCounts, jobOutcome, jobProgress, SOURCE_LABELS } from "@/lib/upload-jobs/job-outcome";
import { OutcomeBadge } from "@/components/uploads/outcome-badge";
import { formatDateTime, formatNumber } from "@/components/ui/format";

// Upload jobs as the Uploads list and a campaign's page show them: what happened (running with
// its progress, completed, partial, cancelled, failed), counts that reconcile with the file, and
// links to the job, its problems and the contacts it added.

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
  undoneAt: Date | null;
};

export function UploadJobsTable({
  jobs,
  showCampaign = true,
  empty = "No uploads yet.",
}: {
  jobs: Job[];
  showCampaign?: boolean;
  empty?: string;
}) {
  if (jobs.length === 0) return <p className="empty-row muted">{empty}</p>;
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Upload jobs">
        <thead>
          <tr>
            <th>Upload</th>
            {showCampaign && <th>Campaign</th>}
            <th>Source</th>
            <th>Status</th>
            <th className="num">Received</th>
            <th className="num">Added</th>
            <th className="num">Not added</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => {
            const outcome = jobOutcome(job);
            const counts = jobCounts(job);
            const notAdded = counts.received - counts.added;
            return (
              <tr key={job.id} id={`job-${job.id}`}>
                <td>
                  <Link className="strong-link" href={`/uploads/${job.id}`}>
                    {job.fileName ?? job.reference}
                  </Link>
                  <div className="muted small">{formatDateTime(job.createdAt)}</div>
                </td>
                {showCampaign && (
                  <td>
                    <Link href={`/campaigns/${job.campaignId}`}>{job.campaign.name}</Link>
                  </td>
                )}
                <td className="nowrap">
                  {SOURCE_LABELS[job.source] ?? job.source} · {job.action}
                </td>
                <td>
                  <OutcomeBadge outcome={outcome} undone={job.undoneAt !== null} />
                  {outcome === "running" && job.total > 0 && (
                    <progress max={100} value={jobProgress(job)} aria-label="Progress" className="progress-inline" />
                  )}
                </td>
                <td className="num">{formatNumber(counts.received)}</td>
                <td className="num">
                  {counts.added > 0 ? (
                    <Link href={`/campaigns/${job.campaignId}/contacts?job=${job.id}`}>{formatNumber(counts.added)}</Link>
                  ) : (
                    "0"
                  )}
                </td>
                <td className="num">{notAdded > 0 ? <Link href={`/uploads/${job.id}#problems`}>{formatNumber(notAdded)}</Link> : "0"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
