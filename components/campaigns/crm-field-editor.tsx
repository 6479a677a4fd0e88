"use client";

import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import type { campaignSchema } from "@/lib/campaigns/campaign-input";
import { FIELD_TYPES } from "@/lib/campaigns/field-schema";
import { customSchemaOf } from "@/lib/campaigns/crm-fields";
import { templateCsv } from "@/lib/spreadsheet/template";

// A custom campaign's CRM fields (Flexydial `section:field` keys, checked as they are typed),
// which one identifies a contact, and the sample CSV an integrator fills, built live by the same
// template code as the campaign's "download template".

type Input = z.input<typeof campaignSchema>;
const CRM_TYPES = FIELD_TYPES.filter((t) => t !== "phone" && t !== "language");

export function CrmFieldEditor({
  control,
  register,
  errors,
}: {
  control: Control<Input>;
  register: UseFormRegister<Input>;
  errors: FieldErrors<Input>;
}) {
  const { fields, append, remove } = useFieldArray({ control, name: "crmFields" });
  const crmFields = useWatch({ control, name: "crmFields" }) ?? [];
  const identifierField = useWatch({ control, name: "identifierField" });
  const sample = templateCsv(
    customSchemaOf(
      crmFields.map((f) => ({ ...f, type: f.type ?? "string", required: f.required ?? false })),
      identifierField,
    ),
  ).replace(/^\uFEFF/, "");

  return (
    <fieldset className="crm-editor">
      <legend>CRM fields</legend>
      <p className="muted small">
        Every contact also has <code>numeric</code> (the phone) and <code>user</code> (the agent's username).
      </p>
      {fields.map((field, index) => {
        const e = errors.crmFields?.[index];
        return (
          <fieldset key={field.id} className="crm-row" aria-label={`CRM field ${index + 1}`}>
            <label className="field">
              <span>Key</span>
              <input
                className="mono"
                placeholder="customer_info:customer_id"
                aria-invalid={e?.key ? true : undefined}
                {...register(`crmFields.${index}.key`)}
              />
              {e?.key && <span className="field-error small">{e.key.message}</span>}
            </label>
            <label className="field">
              <span>Label</span>
              <input {...register(`crmFields.${index}.label`)} />
            </label>
            <label className="field">
              <span>Type</span>
              <select {...register(`crmFields.${index}.type`)}>
                {CRM_TYPES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </label>
            <label className="check-field">
              <input type="checkbox" {...register(`crmFields.${index}.required`)} /> Required
            </label>
            <button type="button" className="btn btn-sm" onClick={() => remove(index)} aria-label={`Remove CRM field ${index + 1}`}>
              Remove
            </button>
          </fieldset>
        );
      })}
      {errors.crmFields?.message && <p className="field-error small">{errors.crmFields.message}</p>}
      {errors.crmFields?.root?.message && <p className="field-error small">{errors.crmFields.root.message}</p>}
      <button type="button" className="btn btn-sm" onClick={() => append({ key: "", label: "", type: "string", required: false })}>
        Add CRM field
      </button>
      <label className="field">
        <span>Identifies a contact</span>
        <select
          aria-invalid={errors.identifierField ? true : undefined}
          {...register("identifierField", { setValueAs: (v) => v || undefined })}
        >
          <option value="">The phone number (numeric)</option>
          {crmFields
            .filter((f) => f.key)
            .map((f) => (
              <option key={f.key} value={f.key}>
                {f.key}
              </option>
            ))}
        </select>
        {errors.identifierField && <span className="field-error small">{errors.identifierField.message}</span>}
      </label>
      <div className="field">
        <span>Sample CSV an integrator fills</span>
        <pre className="csv-preview" data-testid="csv-preview">
          {sample}
        </pre>
      </div>
    </fieldset>
  );
}
