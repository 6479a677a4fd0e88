"use client";

import { useFieldArray, useWatch } from "react-hook-form";
import { at, FieldError, type Form, invalid, StepTarget } from "@/components/workflows/form-bits";
import type { EditorOptions } from "@/components/workflows/workflow-form";
import styles from "@/components/workflows/workflows.module.css";

// A branch step's rules, first match wins: on the last call's status, its disposition, the
// disposition's group, or a field the call extracted (present, or equal to a value).

const STATUSES = ["Contacted", "No Contact", "Failed", "Blocked", "None"] as const;
type When = { status?: string; disposition?: string; dispositionGroup?: string; extracted?: string; equals?: string };
const kindOf = (when: When | undefined) =>
  when?.disposition !== undefined
    ? "disposition"
    : when?.dispositionGroup !== undefined
      ? "dispositionGroup"
      : when?.extracted !== undefined
        ? "extracted"
        : "status";

export function BranchRules({
  form,
  p,
  ids,
  options,
  canWrite,
}: {
  form: Form;
  p: string;
  ids: string[];
  options: EditorOptions;
  canWrite: boolean;
}) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: at(`${p}.rules`) as never, keyName: "key" });
  const rules = (useWatch({ control: form.control, name: at(`${p}.rules`) }) ?? []) as { when?: When }[];
  const disabled = !canWrite;
  return (
    <fieldset className={styles.rules}>
      <legend>Rules (the first that matches wins)</legend>
      <FieldError form={form} path={`${p}.rules`} />
      {fields.map((field, r) => {
        const q = `${p}.rules.${r}`;
        const kind = kindOf(rules[r]?.when);
        const setKind = (next: string) => {
          const when =
            next === "status"
              ? { status: "Contacted" }
              : next === "disposition"
                ? { disposition: options.dispositions[0]?.name ?? "" }
                : next === "dispositionGroup"
                  ? { dispositionGroup: options.groups[0] ?? "" }
                  : { extracted: "promise_to_pay_date" };
          form.setValue(at(`${q}.when`), when as never, { shouldValidate: true, shouldDirty: true });
        };
        return (
          <fieldset key={field.key} className={styles.rule} aria-label={`Rule ${r + 1}`}>
            <label className="field">
              <span>If the last call's</span>
              <select value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="status">status</option>
                <option value="disposition">disposition</option>
                <option value="dispositionGroup">disposition group</option>
                <option value="extracted">extracted field</option>
              </select>
            </label>
            {kind === "status" && (
              <label className="field">
                <span>is</span>
                <select {...form.register(at(`${q}.when.status`))}>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s === "None" ? "None (no call yet)" : s}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {kind === "disposition" && (
              <label className="field">
                <span>is</span>
                <select aria-invalid={invalid(form, `${q}.when.disposition`)} {...form.register(at(`${q}.when.disposition`))}>
                  <option value="">Choose a disposition</option>
                  {options.dispositions.map((d) => (
                    <option key={d.id} value={d.name}>
                      {d.name}
                    </option>
                  ))}
                </select>
                <FieldError form={form} path={`${q}.when.disposition`} />
              </label>
            )}
            {kind === "dispositionGroup" && (
              <label className="field">
                <span>is in</span>
                <select aria-invalid={invalid(form, `${q}.when.dispositionGroup`)} {...form.register(at(`${q}.when.dispositionGroup`))}>
                  <option value="">Choose a group</option>
                  {options.groups.map((g) => (
                    <option key={g} value={g}>
                      {g}
                    </option>
                  ))}
                </select>
                <FieldError form={form} path={`${q}.when.dispositionGroup`} />
              </label>
            )}
            {kind === "extracted" && (
              <>
                <label className="field">
                  <span>named</span>
                  <input
                    className="mono"
                    aria-invalid={invalid(form, `${q}.when.extracted`)}
                    {...form.register(at(`${q}.when.extracted`))}
                  />
                  <FieldError form={form} path={`${q}.when.extracted`} />
                </label>
                <label className="field">
                  <span>equals (empty: is present)</span>
                  <input {...form.register(at(`${q}.when.equals`), { setValueAs: (v) => (v === "" ? undefined : v) })} />
                </label>
              </>
            )}
            <StepTarget form={form} path={`${q}.goto`} ids={ids} label="go to" empty="Choose a step" required />
            {!disabled && fields.length > 1 && (
              <button type="button" className={`btn btn-sm btn-ghost ${styles.ruleRemove}`} onClick={() => remove(r)}>
                Remove rule
              </button>
            )}
          </fieldset>
        );
      })}
      {!disabled && (
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => append({ when: { status: "No Contact" }, goto: ids[0] ?? "" } as never)}
        >
          Add rule
        </button>
      )}
    </fieldset>
  );
}
