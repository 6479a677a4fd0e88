"use client";

import { useState, type Dispatch } from "react";
import type { SubmitOptions } from "@/lib/upload-wizard/upload-api";
import type { SubmitProgress } from "@/lib/upload-wizard/chunked-submit";
import type { WizardEvent, WizardState } from "@/lib/upload-wizard/wizard-state";
import { formatNumber } from "@/components/ui/format";
import type { SubmissionControl } from "@/components/upload/use-submission";
import type { AgentOption, DispositionOption, WizardCampaign } from "@/components/upload/wizard-campaign";

type Props = {
  state: Extract<WizardState, { step: "submit" }>;
  submission: SubmissionControl;
  campaign: WizardCampaign;
  agents: AgentOption[];
  dispositions: DispositionOption[];
  dispatch: Dispatch<WizardEvent>;
};

type Mode = SubmitOptions["mode"];

// Step "Submit": what to do with the contacts once added, then the valid rows in chunks with a
// progress bar, cancel, and a retry that cannot add a row twice. The worker sends the chunks
// (use-submission.ts); this step only starts, retries and cancels.
export function SubmitStep({ state, submission, campaign, agents, dispositions, dispatch }: Props) {
  const { counts } = state.review;
  const [mode, setMode] = useState<Mode>("add");
  const [agentId, setAgentId] = useState("");
  const [dispositionId, setDispositionId] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const progress = state.progress;

  const start = () => {
    if (mode === "call" && (!agentId || !dispositionId)) return setMissing("Pick the agent who will call and the disposition set to use.");
    setMissing(null);
    void submission.start(mode === "call" ? { mode, agentId, dispositionId } : { mode }, state.file.fileName);
  };

  if (progress)
    return <SubmitProgressCard progress={progress} onRetry={() => void submission.retry()} onCancel={() => void submission.cancel()} />;

  const skipped = counts.rows - counts.valid;
  return (
    <section className="card step-card">
      <h2>
        Add {formatNumber(counts.valid)} contacts to {campaign.name}
      </h2>
      <p className="muted">
        {skipped > 0
          ? `${formatNumber(skipped)} rows with problems will be skipped; you can download them after the upload.`
          : "Every row passed the checks."}
        {counts.removed > 0 && ` ${formatNumber(counts.removed)} rows you removed are left out.`}
      </p>
      <fieldset className="choice-list">
        <legend>After adding them</legend>
        <Choice
          mode="add"
          current={mode}
          onChange={setMode}
          title="Just add the contacts"
          note="Calls can be started later from the campaign."
        />
        <Choice
          mode="call"
          current={mode}
          onChange={setMode}
          title="Add and start calls"
          note="Calls go out in batches of 500, inside the campaign's calling window."
        />
        {mode === "call" && (
          <div className="choice-details">
            <label className="field">
              <span>Agent</span>
              <select value={agentId} onChange={(e) => setAgentId(e.target.value)} aria-invalid={Boolean(missing && !agentId)}>
                <option value="">Choose an agent…</option>
                {agents.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.kind === "ai" ? "AI" : "human"}, {a.username})
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Disposition</span>
              <select
                value={dispositionId}
                onChange={(e) => setDispositionId(e.target.value)}
                aria-invalid={Boolean(missing && !dispositionId)}
              >
                <option value="">Choose a disposition…</option>
                {dispositions.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <Choice
          mode="workflow"
          current={mode}
          onChange={setMode}
          disabled={campaign.workflowName === null}
          title="Add and run the campaign's workflow"
          note={campaign.workflowName ? `Runs “${campaign.workflowName}” for every contact added.` : "This campaign has no workflow."}
        />
      </fieldset>
      {missing && (
        <div className="alert alert-error" role="alert">
          {missing}
        </div>
      )}
      <div className="step-actions">
        <button type="button" className="btn" onClick={() => dispatch({ type: "back" })}>
          Back to review
        </button>
        <button type="button" className="btn btn-primary" onClick={start}>
          Add {formatNumber(counts.valid)} contacts
        </button>
      </div>
    </section>
  );
}

function Choice({
  mode,
  current,
  onChange,
  title,
  note,
  disabled,
}: {
  mode: Mode;
  current: Mode;
  onChange: (m: Mode) => void;
  title: string;
  note: string;
  disabled?: boolean;
}) {
  return (
    <label className={`choice${current === mode ? " choice-selected" : ""}${disabled ? " choice-disabled" : ""}`}>
      <input type="radio" name="submit-mode" value={mode} checked={current === mode} disabled={disabled} onChange={() => onChange(mode)} />
      <span className="choice-title">{title}</span>
      <span className="muted small">{note}</span>
    </label>
  );
}

function SubmitProgressCard({ progress, onRetry, onCancel }: { progress: SubmitProgress; onRetry: () => void; onCancel: () => void }) {
  const { phase, sent, rows, added, rejected, chunk, chunks } = progress;
  const active = phase === "sending" || phase === "cancelling";
  return (
    <section className="card step-card" aria-busy={active}>
      <h2>{phase === "paused" ? "Upload paused" : phase === "cancelling" ? "Cancelling after this chunk…" : "Adding contacts…"}</h2>
      <div
        className="submit-progress"
        role="progressbar"
        aria-label="Rows sent"
        aria-valuemin={0}
        aria-valuemax={rows}
        aria-valuenow={sent}
      >
        <span className="submit-progress-added" style={{ width: percent(added, rows) }} />
        <span className="submit-progress-rejected" style={{ width: percent(rejected, rows) }} />
      </div>
      <p className="submit-figures" role="status">
        Sent <strong>{formatNumber(sent)}</strong> of {formatNumber(rows)} rows ·{" "}
        <span className="text-success">{formatNumber(added)} added</span> ·{" "}
        <span className={rejected ? "text-danger" : undefined}>{formatNumber(rejected)} rejected</span>
        <span className="muted">
          {" "}
          · chunk {Math.min(chunk + 1, chunks)} of {chunks}
        </span>
      </p>
      {phase === "paused" && progress.error && (
        <div className="alert alert-warning" role="alert">
          {progress.error}
        </div>
      )}
      <div className="step-actions">
        <span className="muted small">Cancelling stops before the next chunk, so the counts stay exact.</span>
        <span className="button-row">
          {phase === "paused" && (
            <button type="button" className="btn btn-primary" onClick={onRetry}>
              Retry chunk {chunk + 1}
            </button>
          )}
          <button type="button" className="btn btn-danger" disabled={phase === "cancelling"} onClick={onCancel}>
            Cancel upload
          </button>
        </span>
      </div>
    </section>
  );
}

function percent(part: number, whole: number): string {
  return `${whole === 0 ? 0 : (100 * part) / whole}%`;
}
