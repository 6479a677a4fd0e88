"use client";

import { createContext, useContext } from "react";
import { columnSizingFeature, createColumnHelper, tableFeatures } from "@tanstack/react-table";
import type { RowView } from "@/lib/upload-wizard/review-rows";

// What the review grid's parts share: its row type, its table features and the context through
// which cells reach the selection and the edit in progress (review-table.tsx provides it).

export type GridRow = { position: number; index: number; data: RowView | undefined };
export type Cursor = { position: number; column: number };
export type Editing = { row: number; field: string };

export const features = tableFeatures({ columnSizingFeature });
export type GridFeatures = typeof features;
export const helper = createColumnHelper<typeof features, GridRow>();

export type GridContextValue = {
  editing: Editing | null;
  selected: ReadonlySet<number>;
  toggle: (row: number) => void;
  startEdit: (row: number, field: string) => void;
  finishEdit: (value: string | null, move?: "down" | "next" | "previous") => void;
};
export const GridContext = createContext<GridContextValue | null>(null);
export function useGrid(): GridContextValue {
  const value = useContext(GridContext);
  if (!value) throw new Error("GridContext missing");
  return value;
}
