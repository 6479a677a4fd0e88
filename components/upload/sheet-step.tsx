"use client";

import { useState } from "react";
import type { WizardState } from "@/lib/upload-wizard/wizard-state";
import { formatNumber } from "@/components/ui/format";

type Props = { state: Extract<WizardState, { step: "sheet" }>; onChoose: (sheet: number) => void; onBack: () => void };

// Step "Sheet": workbooks often carry notes or summaries beside the contacts; the operator
// picks the sheet, seeing how many rows each holds.
export function SheetStep({ state, onChoose, onBack }: Props) {
  const firstWithRows = state.file.sheets.findIndex((s) => s.rowCount > 0);
  const largest = state.file.sheets.reduce(
    (best, s, i) => (s.rowCount > state.file.sheets[best].rowCount ? i : best),
    Math.max(firstWithRows, 0),
  );
  const [chosen, setChosen] = useState(largest);

  return (
    <section className="card step-card">
      <h2>Which sheet holds the contacts?</h2>
      <p className="muted">
        {state.file.fileName} has {state.file.sheets.length} sheets.
      </p>
      <fieldset className="choice-list">
        <legend className="visually-hidden">Sheets</legend>
        {state.file.sheets.map((sheet, i) => (
          <label
            key={`${i}-${sheet.name}`}
            className={`choice${chosen === i ? " choice-selected" : ""}${sheet.rowCount === 0 ? " choice-disabled" : ""}`}
          >
            <input
              type="radio"
              name="sheet"
              value={i}
              checked={chosen === i}
              disabled={sheet.rowCount === 0}
              onChange={() => setChosen(i)}
            />
            <span className="choice-title">{sheet.name}</span>
            <span className="muted">
              {sheet.rowCount === 0 ? "empty" : `${formatNumber(sheet.rowCount)} ${sheet.rowCount === 1 ? "row" : "rows"}`}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="step-actions">
        <button type="button" className="btn" onClick={onBack}>
          Back
        </button>
        <button type="button" className="btn btn-primary" disabled={state.busy} onClick={() => onChoose(chosen)}>
          {state.busy ? "Reading…" : "Use this sheet"}
        </button>
      </div>
    </section>
  );
}
