import type { RowCounts } from "@/lib/upload-wizard/review-rows";
import { formatNumber } from "@/components/ui/format";
import type { CheckStatus } from "@/components/upload/use-campaign-check";

type Props = { counts: RowCounts; check: CheckStatus; onRetryCheck: () => void };

// The figures of the review at a glance, and where the check against the campaign stands.
export function ReviewSummary({ counts, check, onRetryCheck }: Props) {
  return (
    <div className="review-summary">
      <dl className="review-figures">
        <Figure label="Rows" value={counts.rows} />
        <Figure label="Ready to add" value={counts.valid} tone="success" />
        <Figure label="Invalid" value={counts.invalid} tone={counts.invalid ? "danger" : undefined} />
        <Figure label="Duplicates in file" value={counts.duplicates} tone={counts.duplicates ? "danger" : undefined} />
        <Figure label="Already in campaign" value={counts.refused} tone={counts.refused ? "danger" : undefined} />
        {counts.warnings > 0 && <Figure label="Ready, with a warning" value={counts.warnings} tone="warning" />}
        {counts.removed > 0 && <Figure label="Removed" value={counts.removed} />}
      </dl>
      <p className={`check-status${check.state === "error" ? " check-error" : ""}`} role="status">
        {check.state === "checking" && (
          <>Checking {formatNumber(counts.unchecked)} ready rows against the contacts already in the campaign…</>
        )}
        {check.state === "done" && counts.unchecked === 0 && (
          <>
            Checked against the campaign:{" "}
            {counts.refused === 0
              ? "none of these contacts is there yet."
              : `${formatNumber(counts.refused)} refused (see “Already in campaign”).`}
          </>
        )}
        {check.state === "error" && (
          <>
            Could not check against the campaign: {check.error}{" "}
            <button type="button" className="btn btn-sm" onClick={onRetryCheck}>
              Try again
            </button>
          </>
        )}
      </p>
    </div>
  );
}

function Figure({ label, value, tone }: { label: string; value: number; tone?: "success" | "danger" | "warning" }) {
  return (
    <div className={`figure${tone ? ` figure-${tone}` : ""}`}>
      <dt>{label}</dt>
      <dd>{formatNumber(value)}</dd>
    </div>
  );
}
