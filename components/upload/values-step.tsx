"use client";

import type { RememberedMapping } from "@/lib/spreadsheet/map-columns";
import { isRemembered, type EnumColumn } from "@/lib/upload-wizard/value-mapping";
import type { WizardState } from "@/lib/upload-wizard/wizard-state";
import { formatNumber } from "@/components/ui/format";
import type { ValueColumnsState } from "@/components/upload/use-value-columns";

type Props = {
  state: Extract<WizardState, { step: "values" }>;
  values: ValueColumnsState;
  remembered: RememberedMapping | null;
  onConfirm: () => void;
  onBack: () => void;
};

// Step "Values": for each enum field, the file's values that are not among its allowed values,
// how many rows hold each, and what the operator says it means ("Overdue" → pending). A value
// left as it is stays an error in the review. The choices are remembered for the next upload.
export function ValuesStep({ state, values, remembered, onConfirm, onBack }: Props) {
  const enums = values.enums ?? [];
  const left = enums.flatMap((column) => column.values.filter((value) => !values.choices[column.field]?.[value.key]));
  const leftRows = left.reduce((sum, value) => sum + value.count, 0);
  const pending = enums.flatMap((column) =>
    column.values
      .filter((value) => value.suggestion && !values.choices[column.field]?.[value.key])
      .map((value) => ({ field: column.field, key: value.key, to: value.suggestion! })),
  );

  return (
    <section className="card step-card">
      <h2>Match the values your file uses</h2>
      <p className="muted">
        These values are not among what the campaign’s fields accept. Choose what each one means, or leave it as it is: it then shows as an
        error in the review. Your choices are remembered for the next upload to this campaign.
      </p>
      {pending.length > 0 && (
        <div className="value-suggestions">
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => {
              for (const p of pending) values.choose(p.field, p.key, p.to);
            }}
          >
            Use {pending.length === 1 ? "the suggestion" : `all ${pending.length} suggestions`}
          </button>
        </div>
      )}
      {enums.map((column) => (
        <ValueField key={column.field} column={column} values={values} remembered={remembered} />
      ))}
      <div className="step-actions">
        <button type="button" className="btn" onClick={onBack}>
          Back
        </button>
        <span className="muted" role="status">
          {left.length === 0
            ? "Every value has a meaning."
            : `${formatNumber(left.length)} ${left.length === 1 ? "value" : "values"} left as ${left.length === 1 ? "it is" : "they are"} (${formatNumber(leftRows)} ${leftRows === 1 ? "row" : "rows"})`}
        </span>
        <button type="button" className="btn btn-primary" disabled={state.busy} onClick={onConfirm}>
          {`${state.busy ? "Checking" : "Check"} ${formatNumber(state.dataRows)} ${state.dataRows === 1 ? "row" : "rows"}${state.busy ? "…" : ""}`}
        </button>
      </div>
    </section>
  );
}

function ValueField({
  column,
  values,
  remembered,
}: {
  column: EnumColumn;
  values: ValueColumnsState;
  remembered: RememberedMapping | null;
}) {
  const chosen = values.choices[column.field] ?? {};
  return (
    <section className="value-field" aria-label={`Values of ${column.field}`}>
      <h3>
        <span className="mono">{column.field}</span> <span className="muted">— {column.label}</span>
      </h3>
      <p className="muted small">Accepts: {column.allowed.join(", ")}</p>
      <ul className="value-map">
        {column.values.map((value) => {
          const to = chosen[value.key] ?? "";
          const saved = isRemembered(remembered?.values, column.field, value.key);
          return (
            <li key={value.key} className="value-map-row">
              <div className="value-map-from">
                <span className="sample">{value.text}</span>
                <span className="muted small">
                  {formatNumber(value.count)} {value.count === 1 ? "row" : "rows"}
                </span>
                {saved && to !== "" && <span className="badge badge-info">saved choice</span>}
              </div>
              <span className="value-map-arrow" aria-hidden>
                →
              </span>
              <div className="value-map-to">
                <select
                  aria-label={`${column.field} value ${value.text}`}
                  value={to}
                  onChange={(e) => values.choose(column.field, value.key, e.target.value === "" ? null : e.target.value)}
                >
                  <option value="">Leave as it is (an error)</option>
                  {column.allowed.map((allowed) => (
                    <option key={allowed} value={allowed}>
                      {allowed}
                      {allowed === value.suggestion ? " (suggested)" : ""}
                    </option>
                  ))}
                </select>
                {value.suggestion && to === "" && (
                  <button
                    type="button"
                    className="btn btn-sm"
                    aria-label={`Use ${value.suggestion} for ${value.text}`}
                    onClick={() => values.choose(column.field, value.key, value.suggestion)}
                  >
                    Use “{value.suggestion}”
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {column.otherValues > 0 && (
        <p className="muted small">
          And {formatNumber(column.otherValues)} other values in {formatNumber(column.otherRows)} rows, left as they are: fix them in the
          review, or in the file.
        </p>
      )}
    </section>
  );
}
