import Link from "next/link";
import { orNotFound, pageContext } from "@/lib/auth/page-context";
import { uploadJobDetail } from "@/lib/upload-jobs/job-detail";
import { jobProblems, type ProblemFilters } from "@/lib/upload-jobs/job-problems";
import { SOURCE_LABELS } from "@/lib/upload-jobs/job-outcome";
import { formatDateTime } from "@/components/ui/format";
import { OutcomeBadge } from "@/components/uploads/outcome-badge";
import { JobCountsTable } from "@/components/uploads/job-counts-table";
import { JobProgress } from "@/components/uploads/job-progress";
import { JobProblems } from "@/components/uploads/job-problems";
import { UndoUpload } from "@/components/uploads/undo-upload";
import { JobCalls } from "@/components/uploads/job-calls";
import { uploadJobCalls } from "@/lib/calls/upload-calls";

// /uploads/[jobId]: what one upload did — source, who, when, the file, counts that reconcile
// with it (each links to the rows behind it), a live bar while it runs, its per-row problems with
// the report to download, the calls it started, and "undo this upload".

export async function UploadJobPage({ jobId, filters }: { jobId: string; filters: ProblemFilters }) {
  const { ctx, canWrite } = await pageContext();
  const [job, problems, calls] = await orNotFound(
    Promise.all([uploadJobDetail(ctx, jobId), jobProblems(ctx, jobId, filters), uploadJobCalls(ctx, jobId)]),
  );
  const contactsHref = `/campaigns/${job.campaign.id}/contacts?job=${job.id}`;
  const canUndo = canWrite && !job.undo && job.action === "insert" && job.outcome !== "running" && job.counts.added > 0;

  return (
    <>
      <header className="page-header">
        <div>
          <div className="breadcrumbs">
            <Link href="/uploads">Uploads</Link> /
          </div>
          <h1>{job.fileName ?? job.reference}</h1>
          <p className="muted">
            <OutcomeBadge outcome={job.outcome} undone={job.undo !== null} /> <span className="mono small">{job.id}</span>
          </p>
        </div>
        <Link className="btn" href={contactsHref}>
          Contacts from this upload
        </Link>
      </header>

      {job.errorMessage && (
        <div className="alert alert-error" role="alert">
          {job.errorMessage}
        </div>
      )}

      <div className="detail-grid">
        <section className="card" aria-label="About this upload">
          <h2>About</h2>
          <dl className="facts">
            <dt>Campaign</dt>
            <dd>
              <Link href={`/campaigns/${job.campaign.id}`}>{job.campaign.name}</Link>
            </dd>
            <dt>Source</dt>
            <dd>
              {SOURCE_LABELS[job.source] ?? job.source} · {job.action}
            </dd>
            <dt>Sent by</dt>
            <dd>{job.sentBy ?? "—"}</dd>
            <dt>When</dt>
            <dd>
              {formatDateTime(job.createdAt)}
              {job.completedAt && <span className="muted"> · finished {formatDateTime(job.completedAt)}</span>}
            </dd>
            <dt>File</dt>
            <dd>{job.fileName ?? <span className="muted">none (API request)</span>}</dd>
            <dt>Reference</dt>
            <dd className="mono small">{job.reference}</dd>
          </dl>
        </section>

        <section className="card" aria-label="Counts">
          <h2>Rows</h2>
          {job.outcome === "running" ? (
            <JobProgress jobId={job.id} initial={{ counts: job.counts, progress: job.progress, processed: job.processed }} />
          ) : (
            <JobCountsTable jobId={job.id} counts={job.counts} contactsHref={contactsHref} />
          )}
        </section>
      </div>

      <JobCalls jobId={job.id} calls={calls} />

      {(job.undo || canUndo) && (
        <section className="card" aria-label="Undo this upload">
          <h2>Undo this upload</h2>
          <UndoUpload
            jobId={job.id}
            added={job.counts.added}
            done={job.undo ? { ...job.undo, at: job.undo.at.toISOString() } : null}
            canUndo={canUndo}
          />
        </section>
      )}

      <JobProblems jobId={job.id} problems={problems} filters={filters} />
    </>
  );
}
