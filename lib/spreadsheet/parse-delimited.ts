import Papa from "papaparse";
import { detectDelimiter, type Delimiter } from "./detect-delimiter";
import { compactRows, type TextGrid } from "./text-grid";

// Splits decoded CSV/TSV text into a grid of cell text. Every cell stays a string (no
// dynamicTyping): leading zeros, 12-digit phones and ids survive, and a value Excel already
// mangled (`9.19877E+11`) reaches the validator as written so it can say why it is wrong.

export type ParsedDelimited = TextGrid & {
  delimiter: Delimiter;
  /** Non-blank rows, header row(s) included. */
  rowCount: number;
  /** Quote problems; an unclosed quote swallows the rest of the file, so it must be shown. */
  problems: DelimitedProblem[];
};

export type DelimitedProblem = { rowNumber: number; code: string; message: string };

export function parseDelimited(text: string, options: { delimiter?: Delimiter } = {}): ParsedDelimited {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(source);
  const result = Papa.parse<string[]>(source, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    // Blank rows are removed after parsing so each kept row still knows its row number.
    skipEmptyLines: false,
  });
  const grid = compactRows(result.data);
  return {
    ...grid,
    delimiter,
    rowCount: grid.rows.length,
    problems: result.errors.map((e) => ({ rowNumber: (e.row ?? 0) + 1, code: e.code, message: e.message })),
  };
}
