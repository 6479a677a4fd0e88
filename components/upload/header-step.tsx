"use client";

import { TEXT_ENCODINGS, type TextEncoding } from "@/lib/spreadsheet/decode-text";
import { DELIMITERS, type Delimiter } from "@/lib/spreadsheet/detect-delimiter";
import { columnLetter } from "@/lib/upload-wizard/column-letter";
import type { ReadOverrides } from "@/lib/upload-wizard/read-upload";
import type { WizardState } from "@/lib/upload-wizard/wizard-state";
import { formatNumber } from "@/components/ui/format";

type Props = {
  state: Extract<WizardState, { step: "header" }>;
  onPick: (row: number) => void;
  onReread: (overrides: ReadOverrides) => void;
  onConfirm: (row: number) => void;
  onBack: () => void;
};

const ENCODING_NAMES: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE (Excel “Unicode Text”)",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252 (Western, Excel on Windows)",
  "iso-8859-1": "ISO-8859-1 (Latin-1)",
};
const DELIMITER_NAMES: Record<Delimiter, string> = { ",": "Comma ,", ";": "Semicolon ;", "\t": "Tab", "|": "Pipe |" };

// Step "Header row": how the file was read (encoding, delimiter) with a preview to judge it by,
// and which row holds the column names — title rows above the header are common.
export function HeaderStep({ state, onPick, onReread, onConfirm, onBack }: Props) {
  const { file, preview, headerRow } = state;
  const width = Math.max(1, ...preview.rows.map((r) => r.length));
  const dataRows = preview.rowCount - headerRow - 1;

  return (
    <section className="card step-card">
      <h2>Check how the file was read</h2>
      {file.encoding && file.delimiter && (
        <div className="read-settings">
          <label className="field inline">
            <span>Encoding</span>
            <select
              value={file.encoding.used}
              disabled={state.busy}
              onChange={(e) => onReread({ encoding: e.target.value as TextEncoding, delimiter: file.delimiter!.used })}
            >
              {TEXT_ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {ENCODING_NAMES[enc]}
                  {enc === file.encoding!.detected ? " — detected" : ""}
                </option>
              ))}
            </select>
          </label>
          <label className="field inline">
            <span>Delimiter</span>
            <select
              value={file.delimiter.used}
              disabled={state.busy}
              onChange={(e) => onReread({ encoding: file.encoding!.used, delimiter: e.target.value as Delimiter })}
            >
              {DELIMITERS.map((d) => (
                <option key={d} value={d}>
                  {DELIMITER_NAMES[d]}
                  {d === file.delimiter!.detected ? " — detected" : ""}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small read-note">
            {file.encoding.hadBom ? "The file starts with a byte-order mark (removed). " : ""}
            If names show odd characters like “Ã©” or “�”, pick another encoding; if everything sits in one column, pick another delimiter.
          </p>
        </div>
      )}
      {file.problems.length > 0 && (
        <div className="alert alert-warning" role="status">
          {file.problems.length === 1 ? "A problem" : `${file.problems.length} problems`} reading the file:{" "}
          {file.problems
            .slice(0, 3)
            .map((p) => `row ${p.rowNumber}: ${p.message}`)
            .join("; ")}
          . Check the rows below the problem in the review.
        </div>
      )}

      <h3 className="subheading">Which row holds the column names?</h3>
      <p className="muted small">
        Rows above the header are skipped. Showing the first {preview.rows.length} of {formatNumber(preview.rowCount)} non-blank rows
        {file.format === "xlsx" ? ` of sheet “${file.sheets[preview.sheet]?.name}”` : ""}.
      </p>
      <div className="preview-scroll">
        <table className="table preview-table" aria-label="File preview">
          <thead>
            <tr>
              <th scope="col">Header</th>
              <th scope="col" className="num">
                Row
              </th>
              {Array.from({ length: width }, (_, c) => (
                <th key={c} scope="col">
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr
                key={r}
                className={r === headerRow ? "preview-header-row" : r < headerRow ? "row-muted preview-skipped" : undefined}
                onClick={() => onPick(r)}
              >
                <td>
                  <input
                    type="radio"
                    name="header-row"
                    checked={r === headerRow}
                    onChange={() => onPick(r)}
                    aria-label={`Row ${preview.rowNumbers[r]} is the header`}
                  />
                </td>
                <td className="num muted">{preview.rowNumbers[r]}</td>
                {Array.from({ length: width }, (_, c) => (
                  <td key={c} className="preview-cell">
                    {row[c] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="step-actions">
        <button type="button" className="btn" onClick={onBack}>
          Back
        </button>
        <span className={dataRows <= 0 ? "field-error" : "muted"} role={dataRows <= 0 ? "alert" : undefined}>
          {dataRows <= 0
            ? "No rows below this header row: pick a higher row as the header."
            : `${formatNumber(dataRows)} rows below the header`}
        </span>
        <button type="button" className="btn btn-primary" disabled={state.busy || dataRows <= 0} onClick={() => onConfirm(headerRow)}>
          {state.busy ? "Reading…" : "Continue to columns"}
        </button>
      </div>
    </section>
  );
}
