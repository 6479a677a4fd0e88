import Link from "next/link";
import { pageContext } from "@/lib/auth/page-context";
import { listUploadJobs, uploadFilterOptions, type UploadListFilters } from "@/lib/upload-jobs/list-upload-jobs";
import { JOB_OUTCOMES, OUTCOME_LABELS, SOURCE_LABELS, UPLOAD_SOURCES } from "@/lib/upload-jobs/job-outcome";
import { UploadJobsTable } from "@/components/uploads/upload-jobs-table";
import { Pagination } from "@/components/ui/pagination";

// /uploads: every upload of the organization, filtered by campaign, source and status (in the URL).

export async function UploadsPage({ filters }: { filters: UploadListFilters }) {
  const { ctx, canWrite } = await pageContext();
  const [{ jobs, total, pageSize }, campaigns] = await Promise.all([listUploadJobs(ctx, filters), uploadFilterOptions(ctx)]);
  const filtered = filters.campaign !== "" || filters.source !== "" || filters.status !== "";
  const href = (page: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...filters, page: page > 1 ? String(page) : "" }).filter(([, v]) => v !== "") as [string, string][],
    );
    return `/uploads${params.size ? `?${params}` : ""}`;
  };
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Uploads</h1>
          <p className="muted">
            Every upload — from a spreadsheet, the TimePay API or the Flexydial API — with what it added and what it did not.
          </p>
        </div>
        {canWrite && (
          <Link href="/upload" className="btn btn-primary">
            New upload
          </Link>
        )}
      </header>
      <form className="card filters" action="/uploads" method="get" aria-label="Filter uploads">
        <label className="field inline">
          <span>Campaign</span>
          <select name="campaign" defaultValue={filters.campaign}>
            <option value="">All campaigns</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>Source</span>
          <select name="source" defaultValue={filters.source}>
            <option value="">Any source</option>
            {UPLOAD_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>Status</span>
          <select name="status" defaultValue={filters.status}>
            <option value="">Any status</option>
            {JOB_OUTCOMES.map((s) => (
              <option key={s} value={s}>
                {OUTCOME_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <div className="button-row filters-actions">
          <button className="btn btn-primary" type="submit">
            Filter
          </button>
          {filtered && (
            <Link className="btn" href="/uploads">
              Clear
            </Link>
          )}
        </div>
      </form>
      <section className="card table-card">
        <UploadJobsTable
          jobs={jobs}
          empty={
            filtered
              ? "No upload matches these filters."
              : "No uploads yet. Each upload adds contacts to a campaign, from a spreadsheet or the API, and is listed here with what it added and what it did not."
          }
        />
        {!filtered && total === 0 && canWrite && (
          <div className="card-pad">
            <Link href="/upload" className="btn btn-primary">
              Upload a spreadsheet
            </Link>
          </div>
        )}
        {total > 0 && (
          <div className="card-pad">
            <Pagination page={filters.page} pageSize={pageSize} total={total} shown={jobs.length} href={href} noun="uploads" />
          </div>
        )}
      </section>
    </>
  );
}
