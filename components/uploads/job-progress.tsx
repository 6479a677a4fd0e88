"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { JobCounts } from "@/lib/upload-jobs/job-outcome";
import { formatNumber } from "@/components/ui/format";

// A running job's bar, moving while you watch: polls the job once a second and, when it has
// finished, reloads the page so the final counts and problems show.

type Live = { counts: JobCounts; progress: number; processed: number };

export function JobProgress({ jobId, initial }: { jobId: string; initial: Live }) {
  const router = useRouter();
  const [live, setLive] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/upload-jobs/${jobId}`, { cache: "no-store" }).catch(() => null);
      if (stopped) return;
      if (!res?.ok) {
        setError("Lost contact with the server; retrying…");
        return;
      }
      const job = await res.json();
      setError(null);
      setLive({ counts: job.counts, progress: job.progress, processed: job.processed });
      if (job.outcome !== "running") {
        stopped = true;
        clearInterval(timer);
        router.refresh();
      }
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, router]);

  return (
    <div className="job-progress">
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={live.progress}
      >
        <div className="progress-fill" style={{ width: `${live.progress}%` }} />
      </div>
      <p className="submit-figures">
        {formatNumber(live.processed)} of {formatNumber(live.counts.received)} rows processed ({live.progress}%) ·{" "}
        {formatNumber(live.counts.added)} added · {formatNumber(live.counts.duplicates + live.counts.invalid + live.counts.failed)} not
        added
      </p>
      {error && (
        <p className="muted small" role="status">
          {error}
        </p>
      )}
    </div>
  );
}
