import { OUTCOME_LABELS, type JobOutcome } from "@/lib/upload-jobs/job-outcome";

const CLASS: Record<JobOutcome, string> = {
  running: "badge-info",
  completed: "badge-success",
  partial: "badge-warning",
  cancelled: "badge-neutral",
  failed: "badge-danger",
};

/** What happened to an upload, in one word (lib/upload-jobs/job-outcome.ts); "undone" when it was. */
export function OutcomeBadge({ outcome, undone = false }: { outcome: JobOutcome; undone?: boolean }) {
  return (
    <>
      <span className={`badge ${CLASS[outcome]}`}>{OUTCOME_LABELS[outcome]}</span>
      {undone && <span className="badge badge-neutral">Undone</span>}
    </>
  );
}
