"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { LiveJob } from "@/lib/dashboard/campaign-activity";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import styles from "@/components/dashboard/dashboard.module.css";

// The campaign's running and recent upload jobs. While one runs, the list is polled once a second
// (GET /api/campaigns/{id}/live-jobs), so a Flexydial job's bar moves and ends with its counts.

const SOURCES: Record<string, string> = { ui: "Spreadsheet", timepay_api: "TimePay API", flexydial_api: "Flexydial API" };
const running = (j: LiveJob) => j.status === "pending" || j.status === "processing";

export function LiveJobs({ campaignId, initial }: { campaignId: string; initial: LiveJob[] }) {
  const [jobs, setJobs] = useState(initial);
  const active = jobs.some(running);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const response = await fetch(`/api/campaigns/${encodeURIComponent(campaignId)}/live-jobs`, { cache: "no-store" });
        if (response.ok && !stopped) setJobs(((await response.json()) as { jobs: LiveJob[] }).jobs);
      } catch {
        // The next tick tries again.
      }
    };
    // Poll fast while a job runs, slowly otherwise (a job started elsewhere appears within 10 s).
    const timer = setInterval(tick, active ? 1000 : 10_000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [campaignId, active]);

  if (jobs.length === 0) return <p className="muted">No uploads in the last 24 hours.</p>;
  return (
    <ul className={styles.jobs} aria-label="Upload jobs">
      {jobs.map((j) => {
        const percent = j.total > 0 ? Math.min(100, Math.round((j.processed / j.total) * 100)) : running(j) ? 0 : 100;
        return (
          <li key={j.id} className={styles.job} data-testid="live-job" data-status={j.status}>
            <div className={styles.jobHead}>
              <Link href={`/uploads/${j.id}`} className={styles.jobName}>
                {j.fileName ?? j.reference}
              </Link>
              <span className={`badge ${running(j) ? "badge-info" : j.status === "failed" ? "badge-danger" : "badge-success"}`}>
                {running(j) ? "running" : j.status}
              </span>
            </div>
            <div className="muted small">
              {SOURCES[j.source] ?? j.source} · {formatDateTime(j.createdAt)}
            </div>
            <progress className={styles.bar} max={100} value={percent} aria-label={`${j.fileName ?? j.reference} progress`} />
            <div className="small" data-testid="live-job-counts">
              {formatNumber(j.processed)} of {formatNumber(j.total)} rows · {formatNumber(j.successful)} added ·{" "}
              {formatNumber(j.duplicates)} duplicates · {formatNumber(j.invalid)} invalid
              {j.failed > 0 && <> · {formatNumber(j.failed)} failed</>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
