// The shape every reader (CSV, XLSX) hands to header detection and mapping: cell text only,
// blank rows removed, and each kept row's number in the file so error reports can point
// the operator at the row they see in Excel.

export type TextGrid = {
  rows: string[][];
  /** 1-based row number in the file of rows[i], as a spreadsheet app numbers it. */
  rowNumbers: number[];
};

/** Drops rows whose cells are all blank, remembering where the kept rows were. */
export function compactRows(rows: string[][]): TextGrid {
  const kept: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (isBlankRow(rows[i])) continue;
    kept.push(rows[i]);
    rowNumbers.push(i + 1);
  }
  return { rows: kept, rowNumbers };
}

export function isBlankRow(row: readonly string[]): boolean {
  for (const cell of row) if (cell.trim() !== "") return false;
  return true;
}
