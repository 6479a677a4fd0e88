"use client";

import { useRef, useState } from "react";
import type { RowView } from "@/lib/upload-wizard/review-rows";
import { ROW_KEY } from "@/lib/upload-wizard/row-issues";
import { useGrid, type GridRow } from "@/components/upload/review-grid";

// The cells of the review grid. A field cell shows the value as the file has it and, beneath,
// the validation core's message for it; double-click, Enter or F2 edits it in place.

export function SelectCell({ row }: { row: GridRow }) {
  const { selected, toggle } = useGrid();
  const label = row.data ? `Select row ${row.data.rowNumber}` : "Select row";
  return <input type="checkbox" tabIndex={-1} aria-label={label} checked={selected.has(row.index)} onChange={() => toggle(row.index)} />;
}

const STATUS_TEXT = { valid: "Ready", invalid: "Has errors", duplicate: "Duplicate", refused: "Refused" } as const;

export function StatusCell({ row }: { row: GridRow }) {
  if (!row.data) return <span className="rg-skeleton" aria-label="Loading" />;
  const { status, issues } = row.data;
  const errorFields = Object.entries(issues).flatMap(([field, i]) => (i.level === "error" && field !== ROW_KEY ? [field] : []));
  const errors = Object.values(issues).filter((i) => i.level === "error").length;
  const warned = Object.values(issues).some((i) => i.level === "warning");
  const rowIssue = issues[ROW_KEY];
  const badge = status === "valid" ? (warned ? "badge-warning" : "badge-success") : "badge-danger";
  const text =
    status === "invalid"
      ? `${errors} ${errors === 1 ? "error" : "errors"}`
      : status === "refused" && isDuplicate(row)
        ? "In campaign"
        : STATUS_TEXT[status];
  return (
    <div className="rg-cell-stack">
      <span className={`badge ${badge}`}>
        {status === "valid" ? (warned ? "⚠ " : "✓ ") : "✕ "}
        {text}
      </span>
      {rowIssue ? (
        <span className={`rg-msg rg-msg-${rowIssue.level}`} title={rowIssue.message}>
          {rowIssue.message}
        </span>
      ) : (
        // Which columns to look at: the row may be wider than the screen.
        errorFields.length > 0 && (
          <span className="rg-fields" title={errorFields.join(", ")}>
            {errorFields.join(", ")}
          </span>
        )
      )}
    </div>
  );
}

export function FieldCell({ row, field }: { row: GridRow; field: string }) {
  const { editing } = useGrid();
  if (!row.data) return <span className="rg-skeleton" />;
  if (editing?.row === row.index && editing.field === field)
    return <CellEditor initial={row.data.cells[field] ?? ""} label={`${field}, row ${row.data.rowNumber}`} />;
  const value = row.data.cells[field] ?? "";
  const issue = row.data.issues[field];
  const edited = row.data.edited.includes(field);
  // Two elements at most: the grid renders a screen of these on every scroll step. The cell's
  // tooltip (the full value and message) is set on the cell itself (review-grid-row.tsx).
  return (
    <>
      <span className={`rg-value${value === "" ? " rg-blank" : ""}${edited ? " rg-was-edited" : ""}`}>
        {value === "" ? "blank" : value}
      </span>
      {issue && <span className={`rg-msg rg-msg-${issue.level}`}>{issue.message}</span>}
    </>
  );
}

/** A field cell's tooltip: the value in full and, when there is one, its problem. */
export function fieldTitle(row: RowView | undefined, field: string): string | undefined {
  if (!row) return undefined;
  const value = row.cells[field] ?? "";
  const issue = row.issues[field];
  const text = issue ? `${value || "(blank)"} — ${issue.message}` : value;
  return row.edited.includes(field) ? `${text} (edited here)` : text || undefined;
}

function CellEditor({ initial, label }: { initial: string; label: string }) {
  const { finishEdit } = useGrid();
  const [value, setValue] = useState(initial);
  // Enter/Escape finish the edit and unmount the input, which may also blur it: finish once.
  const finished = useRef(false);
  const finish = (next: string | null, move?: "down" | "next" | "previous") => {
    if (finished.current) return;
    finished.current = true;
    finishEdit(next, move);
  };
  return (
    <input
      className="rg-editor"
      aria-label={`Edit ${label}`}
      autoFocus
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onFocus={(e) => e.target.select()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") finish(value, "down");
        else if (e.key === "Tab") {
          e.preventDefault();
          finish(value, e.shiftKey ? "previous" : "next");
        } else if (e.key === "Escape") finish(null);
      }}
      onBlur={() => finish(value)}
    />
  );
}

function isDuplicate(row: GridRow): boolean {
  return Object.values(row.data?.issues ?? {}).some((i) => i.source === "campaign-duplicate");
}
