import Link from "next/link";
import { pageContext } from "@/lib/auth/page-context";
import { listUploadJobs, uploadFilterOptions, type UploadListFilters } from "@/lib/upload-jobs/list-upload-jobs";
import { JOB_OUTCOMES, OUTCOME_LABELS, SOURCE_LABELS, UPLOAD_SOURCES } from "@/lib/upload-jobs/job-outcome";
import { UploadJobsTable } from "@/components/uploads/upload-jobs-table";
import { Pagination } from "@/components/ui/pagination";
import { FilterSelect } from "@/components/ui/filter-select";

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
        <FilterSelect
          inline
          label="Campaign"
          name="campaign"
          value={filters.campaign}
          any="All campaigns"
          options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
        />
        <FilterSelect
          inline
          label="Source"
          name="source"
          value={filters.source}
          any="Any source"
          options={UPLOAD_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))}
        />
        <FilterSelect
          inline
          label="Status"
          name="status"
          value={filters.status}
          any="Any status"
          options={JOB_OUTCOMES.map((s) => ({ value: s, label: OUTCOME_LABELS[s] }))}
        />
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
