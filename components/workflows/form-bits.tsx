"use client";

import { get, type Path, type UseFormReturn, useWatch } from "react-hook-form";
import type { FormInput, FormOutput } from "@/components/workflows/workflow-form";

// What the step card and the branch rules share: the form's type, a path helper, the error at a
// field, and the select of step ids a step or a rule jumps to.

export type Form = UseFormReturn<FormInput, unknown, FormOutput>;

export const at = (path: string) => path as Path<FormInput>;
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export function FieldError({ form, path }: { form: Form; path: string }) {
  const error = get(form.formState.errors, path) as { message?: string; root?: { message?: string } } | undefined;
  const message: string | undefined = error?.message ?? error?.root?.message;
  return message ? <span className="field-error small">{message}</span> : null;
}
export const invalid = (form: Form, path: string) => (get(form.formState.errors, path) ? true : undefined);

/** A select of step ids; a value naming no step stays visible so its error reads right. */
export function StepTarget({
  form,
  path,
  ids,
  label,
  empty,
  required = false,
}: {
  form: Form;
  path: string;
  ids: string[];
  label: string;
  empty: string;
  required?: boolean;
}) {
  const value = useWatch({ control: form.control, name: at(path) }) as string | undefined;
  const choices = ids.filter(Boolean);
  return (
    <label className="field">
      <span>{label}</span>
      <select aria-invalid={invalid(form, path)} {...form.register(at(path), required ? {} : { setValueAs: emptyToUndefined })}>
        <option value="">{empty}</option>
        {value && !choices.includes(value) && <option value={value}>{value} (missing)</option>}
        {choices.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      <FieldError form={form} path={path} />
    </label>
  );
}
