"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { RowFilter, RowView } from "@/lib/upload-wizard/review-rows";
import type { UploadWorkerClient } from "@/lib/upload-wizard/worker-client";

// The review table's window onto rows that live in the Web Worker: the row indexes of the
// current filter (an Int32Array, cheap even at 100,000) and a cache of the rows on screen.
// After an edit the cache goes stale, not empty: rows stay visible until their update arrives.

export type ReviewRowsWindow = {
  /** Row indexes shown for the filter, in file order; null while the first selection runs. */
  view: Int32Array | null;
  getRow: (index: number) => RowView | undefined;
  /** Loads rows missing from the cache or older than the last change. */
  ensure: (indexes: readonly number[]) => void;
  /** Marks cached rows stale: these, or every one (after an edit, a replace or a check). */
  invalidate: (rows?: readonly number[] | null) => void;
  /** Changes whenever rows arrive or go stale, for effects and memos. */
  tick: number;
};

/** Rows a table's first screen shows and prefetches (review-table.tsx: the window, its overscan and prefetch). */
const FIRST_ROWS = 80;

export function useReviewRows(client: UploadWorkerClient, filter: RowFilter, selection: number): ReviewRowsWindow {
  const [view, setView] = useState<Int32Array | null>(null);
  const [tick, setTick] = useState(0);
  const cache = useRef(new Map<number, { row: RowView; generation: number }>());
  const requested = useRef(new Map<number, number>());
  const generation = useRef(0);

  useEffect(() => {
    let live = true;
    const asked = generation.current;
    // The first screen's rows come with the selection: the table opens with them, not empty rows.
    void client.call("select", { filter, first: FIRST_ROWS }).then(({ rows, first }) => {
      if (!live) return;
      for (const row of first) {
        const cached = cache.current.get(row.index);
        if (!cached || cached.generation <= asked) cache.current.set(row.index, { row, generation: asked });
      }
      setView(rows);
    });
    return () => {
      live = false;
    };
    // `selection` changes when rows were removed or restored: the same filter selects anew.
  }, [client, filter, selection]);

  const ensure = useCallback(
    (indexes: readonly number[]) => {
      const current = generation.current;
      const needed = indexes.filter(
        (i) => (cache.current.get(i)?.generation ?? -1) < current && (requested.current.get(i) ?? -1) < current,
      );
      if (needed.length === 0) return;
      for (const i of needed) requested.current.set(i, current);
      void client.call("rows", { rows: needed }).then(
        ({ rows }) => {
          for (const row of rows) {
            const cached = cache.current.get(row.index);
            if (!cached || cached.generation <= current) cache.current.set(row.index, { row, generation: current });
          }
          setTick((t) => t + 1);
        },
        () => {
          for (const i of needed) requested.current.delete(i);
        },
      );
    },
    [client],
  );

  const invalidate = useCallback((rows?: readonly number[] | null) => {
    if (rows) {
      if (rows.length === 0) return;
      for (const row of rows) {
        cache.current.delete(row);
        requested.current.delete(row);
      }
    } else {
      generation.current++;
    }
    setTick((t) => t + 1);
  }, []);

  const getRow = useCallback((index: number) => cache.current.get(index)?.row, []);

  return useMemo(() => ({ view, getRow, ensure, invalidate, tick }), [view, getRow, ensure, invalidate, tick]);
}
