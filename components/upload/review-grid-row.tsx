"use client";

import { memo } from "react";
import { FlexRender, type Row } from "@tanstack/react-table";
import type { RowView } from "@/lib/upload-wizard/review-rows";
import type { GridFeatures, GridRow } from "@/components/upload/review-grid";
import { fieldTitle } from "@/components/upload/review-cells";

type Props = {
  row: Row<GridFeatures, GridRow>;
  /** The row's data: when neither it nor the props below change, the row is not rendered again. */
  data: RowView | undefined;
  start: number;
  position: number;
  selected: boolean;
  /** The cursor's column when it is on this row, else -1. */
  activeColumn: number;
  editing: string | null;
  columns: unknown;
  editable: ReadonlySet<string>;
  /** How many leading columns stay in view when scrolling right: one sticky block, not a sticky cell each. */
  pinned: number;
  onPointCell: (position: number, column: number) => void;
  onEditCell: (row: number, field: string) => void;
};

/** Fixed, so 100,000 rows need no measuring: a value and two lines of its message. */
export const ROW_HEIGHT = 62;

export function cellId(position: number, column: number): string {
  return `rg-${position}-${column}`;
}

// One row of the review grid. Scrolling re-renders only the rows that come into view: a row
// already on screen keeps its data object, position and state, so memo skips it; a row that
// comes into view reuses the elements of one that left (its slot), changing their text only.
export const GridRowView = memo(
  function GridRowView({ row, data, start, position, selected, activeColumn, onPointCell, onEditCell, editable, pinned }: Props) {
    const cells = row.getAllCells();
    const renderCell = (cell: (typeof cells)[number], c: number) => {
      const issue = data?.issues[cell.column.id];
      return (
        <div
          // By column: a row recycled for another file row (review-table.tsx) keeps its cells.
          key={cell.column.id}
          id={cellId(position, c)}
          title={editable.has(cell.column.id) ? fieldTitle(data, cell.column.id) : undefined}
          role="gridcell"
          aria-invalid={issue?.level === "error" || undefined}
          className={`rg-td${activeColumn === c ? " rg-active" : ""}${issue ? ` rg-${issue.level}` : ""}`}
          style={{ width: cell.column.getSize() }}
          onMouseDown={() => onPointCell(position, c)}
          onDoubleClick={() => editable.has(cell.column.id) && onEditCell(row.original.index, cell.column.id)}
        >
          <FlexRender cell={cell} />
        </div>
      );
    };
    return (
      <div
        className={`rg-row rg-${data?.status ?? "loading"}${selected ? " rg-selected" : ""}`}
        role="row"
        aria-rowindex={position + 2}
        aria-selected={selected}
        style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      >
        <div className="rg-pin">{cells.slice(0, pinned).map(renderCell)}</div>
        {cells.slice(pinned).map((cell, c) => renderCell(cell, c + pinned))}
      </div>
    );
  },
  (a, b) =>
    a.data === b.data &&
    a.start === b.start &&
    a.position === b.position &&
    a.selected === b.selected &&
    a.activeColumn === b.activeColumn &&
    a.editing === b.editing &&
    a.columns === b.columns &&
    a.pinned === b.pinned &&
    a.editable === b.editable,
);
