// Picks the field delimiter of a delimited text file. Papaparse's guess prefers `,` when a
// `;` file has decimal commas in every column (European Excel exports), and its
// maintainers' answer is "specify it"; so we guess by consistency and the UI offers an override.

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The delimiter that splits the first records into the same number of fields most
 * consistently (quote-aware, RFC 4180). Ties go to the wider split, then to list order.
 * A file with a single column gives `,`.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const truncated = sample.length < text.length;
  let best: { delimiter: Delimiter; consistency: number; width: number } | null = null;

  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(sample, delimiter, truncated);
    if (counts.length === 0) continue;
    const width = modalValue(counts);
    if (width < 2) continue;
    const consistency = counts.filter((c) => c === width).length / counts.length;
    if (!best || isBetter(consistency, width, best)) best = { delimiter, consistency, width };
  }
  return best?.delimiter ?? ",";
}

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 100;
const QUOTE = 34;
const CR = 13;
const LF = 10;

function isBetter(consistency: number, width: number, best: { consistency: number; width: number }): boolean {
  if (Math.abs(consistency - best.consistency) > 1e-9) return consistency > best.consistency;
  return width > best.width;
}

/** Field count of each non-blank record in the sample, as an RFC 4180 reader would split it. */
function fieldCounts(text: string, delimiter: string, truncated: boolean): number[] {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const counts: number[] = [];
  let fields = 1;
  let blank = true;
  let i = 0;

  while (i < n && counts.length < SAMPLE_RECORDS) {
    // At the start of a field: a quote opens a quoted field, which may hold delimiters and newlines.
    if (text.charCodeAt(i) === QUOTE) {
      blank = false;
      i++;
      while (i < n) {
        if (text.charCodeAt(i) === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) i += 2;
          else break;
        } else i++;
      }
      i++; // closing quote
    }
    // Unquoted rest of the field, up to a delimiter or the end of the record.
    let endOfRecord = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === d) {
        fields++;
        i++;
        break;
      }
      if (c === LF || c === CR) {
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        endOfRecord = true;
        break;
      }
      if (c !== 32) blank = false;
      i++;
    }
    if (endOfRecord || i >= n) {
      const lastAndCut = i >= n && !endOfRecord && truncated;
      if (!(fields === 1 && blank) && !lastAndCut) counts.push(fields);
      fields = 1;
      blank = true;
    }
  }
  return counts;
}

function modalValue(values: number[]): number {
  const tally = new Map<number, number>();
  let mode = values[0];
  for (const v of values) {
    const t = (tally.get(v) ?? 0) + 1;
    tally.set(v, t);
    if (t > (tally.get(mode) ?? 0) || (t === tally.get(mode) && v > mode)) mode = v;
  }
  return mode;
}
