"use client";

import type { FieldSchema } from "@/lib/campaigns/field-schema";
import { findUnmappedRequired, normaliseHeader, type RememberedMapping } from "@/lib/spreadsheet/map-columns";
import type { WizardState } from "@/lib/upload-wizard/wizard-state";
import { formatNumber } from "@/components/ui/format";
import { DateFormatsPanel } from "@/components/upload/date-formats-panel";
import type { DateColumnsState } from "@/components/upload/use-date-columns";
import { NumberFormatPanel } from "@/components/upload/number-format-panel";
import type { ValueColumnsState } from "@/components/upload/use-value-columns";

type Props = {
  state: Extract<WizardState, { step: "map" }>;
  dates: DateColumnsState;
  values: ValueColumnsState;
  schema: FieldSchema;
  remembered: RememberedMapping | null;
  onMap: (column: number, field: string | null) => void;
  onConfirm: () => void;
  onBack: () => void;
};

// Step "Columns": every column of the file, a few of its values, and the campaign field it
// fills. Required fields nobody fills are listed on top; the choices are saved for next time.
export function MapStep({ state, dates, values, schema, remembered, onMap, onConfirm, onBack }: Props) {
  const { columns, mapping } = state;
  const missing = findUnmappedRequired(mapping, schema.fields);
  const columnOf = new Map(Object.entries(mapping).flatMap(([c, f]) => (f === null ? [] : [[f, Number(c)] as const])));
  const mappedCount = columnOf.size;

  return (
    <section className="card step-card">
      <h2>Match your columns to the campaign’s fields</h2>
      <p className="muted">
        {formatNumber(mappedCount)} of {columns.length} columns will be imported.{" "}
        {remembered
          ? "Choices saved from earlier uploads to this campaign were applied first."
          : "Your choices are remembered for the next upload to this campaign."}
      </p>

      {missing.length > 0 ? (
        <div className="alert alert-error" role="alert">
          Required {missing.length === 1 ? "field" : "fields"} not matched to any column: <strong>{missing.join(", ")}</strong>. Pick the
          column that holds {missing.length === 1 ? "it" : "each"}, or add it to the file and upload again.
        </div>
      ) : (
        <div className="alert alert-success" role="status">
          Every required field has a column.
        </div>
      )}

      <div className="map-scroll">
        <table className="table map-table" aria-label="Column mapping">
          <thead>
            <tr>
              <th scope="col">Column in your file</th>
              <th scope="col">Sample values</th>
              <th scope="col">Campaign field</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => {
              const field = mapping[column.index] ?? null;
              const fromMemory = field !== null && remembered?.columns[normaliseHeader(column.header)] === field;
              return (
                <tr key={column.index} className={field === null ? "row-muted" : undefined}>
                  <td>
                    <strong>{column.label}</strong>
                    {fromMemory && <span className="badge badge-info">saved choice</span>}
                  </td>
                  <td>
                    <div className="samples">
                      {column.samples.length === 0 ? (
                        <span className="muted">empty</span>
                      ) : (
                        column.samples.map((s, i) => (
                          <span key={i} className="sample">
                            {s}
                          </span>
                        ))
                      )}
                    </div>
                  </td>
                  <td>
                    <select
                      aria-label={`Field for column ${column.label}`}
                      value={field ?? ""}
                      onChange={(e) => onMap(column.index, e.target.value === "" ? null : e.target.value)}
                    >
                      <option value="">Don’t import</option>
                      {schema.fields.map((f) => {
                        const taken = columnOf.get(f.key);
                        const elsewhere = taken !== undefined && taken !== column.index;
                        return (
                          <option key={f.key} value={f.key}>
                            {f.key}
                            {f.required ? " *" : ""} — {f.label}
                            {elsewhere ? ` (now: ${columns[taken]?.label})` : ""}
                          </option>
                        );
                      })}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="field-status" aria-label="Campaign fields">
        {schema.fields.map((f) => {
          const column = columnOf.get(f.key);
          const cls = column !== undefined ? "badge-success" : f.required ? "badge-danger" : "badge-neutral";
          return (
            <span
              key={f.key}
              className={`badge ${cls}`}
              title={
                column !== undefined ? `from “${columns[column]?.label}”` : f.required ? "required, not matched" : "optional, not matched"
              }
            >
              {column !== undefined ? "✓" : f.required ? "✕" : "–"} {f.key}
            </span>
          );
        })}
      </div>

      <DateFormatsPanel dates={dates} />
      <NumberFormatPanel values={values} />

      <div className="step-actions">
        <button type="button" className="btn" onClick={onBack}>
          Back
        </button>
        <span className="muted">* required</span>
        <button
          type="button"
          className="btn btn-primary"
          disabled={state.busy || missing.length > 0 || dates.columns === null || dates.unanswered.length > 0 || values.enums === null}
          onClick={onConfirm}
        >
          {values.enums && values.enums.length > 0
            ? "Continue to values"
            : `${state.busy ? "Checking" : "Check"} ${formatNumber(state.dataRows)} ${state.dataRows === 1 ? "row" : "rows"}${state.busy ? "…" : ""}`}
        </button>
      </div>
    </section>
  );
}
