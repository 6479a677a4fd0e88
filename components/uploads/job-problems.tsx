import Link from "next/link";
import { PROBLEM_KINDS, PROBLEM_LABELS, type ProblemFilters, type jobProblems } from "@/lib/upload-jobs/job-problems";
import { formatNumber } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";

// The rows an upload did not add, filtered by kind of problem (in the URL), with the report —
// the same rows, original columns, formula-safe — to download at any time.

type Problems = Awaited<ReturnType<typeof jobProblems>>;

export function JobProblems({ jobId, problems, filters }: { jobId: string; problems: Problems; filters: ProblemFilters }) {
  const all = Object.values(problems.counts).reduce((a, b) => a + b, 0);
  const href = (problem: string, page = 1) =>
    `/uploads/${jobId}?${new URLSearchParams({ ...(problem && { problem }), ...(page > 1 && { page: String(page) }) })}#problems`;
  const report = `/api/upload-jobs/${jobId}/report${filters.problem ? `?problem=${filters.problem}` : ""}`;
  return (
    <section className="card table-card" id="problems" aria-label="Rows not added">
      <div className="card-head">
        <h2>Rows not added</h2>
        {all > 0 && (
          <a className="btn btn-sm" href={report} download>
            Download {filters.problem ? PROBLEM_LABELS[filters.problem].toLowerCase() + " rows" : "all rows"} (CSV)
          </a>
        )}
      </div>
      {all === 0 ? (
        <p className="empty-row muted">Every row received was added.</p>
      ) : (
        <>
          <nav className="segmented problem-filter" aria-label="Filter by problem">
            <Link
              className={filters.problem === "" ? "active" : ""}
              href={href("")}
              aria-current={filters.problem === "" ? "page" : undefined}
            >
              All<span className="count">{formatNumber(all)}</span>
            </Link>
            {PROBLEM_KINDS.filter((k) => problems.counts[k] > 0).map((k) => (
              <Link
                key={k}
                className={filters.problem === k ? "active" : ""}
                href={href(k)}
                aria-current={filters.problem === k ? "page" : undefined}
              >
                {PROBLEM_LABELS[k]}
                <span className="count">{formatNumber(problems.counts[k])}</span>
              </Link>
            ))}
          </nav>
          <div className="table-scroll">
            <table className="table" aria-label="Problems">
              <thead>
                <tr>
                  <th className="num">Record</th>
                  <th>Id</th>
                  <th>Problem</th>
                  <th>Reasons</th>
                  <th>Row as sent</th>
                </tr>
              </thead>
              <tbody>
                {problems.rows.map((r) => (
                  <tr key={r.index}>
                    <td className="num">{r.index}</td>
                    <td className="mono nowrap">{r.id ?? "—"}</td>
                    <td>
                      <span className={`badge ${r.kind === "invalid" ? "badge-danger" : "badge-warning"}`}>{PROBLEM_LABELS[r.kind]}</span>
                    </td>
                    <td>
                      <ul className="reasons">
                        {r.errors.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    </td>
                    <td className="mono small row-sent">
                      {r.row ? (
                        Object.entries(r.row).map(([k, v]) => (
                          <div key={k}>
                            <span className="muted">{k}:</span> {String(v ?? "")}
                          </div>
                        ))
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="card-pad">
            <Pagination
              page={filters.page}
              pageSize={problems.pageSize}
              total={problems.total}
              shown={problems.rows.length}
              href={(p) => href(filters.problem, p)}
              noun="rows"
            />
          </div>
        </>
      )}
    </section>
  );
}
