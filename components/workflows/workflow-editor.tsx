"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { get, useFieldArray, useForm, useWatch, type Path } from "react-hook-form";
import { DryRunPanel } from "@/components/workflows/dry-run-panel";
import { FieldList, StepCard } from "@/components/workflows/step-card";
import {
  type EditorOptions,
  type EditorWorkflow,
  type FormInput,
  type FormOutput,
  newStep,
  STEP_TYPES,
  type StepType,
  serverIssuePath,
  toFormSteps,
  workflowFormSchema,
} from "@/components/workflows/workflow-form";
import styles from "@/components/workflows/workflows.module.css";

// The step editor: name, description and the steps, each with the fields of its kind; add,
// reorder (buttons, also from the keyboard) and remove steps; save as a new version; delete
// (the server refuses while a campaign uses the workflow, naming the campaigns).

type Props = { workflow: Omit<EditorWorkflow, "id"> & { id: string | null }; options: EditorOptions; canWrite: boolean };
type AppError = { error?: { message?: string; errors?: string[] } };

export function WorkflowEditor({ workflow, options, canWrite }: Props) {
  const router = useRouter();
  const [version, setVersion] = useState(workflow.version);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ message: string; lines: string[] } | null>(null);
  const [addType, setAddType] = useState<StepType>("call");
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(workflowFormSchema),
    defaultValues: { name: workflow.name, description: workflow.description, definition: { steps: toFormSteps(workflow.steps) } },
    mode: "onChange",
  });
  const { control, register, handleSubmit, setError, reset, formState } = form;
  const { errors, isSubmitting, isDirty } = formState;
  const { fields, append, move, remove } = useFieldArray({ control, name: "definition.steps", keyName: "key" });
  const steps = useWatch({ control, name: "definition.steps" }) ?? [];
  const ids = steps.map((s) => s?.id ?? "");

  const moveStep = (from: number, to: number, focus: "up" | "down") => {
    if (to < 0 || to >= fields.length) return;
    move(from, to);
    requestAnimationFrame(() => {
      const button = document.querySelector<HTMLButtonElement>(`[data-step-index="${to}"] [data-move="${focus}"]`);
      (button && !button.disabled ? button : document.querySelector<HTMLElement>(`[data-step-index="${to}"] [data-move]`))?.focus();
    });
  };

  const save = async (values: FormOutput) => {
    setProblem(null);
    setNotice(null);
    const body = { name: values.name, description: values.description, steps: values.definition.steps };
    const response = await fetch(workflow.id ? `/api/workflows/${workflow.id}` : "/api/workflows", {
      method: workflow.id ? "PUT" : "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    const json = (await response?.json().catch(() => null)) as (AppError & { workflow?: { id: string; version: number } }) | null;
    if (response?.ok && json?.workflow) {
      if (!workflow.id) {
        router.push(`/workflows/${json.workflow.id}`);
        return;
      }
      setVersion(json.workflow.version);
      reset(values);
      setNotice(`Saved version ${json.workflow.version}. Customers already running finish on the version they started.`);
      router.refresh();
      return;
    }
    const message = json?.error?.message ?? (response ? `The server answered ${response.status}` : "Could not reach the server; try again");
    const lines = json?.error?.errors ?? [];
    for (const line of lines) {
      const at = serverIssuePath(line);
      if (at) setError(at.path as Path<FormInput>, { type: "server", message: at.message });
    }
    if (response?.status === 409) setError("name", { type: "server", message });
    setProblem({ message, lines });
  };

  const listError = get(errors, "definition.steps") as { message?: string; root?: { message?: string } } | undefined;
  const stepsProblem: string | undefined = listError?.message ?? listError?.root?.message;
  const nextVersion = version + 1;

  return (
    <div className={styles.editor}>
      <form onSubmit={handleSubmit(save)} noValidate aria-label="Workflow editor">
        <fieldset disabled={!canWrite} className={styles.plain}>
          <section className="card" aria-label="Workflow">
            <div className={styles.meta}>
              <label className="field">
                <span>Name</span>
                <input aria-invalid={errors.name ? true : undefined} {...register("name")} />
                {errors.name && <span className="field-error small">{errors.name.message}</span>}
              </label>
              <label className="field">
                <span>Description</span>
                <input {...register("description")} />
              </label>
            </div>
            <p className="muted small">
              {workflow.id ? (
                <>
                  Version {version} · {workflow.runs} run{workflow.runs === 1 ? "" : "s"} ·{" "}
                  {workflow.campaigns.length
                    ? `used by ${workflow.campaigns.map((c) => `${c.name}${c.pinnedVersion ? ` (new runs on version ${c.pinnedVersion})` : ""}`).join(", ")}`
                    : "no campaign uses it yet: choose it in a campaign’s form"}
                </>
              ) : (
                "Not saved yet: creating it writes version 1."
              )}
            </p>
          </section>

          <h2 className={styles.sectionTitle}>Steps</h2>
          <p className="muted small">
            Steps run from top to bottom; a step can jump elsewhere with “then go to”, a branch with its rules. Alt+↑ / Alt+↓ on a step
            moves it.
          </p>
          {stepsProblem && (
            <p role="alert" className="field-error">
              {stepsProblem}
            </p>
          )}
          <FieldList options={options} />
          <ol className={styles.steps}>
            {fields.map((field, index) => (
              <StepCard
                key={field.key}
                form={form}
                index={index}
                count={fields.length}
                ids={ids}
                options={options}
                canWrite={canWrite}
                onMove={moveStep}
                onRemove={() => remove(index)}
              />
            ))}
          </ol>
          {canWrite && (
            <div className={`card ${styles.addRow}`}>
              <label className="field">
                <span>New step</span>
                <select value={addType} onChange={(e) => setAddType(e.target.value as StepType)} aria-label="Kind of the new step">
                  {STEP_TYPES.map((t) => (
                    <option key={t.type} value={t.type}>
                      {t.label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="btn" onClick={() => append(newStep(addType, ids, options))}>
                Add step
              </button>
            </div>
          )}
        </fieldset>

        {problem && (
          <div role="alert" className="alert alert-error">
            {problem.message}
            {problem.lines.length > 0 && (
              <ul>
                {problem.lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {notice && (
          <div role="status" className="alert alert-success">
            {notice}
          </div>
        )}
        {canWrite && (
          <div className={`card ${styles.saveBar}`}>
            <p className="muted small">
              {workflow.id
                ? `Saving creates version ${nextVersion}; running customers finish on version ${version}.${workflow.campaigns.length ? ` New runs of ${workflow.campaigns.map((c) => c.name).join(", ")} start on version ${nextVersion}.` : ""}`
                : "Creating the workflow writes version 1. A campaign follows it once chosen in the campaign’s form, new or edited (or by workflowId in the API’s Create and Update Campaign)."}
            </p>
            <div className="button-row">
              <button type="submit" className="btn btn-primary" disabled={isSubmitting || (!!workflow.id && !isDirty)}>
                {workflow.id ? `Save as version ${nextVersion}` : "Create workflow"}
              </button>
              {workflow.id && <DeleteWorkflow id={workflow.id} />}
            </div>
          </div>
        )}
      </form>
      <DryRunPanel form={form} options={options} defaultCampaignId={workflow.campaigns[0]?.id ?? options.campaigns[0]?.id ?? ""} />
    </div>
  );
}

function DeleteWorkflow({ id }: { id: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    const response = await fetch(`/api/workflows/${id}`, { method: "DELETE" }).catch(() => null);
    setBusy(false);
    setConfirming(false);
    if (response?.ok) {
      router.push("/workflows");
      router.refresh();
      return;
    }
    const json = (await response?.json().catch(() => null)) as AppError | null;
    setProblem(json?.error?.message ?? (response ? `The server answered ${response.status}` : "Could not reach the server; try again"));
  };
  return (
    <>
      {confirming ? (
        <>
          <button type="button" className="btn btn-danger" onClick={remove} disabled={busy}>
            Yes, delete it
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="btn" onClick={() => setConfirming(true)}>
          Delete workflow
        </button>
      )}
      {problem && (
        <div role="alert" className={`alert alert-error ${styles.wide}`}>
          {problem}
        </div>
      )}
    </>
  );
}
