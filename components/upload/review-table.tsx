"use client";

import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { FieldDefinition } from "@/lib/campaigns/field-schema";
import type { RowView } from "@/lib/upload-wizard/review-rows";
import type { ReviewRowsWindow } from "@/components/upload/use-review-rows";
import { FieldCell, SelectCell, StatusCell } from "@/components/upload/review-cells";
import { cellId, GridRowView, ROW_HEIGHT } from "@/components/upload/review-grid-row";
import {
  features,
  GridContext,
  helper,
  type Cursor,
  type Editing,
  type GridContextValue,
  type GridRow,
} from "@/components/upload/review-grid";

// The review grid: TanStack Table 9 owns the columns (definitions, sizes, header and cell
// rendering), TanStack Virtual the geometry. Only the rows on screen exist in the DOM and in the
// table's data; the worker holds the rest. Keyboard: arrows move, Enter or F2 edits, Escape
// cancels, Tab and Shift+Tab go through the editable cells row after row, Space selects the row. Over 300 lines on purpose: the keyboard cursor, editing and the
// virtual window share one scroll container and its refs; the cells and rows are already apart.

/** Rows loaded around the window, and further in the direction of scrolling. */
const PREFETCH_ROWS = 40;
const PREFETCH_AHEAD = 160;
/**
 * Rows are keyed by their slot, position modulo this: a row scrolled out lends its elements to
 * the one scrolled in, so a scroll step changes text instead of building a screen of new
 * elements. Larger than any window (the grid is at most 640 px tall: ~11 rows and the overscan).
 */
const SLOTS = 64;
const HEADER_HEIGHT = 36;

type Props = {
  fields: FieldDefinition[];
  rows: ReviewRowsWindow;
  selected: ReadonlySet<number>;
  onToggle: (row: number) => void;
  onToggleAll: () => void;
  onEdit: (row: number, field: string, value: string) => void;
  emptyMessage: string;
  /** The field rows are known by (the identifier), pinned with the Row column. */
  pinnedField?: string | null;
  /** Every row with a problem, in file order (the worker's answer); "Next error" and F8 walk them. */
  errorRows: () => Promise<Int32Array>;
  hasErrors: boolean;
};

// Memoised: the review's figures change with every check the server answers; the grid only
// when its own inputs do.
export const ReviewTable = memo(function ReviewTable({
  fields,
  rows,
  selected,
  onToggle,
  onToggleAll,
  onEdit,
  emptyMessage,
  pinnedField = null,
  errorRows,
  hasErrors,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const view = rows.view;
  const count = view?.length ?? 0;

  const allSelected = count > 0 && selected.size >= count;
  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({
          id: "select",
          size: 44,
          header: () => (
            <input
              type="checkbox"
              aria-label="Select every row in this view"
              checked={allSelected}
              ref={(el) => {
                if (el) el.indeterminate = selected.size > 0 && !allSelected;
              }}
              onChange={onToggleAll}
            />
          ),
          cell: ({ row }) => <SelectCell row={row.original} />,
        }),
        helper.display({
          id: "row",
          size: 68,
          header: "Row",
          cell: ({ row }) => <span className="rg-rownum">{row.original.data?.rowNumber ?? ""}</span>,
        }),
        // The identifier comes right after Row, so the pinned columns are one block at the left.
        ...fieldColumns(fields.filter((f) => f.key === pinnedField)),
        helper.display({ id: "status", size: 150, header: "Status", cell: ({ row }) => <StatusCell row={row.original} /> }),
        ...fieldColumns(fields.filter((f) => f.key !== pinnedField)),
      ]),
    [fields, pinnedField, allSelected, selected.size, onToggleAll],
  );

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 2,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  const { ensure, getRow, tick } = rows;
  // Rows beyond the window are loaded too, most in the direction of scrolling, so scrolling on
  // finds them ready and renders each row once, with its data, instead of a placeholder first.
  const direction = virtualizer.scrollDirection;
  useEffect(() => {
    if (!view || last < first) return;
    const before = direction === "backward" ? PREFETCH_AHEAD : PREFETCH_ROWS;
    const after = direction === "forward" ? PREFETCH_AHEAD : PREFETCH_ROWS;
    ensure(Array.from(view.subarray(Math.max(0, first - before), Math.min(view.length, last + 1 + after))));
  }, [view, first, last, direction, ensure, tick]);

  // Rebuilt when the window moves or rows arrive (`tick`); stable while nothing changed.
  const data = useMemo<GridRow[]>(() => {
    if (!view || last < first) return [];
    return Array.from({ length: last - first + 1 }, (_, i) => ({
      position: first + i,
      index: view[first + i],
      data: getRow(view[first + i]),
    }));
  }, [view, first, last, tick, getRow]);

  const table = useTable({ features, columns, data, getRowId: (row) => String(row.index) });
  const leafColumns = table.getAllLeafColumns();
  const columnIds = leafColumns.map((c) => c.id);
  // Selection, Row and the identifier: the leading columns that stay put when scrolling right.
  const pinned = 2 + (fields.some((f) => f.key === pinnedField) ? 1 : 0);
  const statusColumn = columnIds.indexOf("status");

  const focusGrid = () => scroller.current?.focus({ preventScroll: true });
  const moveTo = useCallback(
    (next: Cursor) => {
      const position = Math.max(0, Math.min(count - 1, next.position));
      const column = Math.max(0, Math.min(columnIds.length - 1, next.column));
      setCursor({ position, column });
      virtualizer.scrollToIndex(position, { align: "auto" });
    },
    [count, columnIds.length, virtualizer],
  );

  useEffect(() => {
    if (!cursor) return;
    const frame = requestAnimationFrame(() =>
      document.getElementById(cellId(cursor.position, cursor.column))?.scrollIntoView({ block: "nearest", inline: "nearest" }),
    );
    return () => cancelAnimationFrame(frame);
  }, [cursor]);

  const editableFields = useMemo(() => new Set(fields.map((f) => f.key)), [fields]);
  // The cursor starts on the first field (the identifier when it is pinned).
  const firstField = Math.max(
    0,
    columnIds.findIndex((id) => editableFields.has(id)),
  );
  const editableRef = useRef(editableFields);
  editableRef.current = editableFields;

  // The cursor is read through a ref so that moving it does not re-render every cell.
  const cursorRef = useRef(cursor);
  cursorRef.current = cursor;
  const context = useMemo<GridContextValue>(
    () => ({
      editing,
      selected,
      toggle: onToggle,
      startEdit: (row, field) => setEditing({ row, field }),
      finishEdit: (value, move) => {
        if (editing && value !== null) onEdit(editing.row, editing.field, value);
        setEditing(null);
        focusGrid();
        const at = cursorRef.current;
        if (!move || !at) return;
        if (move === "down") return moveTo({ ...at, position: at.position + 1 });
        const next = tabTarget(at, columnIds, editableRef.current, count, move === "previous");
        if (next) moveTo(next);
      },
    }),
    [editing, selected, onToggle, onEdit, moveTo],
  );

  // The next row with a problem after the cursor (wrapping to the first), on its first bad cell.
  const goNextError = async () => {
    if (!view || count === 0) return;
    const errors = await errorRows();
    const from = cursorRef.current ? view[cursorRef.current.position] : -1;
    let target = -1;
    for (const pass of [(row: number) => row > from, () => true]) {
      for (const row of errors) {
        const position = pass(row) ? positionIn(view, row) : -1;
        if (position >= 0) {
          target = position;
          break;
        }
      }
      if (target >= 0) break;
    }
    if (target < 0) return;
    const data = getRow(view[target]);
    const column = data ? columnIds.findIndex((id) => data.issues[id]?.level === "error") : -1;
    // Focus first: the grid's onFocus puts a missing cursor on the first row, which this then moves.
    focusGrid();
    moveTo({ position: target, column: column >= 0 ? column : statusColumn });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "F8" && !editing) {
      event.preventDefault();
      void goNextError();
      return;
    }
    if (editing || count === 0 || !view) return;
    const at = cursor ?? { position: 0, column: firstField };
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, Cursor> = {
      ArrowDown: { ...at, position: at.position + 1 },
      ArrowUp: { ...at, position: at.position - 1 },
      ArrowRight: { ...at, column: at.column + 1 },
      ArrowLeft: { ...at, column: at.column - 1 },
      PageDown: { ...at, position: at.position + page },
      PageUp: { ...at, position: at.position - page },
      Home: event.ctrlKey ? { position: 0, column: at.column } : { ...at, column: 0 },
      End: event.ctrlKey ? { position: count - 1, column: at.column } : { ...at, column: columnIds.length - 1 },
    };
    if (event.key === "Tab" && !event.altKey && !event.ctrlKey && !event.metaKey) {
      // Across the editable cells, row after row; past the last (or before the first) Tab leaves the grid.
      const next = cursor ? tabTarget(at, columnIds, editableFields, count, event.shiftKey) : at;
      if (next) {
        event.preventDefault();
        moveTo(next);
      }
      return;
    }
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      return moveTo(cursor ? target : at);
    }
    const field = columnIds[at.column];
    if ((event.key === "Enter" || event.key === "F2") && cursor && fields.some((f) => f.key === field)) {
      event.preventDefault();
      setEditing({ row: view[at.position], field });
    } else if (event.key === " " && cursor) {
      event.preventDefault();
      onToggle(view[at.position]);
    }
  };

  const pointCell = useCallback((position: number, column: number) => setCursor({ position, column }), []);
  const editCell = useCallback((row: number, field: string) => setEditing({ row, field }), []);
  const totalWidth = table.getTotalSize();
  const headerCell = (header: ReturnType<typeof table.getFlatHeaders>[number]) => (
    <div key={header.id} className="rg-th" role="columnheader" style={{ width: header.getSize() }}>
      <table.FlexRender header={header} />
    </div>
  );
  const detail = cursor && view && cursor.position < count ? describeCell(getRow(view[cursor.position]), columnIds[cursor.column]) : null;
  return (
    <GridContext.Provider value={context}>
      <div className="rg-actions">
        <button type="button" className="btn btn-sm" disabled={!hasErrors || count === 0} onClick={() => void goNextError()}>
          Next error <kbd>F8</kbd>
        </button>
      </div>
      <div
        ref={scroller}
        className="rg-scroll"
        role="grid"
        aria-label="Rows to review"
        aria-rowcount={count + 1}
        aria-colcount={columnIds.length}
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={cursor && !editing ? cellId(cursor.position, cursor.column) : undefined}
        // A short file gets a short grid; a long one scrolls inside two-thirds of the screen.
        style={{ height: `min(62vh, 640px, ${HEADER_HEIGHT + Math.max(count, 2) * ROW_HEIGHT + 2}px)` }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (!cursor && count > 0) setCursor({ position: 0, column: firstField });
        }}
      >
        <div className="rg-head" role="rowgroup" style={{ width: totalWidth }}>
          {table.getHeaderGroups().map((group) => (
            <div key={group.id} className="rg-row rg-head-row" role="row" aria-rowindex={1}>
              <div className="rg-pin">{group.headers.slice(0, pinned).map(headerCell)}</div>
              {group.headers.slice(pinned).map(headerCell)}
            </div>
          ))}
        </div>
        {count === 0 && view !== null ? (
          <p className="rg-empty">{emptyMessage}</p>
        ) : (
          <div className="rg-body" role="rowgroup" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
            {table.getRowModel().rows.map((row, i) => (
              <GridRowView
                key={items[i].index % Math.max(SLOTS, items.length)}
                row={row}
                data={row.original.data}
                start={items[i].start}
                position={items[i].index}
                selected={selected.has(row.original.index)}
                activeColumn={cursor?.position === items[i].index ? cursor.column : -1}
                editing={editing?.row === row.original.index ? editing.field : null}
                columns={columns}
                editable={editableFields}
                pinned={pinned}
                onPointCell={pointCell}
                onEditCell={editCell}
              />
            ))}
          </div>
        )}
      </div>
      <p className="rg-detail" aria-live="polite">
        {detail ?? "Select a cell to see its value and problem in full here."}
      </p>
    </GridContext.Provider>
  );
});

function fieldColumns(fields: readonly FieldDefinition[]) {
  return fields.map((field) =>
    helper.accessor((row) => row.data?.cells[field.key] ?? "", {
      id: field.key,
      size: widthOf(field),
      header: () => (
        <span title={field.label}>
          {field.key}
          {field.required ? (
            <span className="rg-required" aria-label="required">
              *
            </span>
          ) : null}
        </span>
      ),
      cell: ({ row }) => <FieldCell row={row.original} field={field.key} />,
    }),
  );
}

/** Where row `row` sits in `view` (ascending file order), or -1. */
function positionIn(view: Int32Array, row: number): number {
  let low = 0;
  let high = view.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (view[middle] === row) return middle;
    if (view[middle] < row) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The active cell in words, beneath the grid: the full message the cell can only abbreviate. */
function describeCell(row: RowView | undefined, column: string | undefined): string | null {
  if (!row || !column) return null;
  const where = `Row ${row.rowNumber}`;
  if (column === "select" || column === "row") return `${where}: ${row.status === "valid" ? "ready to add" : "has problems"}`;
  if (column === "status") {
    const messages = Object.entries(row.issues)
      .filter(([, i]) => i.level === "error")
      .map(([field, i]) => (field ? `${field}: ${i.message}` : i.message));
    return messages.length ? `${where}: ${messages.join(" · ")}` : `${where}: ready to add`;
  }
  const value = row.cells[column] ?? "";
  const issue = row.issues[column];
  return `${where} · ${column} = ${value === "" ? "(blank)" : `“${value}”`}${issue ? ` — ${issue.message}` : " — no problem"}`;
}

// Wide enough for a value and two lines of its message ("Invalid phone_number '12345': too short").
function widthOf(field: FieldDefinition): number {
  if (field.type === "phone") return 240;
  if (field.type === "date" || field.type === "datetime" || field.type === "enum") return 220;
  return Math.min(260, Math.max(170, field.key.length * 9 + 60));
}

/** The next editable cell after `at` (before it, `backwards`), wrapping to the next row; null past either end. */
function tabTarget(
  at: { position: number; column: number },
  columnIds: readonly string[],
  editable: ReadonlySet<string>,
  rows: number,
  backwards: boolean,
): { position: number; column: number } | null {
  const step = backwards ? -1 : 1;
  let { position, column } = at;
  for (let tries = 0; tries <= columnIds.length; tries++) {
    column += step;
    if (column >= columnIds.length) [position, column] = [position + 1, 0];
    if (column < 0) [position, column] = [position - 1, columnIds.length - 1];
    if (position < 0 || position >= rows) return null;
    if (editable.has(columnIds[column])) return { position, column };
  }
  return null;
}
