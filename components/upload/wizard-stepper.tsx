import { STEPS, type StepName, type WizardState } from "@/lib/upload-wizard/wizard-state";

const LABELS: Record<StepName, string> = {
  upload: "File",
  sheet: "Sheet",
  header: "Header row",
  map: "Columns",
  values: "Values",
  review: "Review",
  submit: "Submit",
  done: "Done",
};

// Where the operator is. The campaign was chosen before (it is in the URL); the sheet step only
// exists for workbooks with several sheets.
export function WizardStepper({ state }: { state: WizardState }) {
  const current = STEPS.indexOf(state.step);
  const singleSheet = "file" in state && state.file.sheets.filter((s) => s.rowCount > 0).length <= 1;
  // The value step only exists for files with values outside a field's enum.
  const withValues = state.step === "values" || ("viaValues" in state && state.viaValues === true);
  const steps = STEPS.filter((step) => (step !== "sheet" || !singleSheet) && (step !== "values" || withValues));
  return (
    <ol className="stepper" aria-label="Upload steps">
      <li className="stepper-step done">
        <span className="stepper-dot" aria-hidden>
          ✓
        </span>{" "}
        Campaign
      </li>
      {steps.map((step) => {
        const index = STEPS.indexOf(step);
        const status = index < current || state.step === "done" ? "done" : index === current ? "current" : "todo";
        return (
          <li key={step} className={`stepper-step ${status}`} aria-current={status === "current" ? "step" : undefined}>
            <span className="stepper-dot" aria-hidden>
              {status === "done" ? "✓" : steps.indexOf(step) + 2}
            </span>{" "}
            {LABELS[step]}
          </li>
        );
      })}
    </ol>
  );
}
