"use client";

import { DateTime } from "luxon";
import { useState } from "react";
import type { Form } from "@/components/workflows/form-bits";
import { type EditorOptions, typeLabel } from "@/components/workflows/workflow-form";
import styles from "@/components/workflows/workflows.module.css";
import { localTime, zoneName } from "@/lib/workflows/local-time";

// The dry run: the steps as they stand in the editor (saved or not), played by the server's dry
// run (the runner's own planning) for sample customer values and simulated call outcomes, from a
// start time in the campaign's calling window. It writes nothing. The timeline shows every step
// at its simulated time, and where the calling window holds a call or a message back.

const OUTCOMES = ["No Contact", "Contacted", "Failed", "Blocked"] as const;
type Outcome = (typeof OUTCOMES)[number];
type Entry = { at: string; stepId: string; type: string; summary: string; delayedUntil?: string };
type Result = { zone: string; timeline: Entry[]; end: { state: string; reason: string | null } };

const inDays = (days: number) => DateTime.now().plus({ days }).toISODate();

export function DryRunPanel({ form, options, defaultCampaignId }: { form: Form; options: EditorOptions; defaultCampaignId: string }) {
  const [campaignId, setCampaignId] = useState(defaultCampaignId);
  const campaign = options.campaigns.find((c) => c.id === campaignId);
  const zone = campaign?.timezone ?? "Asia/Kolkata";
  const [date, setDate] = useState(() => inDays(1) ?? "");
  const [time, setTime] = useState("08:00");
  const [outcomes, setOutcomes] = useState<Outcome[]>(["No Contact", "Contacted", "Contacted"]);
  const [sample, setSample] = useState(() => `first_name=Asha\npromise_to_pay_date=${inDays(6)}`);
  const [result, setResult] = useState<Result | null>(null);
  const [problem, setProblem] = useState<{ message: string; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setProblem(null);
    if (!(await form.trigger("definition"))) {
      setResult(null);
      setProblem({ message: "Fix the steps marked in red first: the dry run plays the steps as the editor shows them.", lines: [] });
      return;
    }
    const start = DateTime.fromISO(`${date}T${time}`, { zone });
    if (!start.isValid) {
      setProblem({ message: "Pick a start date and time.", lines: [] });
      return;
    }
    const customer = Object.fromEntries(
      sample
        .split("\n")
        .map((line) => line.split("="))
        .filter(([key, ...rest]) => key.trim() && rest.length)
        .map(([key, ...rest]) => [key.trim(), rest.join("=").trim()]),
    );
    setBusy(true);
    const response = await fetch("/api/workflows/dry-run", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ steps: form.getValues("definition.steps"), campaignId, customer, outcomes, start: start.toUTC().toISO() }),
    }).catch(() => null);
    setBusy(false);
    const json = (await response?.json().catch(() => null)) as { dryRun?: Result; error?: { message?: string; errors?: string[] } } | null;
    if (response?.ok && json?.dryRun) {
      setResult(json.dryRun);
      return;
    }
    setResult(null);
    setProblem({
      message: json?.error?.message ?? (response ? `The server answered ${response.status}` : "Could not reach the server; try again"),
      lines: json?.error?.errors ?? [],
    });
  };

  return (
    <section className="card" aria-label="Dry run">
      <h2>Dry run</h2>
      <p className="muted small">
        Plays the steps above for a sample customer with the call outcomes you choose, in the campaign's calling window. Nothing is called,
        sent or saved.
      </p>
      {options.campaigns.length === 0 ? (
        <p className="muted">A dry run plays in a campaign's calling window: create a campaign first.</p>
      ) : (
        <>
          <div className={styles.dryForm}>
            <label className={`field ${styles.dryCampaign}`}>
              <span>Campaign (its calling window)</span>
              <select value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
                {options.campaigns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Start date</span>
              <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
            <label className="field">
              <span>Start time ({zoneName(zone)})</span>
              <input type="time" value={time} onChange={(e) => setTime(e.target.value)} />
            </label>
            {(["1st call", "2nd call", "Later calls"] as const).map((label, i) => (
              <label className="field" key={label}>
                <span>{label}</span>
                <select
                  value={outcomes[i]}
                  onChange={(e) => setOutcomes(outcomes.map((o, j) => (j === i ? (e.target.value as Outcome) : o)))}
                >
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <label className={`field ${styles.sample}`}>
              <span>Sample customer (field=value, one a line)</span>
              <textarea rows={3} className="mono" value={sample} onChange={(e) => setSample(e.target.value)} />
            </label>
          </div>
          <button type="button" className="btn btn-primary" onClick={run} disabled={busy}>
            {busy ? "Playing…" : "Run dry run"}
          </button>
        </>
      )}
      {problem && (
        <div role="alert" className="alert alert-error">
          {problem.message}
          {problem.lines.length > 0 && (
            <ul>
              {problem.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result && <Timeline result={result} />}
    </section>
  );
}

function Timeline({ result }: { result: Result }) {
  const { zone, timeline, end } = result;
  const year = timeline[0] ? DateTime.fromISO(timeline[0].at, { zone }).year : undefined;
  return (
    <>
      <p className="small muted">
        Times in the customer’s local time ({zone}, {zoneName(zone)}).
      </p>
      <ol className={styles.timeline} aria-label="Dry run timeline">
        {timeline.map((entry, i) => {
          const delayed = entry.delayedUntil !== undefined;
          const previous = timeline[i - 1]?.at;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a timeline may pass the same step twice at the same time
            <li key={i} className={delayed ? styles.delayed : undefined}>
              <time dateTime={entry.at} className={styles.when}>
                {localTime(entry.at, zone, { sameDayAs: previous, year })}
              </time>
              <div>
                <strong className="mono">{entry.stepId || "—"}</strong>{" "}
                <span className="badge badge-neutral">{entry.type === "window" ? "Waits for the window" : typeLabel(entry.type)}</span>
                {delayed && <span className="badge badge-warning">Calling window</span>}
                <div className={delayed ? `small ${styles.delayNote}` : "small"}>{entry.summary}</div>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="small" role="status">
        Ends <strong>{end.state}</strong>
        {end.reason ? `: ${END_REASONS[end.reason] ?? end.reason.replaceAll("_", " ")}` : ""}.
      </p>
    </>
  );
}

const END_REASONS: Record<string, string> = {
  end_of_workflow: "the last step was done",
  stop_step: "a stop step",
  dnc: "the number is on the Do not call list",
  campaign_completed: "the campaign is completed",
  customer_deleted: "the contact was deleted",
  step_limit: "the step limit was reached (a loop?)",
};
