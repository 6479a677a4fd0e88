import { describe, expect, it } from "vitest";
import type { SubmitProgress } from "./chunked-submit";
import type { UploadOutcome } from "./submit-ledger";
import { initialWizardState, wizardReducer, type WizardEvent, type WizardState } from "./wizard-state";
import type { FileSummary, ReviewState, SheetPreview } from "./worker-protocol";

const csv: FileSummary = {
  fileName: "march.csv",
  size: 120,
  format: "delimited",
  encoding: { detected: "utf-8", used: "utf-8", hadBom: false },
  delimiter: { detected: ",", used: "," },
  problems: [],
  sheets: [{ name: "march.csv", rowCount: 3 }],
};
const book: FileSummary = {
  ...csv,
  fileName: "book.xlsx",
  format: "xlsx",
  encoding: null,
  delimiter: null,
  sheets: [
    { name: "A", rowCount: 2 },
    { name: "B", rowCount: 9 },
  ],
};
const preview: SheetPreview = {
  sheet: 0,
  rows: [["Title"], ["phone", "name"], ["98", "A"]],
  rowNumbers: [1, 2, 3],
  rowCount: 3,
  detectedHeader: 1,
};
const columns = [
  { index: 0, header: "phone", label: "phone", samples: ["98"] },
  { index: 1, header: "name", label: "name", samples: ["A"] },
];
const counts = { rows: 1, removed: 0, valid: 1, invalid: 0, duplicates: 0, refused: 0, warnings: 0, unchecked: 1, categories: [] };
const review: ReviewState = { counts, history: { undo: null, redo: null }, structural: true, changed: null };
const progress: SubmitProgress = {
  phase: "finished",
  chunk: 1,
  chunks: 1,
  rows: 1,
  sent: 1,
  added: 1,
  rejected: 0,
  error: null,
  uploadJobId: "job_1",
};
const outcome = { received: 1, removed: 0, added: 1 } as UploadOutcome;

function run(...events: WizardEvent[]): WizardState {
  return events.reduce(wizardReducer, initialWizardState);
}

const toReview: WizardEvent[] = [
  { type: "fileOpened", file: csv, preview },
  { type: "headerConfirmed", columns, dataRows: 1, mapping: { 0: "phone_number", 1: null } },
  { type: "reviewReady", review },
];

describe("wizard state machine", () => {
  it("walks upload → header → map → review → submit → done for a CSV", () => {
    expect(initialWizardState).toEqual({ step: "upload", busy: false, error: null });
    const header = run({ type: "busy" }, toReview[0]);
    expect(header).toMatchObject({ step: "header", busy: false, headerRow: 1, file: csv });
    expect(run(...toReview.slice(0, 2))).toMatchObject({ step: "map", dataRows: 1, mapping: { 0: "phone_number", 1: null } });
    const submit = run(...toReview, { type: "submitOpened" });
    expect(submit).toMatchObject({ step: "submit", progress: null });
    const done = run(...toReview, { type: "submitOpened" }, { type: "submitProgress", progress }, { type: "finished", outcome });
    expect(done).toMatchObject({ step: "done", outcome, progress });
  });

  it("asks for a sheet when a workbook has several", () => {
    const sheet = run({ type: "fileOpened", file: book, preview: null });
    expect(sheet).toMatchObject({ step: "sheet", file: book });
    expect(wizardReducer(sheet, { type: "sheetChosen", preview: { ...preview, sheet: 1 } })).toMatchObject({
      step: "header",
      preview: { sheet: 1 },
      headerRow: 1,
    });
  });

  it("lets the operator pick another header row inside the preview only, and re-reads reset it", () => {
    const header = run(toReview[0]);
    expect(wizardReducer(header, { type: "headerPicked", headerRow: 0 })).toMatchObject({ headerRow: 0 });
    expect(wizardReducer(header, { type: "headerPicked", headerRow: 3 })).toBe(header);
    const reread = wizardReducer(wizardReducer(header, { type: "headerPicked", headerRow: 0 }), {
      type: "fileReread",
      file: { ...csv, delimiter: { detected: ",", used: ";" } },
      preview: { ...preview, detectedHeader: 2 },
    });
    expect(reread).toMatchObject({ step: "header", headerRow: 2, file: { delimiter: { used: ";" } } });
  });

  it("moves a field to the column it is chosen for", () => {
    const map = run(...toReview.slice(0, 2));
    const moved = wizardReducer(map, { type: "columnMapped", column: 1, field: "phone_number" });
    expect(moved).toMatchObject({ mapping: { 0: null, 1: "phone_number" } });
    expect(wizardReducer(moved, { type: "columnMapped", column: 1, field: null })).toMatchObject({ mapping: { 0: null, 1: null } });
  });

  it("ignores events that do not belong to the current step", () => {
    const upload = run();
    expect(wizardReducer(upload, { type: "reviewReady", review })).toBe(upload);
    expect(wizardReducer(upload, { type: "submitOpened" })).toBe(upload);
    const map = run(...toReview.slice(0, 2));
    expect(wizardReducer(map, { type: "fileOpened", file: csv, preview })).toBe(map);
    expect(wizardReducer(map, { type: "finished", outcome })).toBe(map);
  });

  it("returns to the options with the server's message when it refuses the first chunk", () => {
    const sending = run(
      ...toReview,
      { type: "submitOpened" },
      { type: "submitProgress", progress: { ...progress, phase: "failed", sent: 0 } },
    );
    const refused = wizardReducer(sending, { type: "submitRefused", error: "Validation failed: agent not found" });
    expect(refused).toMatchObject({ step: "submit", progress: null, error: "Validation failed: agent not found" });
    expect(wizardReducer(refused, { type: "back" })).toMatchObject({ step: "review", error: null });
  });

  it("does not open the submit step without a valid row", () => {
    const none = run(...toReview.slice(0, 2), { type: "reviewReady", review: { ...review, counts: { ...counts, valid: 0, invalid: 1 } } });
    expect(wizardReducer(none, { type: "submitOpened" })).toBe(none);
  });

  it("goes back one step at a time, keeping earlier choices, but never out of a started upload", () => {
    const submit = run(...toReview, { type: "submitOpened" });
    const review1 = wizardReducer(submit, { type: "back" });
    expect(review1).toMatchObject({ step: "review" });
    expect(review1).not.toHaveProperty("progress");
    const map = wizardReducer(review1, { type: "back" });
    expect(map).toMatchObject({ step: "map", mapping: { 0: "phone_number" } });
    expect(map).not.toHaveProperty("review");
    const header = wizardReducer(map, { type: "back" });
    expect(header).toMatchObject({ step: "header", headerRow: 1 });
    expect(header).not.toHaveProperty("columns");
    expect(wizardReducer(header, { type: "back" })).toEqual(initialWizardState);

    const bookHeader = run({ type: "fileOpened", file: book, preview: null }, { type: "sheetChosen", preview });
    expect(wizardReducer(bookHeader, { type: "back" })).toMatchObject({ step: "sheet", file: book });

    const sending = wizardReducer(submit, { type: "submitProgress", progress: { ...progress, phase: "sending" } });
    expect(wizardReducer(sending, { type: "back" })).toBe(sending);
  });

  it("keeps the step on failure, shows the message, and clears it on the next success", () => {
    const failed = run({ type: "busy" }, { type: "failed", error: "This file is empty." });
    expect(failed).toEqual({ step: "upload", busy: false, error: "This file is empty." });
    expect(wizardReducer(failed, toReview[0])).toMatchObject({ step: "header", error: null });
    expect(wizardReducer(failed, { type: "dismissError" })).toMatchObject({ error: null });
    expect(wizardReducer(run(...toReview), { type: "restart" })).toEqual(initialWizardState);
  });
});

describe("the value step", () => {
  const toValues: WizardEvent[] = [toReview[0], toReview[1], { type: "valuesOpened" }];

  it("comes between the columns and the review, and back returns to it from the review", () => {
    expect(run(...toValues).step).toBe("values");
    const reviewed = run(...toValues, { type: "reviewReady", review });
    expect(reviewed).toMatchObject({ step: "review", viaValues: true });
    expect(wizardReducer(reviewed, { type: "back" }).step).toBe("values");
    expect(run(...toValues, { type: "back" }).step).toBe("map");
  });

  it("is skipped when the file has no values to map: back from the review goes to the columns", () => {
    const reviewed = run(...toReview);
    expect(reviewed.step).toBe("review");
    expect(wizardReducer(reviewed, { type: "back" }).step).toBe("map");
  });

  it("a resumed review goes back where it came from: the values when they were shown, else the columns", () => {
    const resumed = (viaValues: boolean): WizardEvent => ({
      type: "resumed",
      step: "review",
      file: csv,
      preview,
      headerRow: 1,
      columns,
      dataRows: 1,
      mapping: { 0: "phone_number", 1: null },
      review,
      viaValues,
    });
    expect(wizardReducer(run(resumed(true)), { type: "back" })).toMatchObject({ step: "values", mapping: { 0: "phone_number" } });
    expect(wizardReducer(run(resumed(false)), { type: "back" }).step).toBe("map");
  });

  it("opens only from the columns", () => {
    expect(run(toReview[0], { type: "valuesOpened" }).step).toBe("header");
    expect(run(...toReview, { type: "valuesOpened" }).step).toBe("review");
  });
});
