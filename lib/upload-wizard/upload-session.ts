import { buildErrorReport } from "@/lib/spreadsheet/error-report";
import { ReadingPhase } from "./reading-phase";
import { ReviewPhase } from "./review-phase";
import { SubmissionPhase } from "./submission-phase";

// Everything the Web Worker knows about one upload, in three phases: the file as read (sheet,
// header row), the mapped rows under review with their edit history and campaign check, and
// the submission with its ledger. The main thread only ever holds summaries and the rows on
// screen; each phase starts over when an earlier one changes.

export class UploadSession {
  readonly reading = new ReadingPhase();
  readonly review: ReviewPhase;
  readonly submission: SubmissionPhase;

  constructor(fetch: typeof globalThis.fetch = (...args) => globalThis.fetch(...args)) {
    this.review = new ReviewPhase(this.reading, fetch);
    this.submission = new SubmissionPhase(this.review, fetch);
  }

  open(...args: Parameters<ReadingPhase["open"]>) {
    this.restartAfterReading();
    return this.reading.open(...args);
  }

  reopen(...args: Parameters<ReadingPhase["reopen"]>) {
    this.restartAfterReading();
    return this.reading.reopen(...args);
  }

  selectSheet(sheet: number) {
    if (sheet !== this.reading.sheet) this.restartAfterReading();
    return this.reading.selectSheet(sheet);
  }

  async reviewRows(...args: Parameters<ReviewPhase["review"]>) {
    this.submission.reset();
    return this.review.review(...args);
  }

  /** "review": rows with errors now; "outcome": every row that did not end up in the campaign. */
  report(kind: "review" | "outcome"): { csv: string; rows: number } {
    const rows = this.review.reviewRows();
    const sheet = this.reading.currentSheet();
    const picked: { row: number; errors: string[] }[] = [];
    if (kind === "outcome") {
      const ledger = this.submission.current();
      for (const row of ledger.unadded()) picked.push({ row, errors: ledger.reason(row) ?? [] });
    } else {
      for (let row = 0; row < rows.size; row++)
        if (!rows.isRemoved(row) && rows.status(row) !== "valid") picked.push({ row, errors: rows.errors(row) });
    }
    const columnOf = new Map(
      Object.entries(this.review.mapping).flatMap(([column, field]) => (field === null ? [] : [[field, Number(column)] as const])),
    );
    const report = picked.map(({ row, errors }) => {
      const cells = [...(sheet.rows[this.reading.headerRow + 1 + row] ?? [])];
      // The operator's fixes go back into their own columns, so the file can be uploaded again.
      for (const field of rows.editedFields(row)) cells[columnOf.get(field)!] = rows.cell(row, field);
      return { rowNumber: rows.rowNumber(row), cells, errors };
    });
    return { csv: buildErrorReport(sheet.rows[this.reading.headerRow] ?? [], report), rows: report.length };
  }

  private restartAfterReading() {
    this.review.reset();
    this.submission.reset();
  }
}
