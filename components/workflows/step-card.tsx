"use client";

import { useWatch } from "react-hook-form";
import { BranchRules } from "@/components/workflows/branch-rules";
import { at, FieldError, type Form, invalid, StepTarget } from "@/components/workflows/form-bits";
import { type EditorOptions, type StepInput, typeLabel } from "@/components/workflows/workflow-form";
import styles from "@/components/workflows/workflows.module.css";

// One step of the editor: its id, the fields of its kind, where it goes next, and (for writers)
// move up / down / remove. Errors come from the shared definition schema, at their field.

type Props = {
  form: Form;
  index: number;
  count: number;
  ids: string[];
  options: EditorOptions;
  canWrite: boolean;
  onMove: (from: number, to: number, focus: "up" | "down") => void;
  onRemove: () => void;
};

export function StepCard({ form, index, count, ids, options, canWrite, onMove, onRemove }: Props) {
  const p = `definition.steps.${index}`;
  const step = useWatch({ control: form.control, name: at(p) }) as StepInput | undefined;
  if (!step) return null;
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!canWrite || !e.altKey) return;
    if (e.key === "ArrowUp") {
      e.preventDefault();
      onMove(index, index - 1, "up");
    }
    if (e.key === "ArrowDown") {
      e.preventDefault();
      onMove(index, index + 1, "down");
    }
  };
  return (
    <li className={`card ${styles.step}`} data-step-index={index} aria-label={`Step ${index + 1}: ${step.id}`} onKeyDown={onKeyDown}>
      <div className={styles.stepHead}>
        <span className={styles.stepNumber} aria-hidden>
          {index + 1}
        </span>
        <span className={`badge badge-info ${styles.stepType}`}>{typeLabel(step.type)}</span>
        <label className={`field ${styles.stepId}`}>
          <span className="visually-hidden">Step id</span>
          <input className="mono" aria-label="Step id" aria-invalid={invalid(form, `${p}.id`)} {...form.register(at(`${p}.id`))} />
          <FieldError form={form} path={`${p}.id`} />
        </label>
        {canWrite && (
          <div className={styles.stepActions}>
            <button
              type="button"
              className="btn btn-sm"
              data-move="up"
              disabled={index === 0}
              onClick={() => onMove(index, index - 1, "up")}
              aria-label={`Move step ${step.id} up`}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-sm"
              data-move="down"
              disabled={index === count - 1}
              onClick={() => onMove(index, index + 1, "down")}
              aria-label={`Move step ${step.id} down`}
            >
              ↓
            </button>
            <button type="button" className="btn btn-sm" onClick={onRemove} aria-label={`Remove step ${step.id}`}>
              Remove
            </button>
          </div>
        )}
      </div>
      <FieldError form={form} path={p} />
      <div className={styles.stepFields}>
        <StepFields form={form} p={p} step={step} ids={ids} options={options} canWrite={canWrite} />
        {step.type !== "stop" && step.type !== "branch" && (
          <StepTarget form={form} path={`${p}.next`} ids={ids} label="Then go to" empty="The following step" />
        )}
      </div>
    </li>
  );
}

function StepFields({
  form,
  p,
  step,
  ids,
  options,
  canWrite,
}: {
  form: Form;
  p: string;
  step: StepInput;
  ids: string[];
  options: EditorOptions;
  canWrite: boolean;
}) {
  const { register, setValue } = form;
  const set = (path: string, value: unknown) => setValue(at(path), value as never, { shouldValidate: true, shouldDirty: true });
  switch (step.type) {
    case "call":
      return (
        <>
          <label className="field">
            <span>Agent</span>
            <select aria-invalid={invalid(form, `${p}.agentId`)} {...register(at(`${p}.agentId`))}>
              <option value="">Choose an agent</option>
              {options.agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                  {a.active ? "" : " (inactive)"}
                </option>
              ))}
            </select>
            <FieldError form={form} path={`${p}.agentId`} />
          </label>
          <label className="field">
            <span>Disposition</span>
            <select {...register(at(`${p}.dispositionId`), { setValueAs: (v) => v || null })}>
              <option value="">The agent's default</option>
              {options.dispositions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            <FieldError form={form} path={`${p}.dispositionId`} />
          </label>
        </>
      );
    case "sms":
    case "whatsapp": {
      const templates = options.templates.filter((t) => t.channel === step.type);
      return (
        <label className="field">
          <span>Template</span>
          <select aria-invalid={invalid(form, `${p}.templateId`)} {...register(at(`${p}.templateId`))}>
            <option value="">{templates.length ? "Choose a template" : `No ${typeLabel(step.type)} template yet`}</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <FieldError form={form} path={`${p}.templateId`} />
        </label>
      );
    }
    case "wait": {
      const mode = step.untilField !== undefined ? "field" : step.untilTime !== undefined ? "time" : "minutes";
      const setMode = (next: string) => {
        set(`${p}.minutes`, next === "minutes" ? 120 : undefined);
        set(`${p}.untilTime`, next === "time" ? "09:00" : undefined);
        set(`${p}.untilField`, next === "field" ? { field: "promise_to_pay_date", offsetDays: -1, atTime: "10:00" } : undefined);
      };
      return (
        <>
          <label className="field">
            <span>Wait</span>
            <select value={mode} onChange={(e) => setMode(e.target.value)}>
              <option value="minutes">For a duration</option>
              <option value="time">Until a time of day</option>
              <option value="field">Until a date from a customer field</option>
            </select>
          </label>
          {mode === "minutes" && (
            <label className="field">
              <span>Minutes</span>
              <input
                type="number"
                inputMode="numeric"
                aria-invalid={invalid(form, `${p}.minutes`)}
                {...register(at(`${p}.minutes`), { valueAsNumber: true })}
              />
              <span className="muted small">{durationText(step.minutes)}</span>
              <FieldError form={form} path={`${p}.minutes`} />
            </label>
          )}
          {mode === "time" && (
            <label className="field">
              <span>Time of day (campaign time zone)</span>
              <input placeholder="HH:MM" aria-invalid={invalid(form, `${p}.untilTime`)} {...register(at(`${p}.untilTime`))} />
              <FieldError form={form} path={`${p}.untilTime`} />
            </label>
          )}
          {mode === "field" && (
            <>
              <label className="field">
                <span>Date field</span>
                <input
                  className="mono"
                  list="workflow-fields"
                  aria-invalid={invalid(form, `${p}.untilField.field`)}
                  {...register(at(`${p}.untilField.field`))}
                />
                <FieldError form={form} path={`${p}.untilField.field`} />
              </label>
              <label className="field">
                <span>Days before (−) / after (+)</span>
                <input
                  type="number"
                  inputMode="numeric"
                  aria-invalid={invalid(form, `${p}.untilField.offsetDays`)}
                  {...register(at(`${p}.untilField.offsetDays`), { valueAsNumber: true })}
                />
                <FieldError form={form} path={`${p}.untilField.offsetDays`} />
              </label>
              <label className="field">
                <span>At (HH:MM)</span>
                <input
                  placeholder="HH:MM"
                  aria-invalid={invalid(form, `${p}.untilField.atTime`)}
                  {...register(at(`${p}.untilField.atTime`))}
                />
                <FieldError form={form} path={`${p}.untilField.atTime`} />
              </label>
            </>
          )}
        </>
      );
    }
    case "branch":
      return (
        <>
          <BranchRules form={form} p={p} ids={ids} options={options} canWrite={canWrite} />
          <StepTarget form={form} path={`${p}.otherwise`} ids={ids} label="Otherwise go to" empty="The following step" />
        </>
      );
    case "update": {
      const mode = step.fromExtracted !== undefined ? "extracted" : "value";
      const setMode = (next: string) => {
        set(`${p}.value`, next === "value" ? "" : undefined);
        set(`${p}.fromExtracted`, next === "extracted" ? step.field || "" : undefined);
      };
      return (
        <>
          <label className="field">
            <span>Customer field</span>
            <input className="mono" list="workflow-fields" aria-invalid={invalid(form, `${p}.field`)} {...register(at(`${p}.field`))} />
            <FieldError form={form} path={`${p}.field`} />
          </label>
          <label className="field">
            <span>Set it to</span>
            <select value={mode} onChange={(e) => setMode(e.target.value)}>
              <option value="value">A fixed value</option>
              <option value="extracted">A field the last call extracted</option>
            </select>
          </label>
          {mode === "value" ? (
            <label className="field">
              <span>Value</span>
              <input aria-invalid={invalid(form, `${p}.value`)} {...register(at(`${p}.value`))} />
              <FieldError form={form} path={`${p}.value`} />
            </label>
          ) : (
            <label className="field">
              <span>Extracted field</span>
              <input className="mono" aria-invalid={invalid(form, `${p}.fromExtracted`)} {...register(at(`${p}.fromExtracted`))} />
              <FieldError form={form} path={`${p}.fromExtracted`} />
            </label>
          )}
        </>
      );
    }
    case "stop":
      return (
        <label className="field">
          <span>Outcome (optional)</span>
          <input aria-invalid={invalid(form, `${p}.outcome`)} {...register(at(`${p}.outcome`))} />
          <FieldError form={form} path={`${p}.outcome`} />
        </label>
      );
  }
}

export function FieldList({ options }: { options: EditorOptions }) {
  const keys = [...new Set(["promise_to_pay_date", ...options.campaigns.flatMap((c) => c.fields)])].sort();
  return (
    <datalist id="workflow-fields">
      {keys.map((k) => (
        <option key={k} value={k} />
      ))}
    </datalist>
  );
}

function durationText(minutes: unknown): string {
  if (typeof minutes !== "number" || !Number.isFinite(minutes) || minutes <= 0) return "";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return ["=", days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean).join(" ");
}
