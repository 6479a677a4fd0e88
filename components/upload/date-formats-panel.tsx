"use client";

import { convertDate, DATE_FORMATS, dateFormatLabels, type DateColumn } from "@/lib/upload-wizard/date-formats";
import type { DateColumnsState } from "@/components/upload/use-date-columns";

// Under the column mapping: how each date column is written, what its first values become, and
// a choice to correct the guess. A column that reads both day-first and month-first asks.
export function DateFormatsPanel({ dates }: { dates: DateColumnsState }) {
  const columns = (dates.columns ?? []).filter((c) => c.samples.length > 0 || c.fits.length === 0);
  if (columns.length === 0) return null;
  return (
    <section className="date-formats" aria-label="Date formats">
      <h3>Dates</h3>
      {columns.map((column) => (
        <DateColumnRow key={column.field} column={column} dates={dates} />
      ))}
    </section>
  );
}

function DateColumnRow({ column, dates }: { column: DateColumn; dates: DateColumnsState }) {
  const chosen = dates.choices[column.field];
  const waiting = dates.unanswered.includes(column.field);
  return (
    <div className="date-format" role="group" aria-label={`Dates in ${column.field}`}>
      <label className="field inline">
        <span>
          <span className="mono">{column.field}</span> is written as
        </span>
        <select
          aria-label={`Date format of ${column.field}`}
          value={chosen ?? ""}
          onChange={(e) => dates.choose(column.field, e.target.value as (typeof DATE_FORMATS)[number])}
        >
          {!chosen && <option value="">Choose…</option>}
          {DATE_FORMATS.map((format) => (
            <option key={format} value={format}>
              {dateFormatLabels[format]}
              {format === column.guess && !column.ambiguous ? " (detected)" : ""}
              {format === column.guess && column.ambiguous ? " (usual here)" : ""}
            </option>
          ))}
        </select>
      </label>
      {waiting && (
        <p className="alert alert-warning" role="alert">
          Every day in {column.field} is 12 or less, so these dates read both day first and month first: choose how they are written.
        </p>
      )}
      {column.fits.length === 0 && <p className="muted small">No format reads these values; they will be checked as typed.</p>}
      <ul className="date-samples" aria-label={`Sample dates of ${column.field}`}>
        {column.samples.map((sample) => {
          const iso = chosen ? convertDate(sample.raw, chosen) : null;
          return (
            <li key={sample.raw}>
              <span className="mono">{sample.raw}</span> → <span className="mono">{iso ?? (chosen ? "not a date" : "?")}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
