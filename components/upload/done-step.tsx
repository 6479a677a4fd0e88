"use client";

import Link from "next/link";
import { useState } from "react";
import type { OutcomeGroup } from "@/lib/upload-wizard/submit-ledger";
import type { UploadWorkerClient } from "@/lib/upload-wizard/worker-client";
import type { WizardState } from "@/lib/upload-wizard/wizard-state";
import { formatNumber } from "@/components/ui/format";
import { downloadFile, slug } from "@/components/upload/download";
import type { WizardCampaign } from "@/components/upload/wizard-campaign";

type Props = { state: Extract<WizardState, { step: "done" }>; client: UploadWorkerClient; campaign: WizardCampaign; onRestart: () => void };

const TITLES = { finished: "Upload finished", cancelled: "Upload cancelled", failed: "Upload stopped" } as const;

// Step "Done": every row of the file accounted for — received = added + duplicates + invalid +
// failed (+ removed, + not sent) — each with its reasons, the rows that did not make it as a
// file to fix and upload again, and the way to the campaign and the upload job.
export function DoneStep({ state, client, campaign, onRestart }: Props) {
  const { outcome, progress } = state;
  const [problem, setProblem] = useState<string | null>(null);
  const notAdded = outcome.received - outcome.removed - outcome.added;
  const title = TITLES[progress.phase as keyof typeof TITLES] ?? "Upload finished";

  const downloadReport = async () => {
    try {
      const report = await client.call("report", { kind: "outcome" });
      downloadFile(report.csv, `${slug(state.file.fileName.replace(/\.\w+$/, ""))}-not-added.csv`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section className="card step-card">
      <h2>{title}</h2>
      {progress.phase === "failed" && progress.error && (
        <div className="alert alert-error" role="alert">
          {progress.error}
        </div>
      )}
      <p className="done-lead">
        <strong>{formatNumber(outcome.added)}</strong> of {formatNumber(outcome.received)} rows from{" "}
        <span className="mono">{state.file.fileName}</span> were added to <strong>{campaign.name}</strong>.
      </p>

      <table className="table reconcile" aria-label="Upload summary">
        <tbody>
          <tr className="reconcile-total">
            <th scope="row">Rows received</th>
            <td className="num">{formatNumber(outcome.received)}</td>
            <td className="muted">every data row of the file</td>
          </tr>
          <tr>
            <th scope="row">Added</th>
            <td className="num text-success">{formatNumber(outcome.added)}</td>
            <td>
              {outcome.calls && (
                <>
                  Calls requested for {formatNumber(outcome.calls.requested)}: {formatNumber(outcome.calls.initiated)} initiated,{" "}
                  {formatNumber(outcome.calls.failed)} failed.
                  {outcome.calls.notes.map((note) => (
                    <div key={note} className="muted small">
                      {note}
                    </div>
                  ))}
                </>
              )}
              {outcome.workflowTriggered === true && "Workflow triggered for the added contacts."}
              {outcome.workflowTriggered === false && "The server did not trigger the workflow for these contacts."}
            </td>
          </tr>
          <GroupRow label="Duplicates" group={outcome.duplicates} />
          <GroupRow label="Invalid" group={outcome.invalid} />
          <GroupRow label="Failed" group={outcome.failed} />
          {outcome.removed > 0 && <SimpleRow label="Removed by you" count={outcome.removed} note="removed in the review" />}
          {outcome.notSent > 0 && (
            <SimpleRow label="Not sent" count={outcome.notSent} note="valid, but the upload was cancelled before their chunk" />
          )}
        </tbody>
      </table>

      <p className="reconcile-equation muted">
        {formatNumber(outcome.received)} received = {formatNumber(outcome.added)} added + {formatNumber(outcome.duplicates.count)}{" "}
        duplicates + {formatNumber(outcome.invalid.count)} invalid + {formatNumber(outcome.failed.count)} failed
        {outcome.removed > 0 && <> + {formatNumber(outcome.removed)} removed</>}
        {outcome.notSent > 0 && <> + {formatNumber(outcome.notSent)} not sent</>}
      </p>
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      <div className="step-actions">
        <button type="button" className="btn" disabled={notAdded === 0} onClick={() => void downloadReport()}>
          {notAdded === 0
            ? "No rows to report"
            : notAdded === 1
              ? "Download the row not added"
              : `Download the ${formatNumber(notAdded)} rows not added`}
        </button>
        <span className="button-row">
          {progress.uploadJobId && (
            <Link className="btn" href={`/uploads/${progress.uploadJobId}`}>
              View the upload job
            </Link>
          )}
          <Link className="btn" href={`/campaigns/${campaign.id}`}>
            Go to the campaign dashboard
          </Link>
          <button type="button" className="btn btn-primary" onClick={onRestart}>
            Upload another file
          </button>
        </span>
      </div>
    </section>
  );
}

function GroupRow({ label, group }: { label: string; group: OutcomeGroup }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className={`num${group.count ? " text-danger" : ""}`}>{formatNumber(group.count)}</td>
      <td>
        {group.reasons.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <ul className="reasons">
            {group.reasons.map((r) => (
              <li key={r.label}>
                <strong>{r.label}</strong>: {formatNumber(r.count)} <span className="muted small">— e.g. {r.example}</span>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

function SimpleRow({ label, count, note }: { label: string; count: number; note: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{formatNumber(count)}</td>
      <td className="muted">{note}</td>
    </tr>
  );
}
