"use client";

import type { HistoryState } from "@/lib/upload-wizard/edit-history";
import type { RowCounts, RowFilter } from "@/lib/upload-wizard/review-rows";
import { formatNumber } from "@/components/ui/format";

type Props = {
  counts: RowCounts;
  filter: RowFilter;
  onFilter: (filter: RowFilter) => void;
  history: HistoryState;
  onUndo: () => void;
  onRedo: () => void;
  selectedCount: number;
  onRemove: () => void;
  replacing: boolean;
  onToggleReplace: () => void;
  onDownloadErrors: () => void;
};

// Filters (status, then error type, each with its count) and the table's actions.
export function ReviewToolbar({
  counts,
  filter,
  onFilter,
  history,
  onUndo,
  onRedo,
  selectedCount,
  onRemove,
  replacing,
  onToggleReplace,
  onDownloadErrors,
}: Props) {
  const problems = counts.rows - counts.valid;
  const tabs: { status: RowFilter["status"]; label: string; count: number }[] = [
    { status: "all", label: "All", count: counts.rows },
    { status: "errors", label: "With errors", count: problems },
    { status: "valid", label: "Valid", count: counts.valid },
  ];
  const selectedCategory = filter.category;
  const known = counts.categories.some((c) => c.key === selectedCategory);

  return (
    <div className="review-toolbar">
      <div className="segmented" role="radiogroup" aria-label="Show rows">
        {tabs.map((tab) => (
          <button
            key={tab.status}
            type="button"
            role="radio"
            aria-checked={filter.status === tab.status}
            className={filter.status === tab.status ? "active" : undefined}
            onClick={() => onFilter({ status: tab.status, category: filter.category })}
          >
            {tab.label} <span className="count">{formatNumber(tab.count)}</span>
          </button>
        ))}
      </div>
      <label className="field inline toolbar-select">
        <span className="visually-hidden">Error type</span>
        <select
          value={selectedCategory ?? ""}
          onChange={(e) => onFilter({ status: filter.status, category: e.target.value || null })}
          aria-label="Error type"
        >
          <option value="">Every error type</option>
          {counts.categories.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label} ({formatNumber(c.count)})
            </option>
          ))}
          {selectedCategory && !known && <option value={selectedCategory}>(none left)</option>}
        </select>
      </label>
      <div className="toolbar-actions">
        <button type="button" className={`btn btn-sm${replacing ? " btn-pressed" : ""}`} aria-pressed={replacing} onClick={onToggleReplace}>
          Find &amp; replace
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!history.undo}
          title={history.undo ? `Undo: ${history.undo} (Ctrl+Z)` : "Nothing to undo"}
          onClick={onUndo}
        >
          ↶ Undo
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!history.redo}
          title={history.redo ? `Redo: ${history.redo} (Ctrl+Y)` : "Nothing to redo"}
          onClick={onRedo}
        >
          ↷ Redo
        </button>
        <button type="button" className="btn btn-sm btn-danger" disabled={selectedCount === 0} onClick={onRemove}>
          Remove {selectedCount > 0 ? formatNumber(selectedCount) : ""} {selectedCount === 1 ? "row" : "rows"}
        </button>
        <button type="button" className="btn btn-sm" disabled={problems === 0} onClick={onDownloadErrors}>
          Download rows with errors
        </button>
      </div>
    </div>
  );
}
