"use client";

import { DECIMAL_SEPARATORS, numberFormatLabels, readNumber } from "@/lib/records/number-text";
import type { ValueColumnsState } from "@/components/upload/use-value-columns";

// Under the column mapping, beside the dates: how the file writes its numbers (detected from the
// values of its number columns), what a few of them are read as, and a choice to correct it.
export function NumberFormatPanel({ values }: { values: ValueColumnsState }) {
  const { numbers, numberFormat } = values;
  if (!numbers || !numberFormat || numbers.samples.length === 0) return null;
  const detected = numbers.evidence["."] + numbers.evidence[","] > 0;
  return (
    <section className="date-formats" aria-label="Number format">
      <h3>Numbers</h3>
      <div className="date-format" role="group" aria-label="Numbers in this file">
        <label className="field inline">
          <span>
            Numbers in <span className="mono">{numbers.fields.join(", ")}</span> are written as
          </span>
          <select
            aria-label="Number format"
            value={numberFormat.decimal}
            onChange={(e) => values.chooseNumbers({ decimal: e.target.value as (typeof DECIMAL_SEPARATORS)[number] })}
          >
            {DECIMAL_SEPARATORS.map((decimal) => (
              <option key={decimal} value={decimal}>
                {numberFormatLabels[decimal]}
                {detected && decimal === numbers.format.decimal ? " (detected)" : ""}
              </option>
            ))}
          </select>
        </label>
        {numbers.mixed && (
          <p className="alert alert-warning" role="alert">
            Some values use a decimal point and others a decimal comma: whichever you choose, the others show as errors in the review.
          </p>
        )}
        <ul className="date-samples" aria-label="Sample numbers">
          {numbers.samples.map((raw) => {
            const read = readNumber(raw, numberFormat);
            return (
              <li key={raw}>
                <span className="mono">{raw}</span> → <span className="mono">{read ? String(read.number) : "not a number"}</span>
              </li>
            );
          })}
        </ul>
        <p className="muted small">
          Currency signs (₹, Rs., INR) and digits of other scripts (१२३) are read too; every changed value is shown as a warning in the
          review.
        </p>
      </div>
    </section>
  );
}
