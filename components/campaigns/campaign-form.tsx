"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type FieldError } from "react-hook-form";
import type { z } from "zod";
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, campaignSchema } from "@/lib/campaigns/campaign-input";
import { LANGUAGES } from "@/lib/campaigns/field-schema";
import { CallingWindowNote } from "@/components/campaigns/calling-window-note";
import { CrmFieldEditor } from "@/components/campaigns/crm-field-editor";
import { sendForm } from "@/components/ui/send-form";

// Create or edit a campaign with the zod schema the API's body is built from (campaignSchema: the
// same fields and rules as TimePay's Create Campaign body, lib/timepay/campaign-bodies.ts); the
// server's answer is checked again and its errors land on their fields. On edit, CRM fields are
// fixed (the API cannot change them) and only the update schema's fields are sent. A new campaign's
// time zone and phone country start as the organization's defaults (Settings).

type Input = z.input<typeof campaignSchema>;
type Output = z.output<typeof campaignSchema>;
const FIELD_NAMES = [
  "name",
  "description",
  "campaignType",
  "status",
  "startDate",
  "startTime",
  "endDate",
  "endTime",
  "timezone",
  "languages",
  "region",
  "phoneCountry",
  "tags",
  "crmFields",
  "identifierField",
  "maxConcurrentCalls",
  "maxRetries",
  "retryDelayMinutes",
  "workflowId",
];
const UPDATABLE = [
  "name",
  "description",
  "campaignType",
  "startDate",
  "startTime",
  "endDate",
  "endTime",
  "timezone",
  "languages",
  "region",
  "tags",
  "maxConcurrentCalls",
  "maxRetries",
  "retryDelayMinutes",
  "workflowId",
] as const;
const ZONES = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["Asia/Kolkata"];
const toCountry = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v);
const toNumber = (v: unknown) => (v === "" || v === undefined || v === null ? undefined : Number(v));
const toTags = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean)
    : v;

type WorkflowOption = { id: string; name: string };

/**
 * `workflows`: the organization's workflows the campaign can follow. Choosing another one (or
 * none) on edit changes what new runs start on; runs already going finish on their version.
 */
export function CampaignForm({
  campaignId,
  initial,
  canWrite,
  workflows = [],
}: {
  campaignId?: string;
  initial: Input;
  canWrite: boolean;
  workflows?: WorkflowOption[];
}) {
  const router = useRouter();
  const editing = campaignId !== undefined;
  const { register, handleSubmit, control, setError, formState } = useForm<Input, unknown, Output>({
    resolver: zodResolver(campaignSchema),
    defaultValues: initial,
    mode: "onChange",
    disabled: !canWrite,
  });
  const { errors, isSubmitting } = formState;
  const [campaignType, startTime, endTime, workflowId] = useWatch({
    control,
    name: ["campaignType", "startTime", "endTime", "workflowId"],
  });

  const submit = async (values: Output) => {
    // On edit "None" is sent as null: the campaign stops starting runs.
    const body = editing ? { ...Object.fromEntries(UPDATABLE.map((k) => [k, values[k]])), workflowId: values.workflowId ?? null } : values;
    const url = editing ? `/api/v1/campaigns/update/${campaignId}` : "/api/v1/campaigns/create";
    const answer = await sendForm(editing ? "PUT" : "POST", url, body, FIELD_NAMES, setError, WORKFLOW_GONE);
    if (answer.ok) {
      router.push(`/campaigns/${editing ? campaignId : answer.id}`);
      router.refresh();
    }
  };
  const err = (e: FieldError | undefined) => (e ? <span className="field-error small">{e.message}</span> : null);
  const invalid = (e: unknown) => (e ? true : undefined);

  return (
    <form className="card campaign-form" onSubmit={handleSubmit(submit)} noValidate aria-label={editing ? "Edit campaign" : "New campaign"}>
      <div className="form-grid">
        <label className="field">
          <span>Name</span>
          <input aria-invalid={invalid(errors.name)} {...register("name")} />
          {err(errors.name)}
        </label>
        <label className="field">
          <span>Type</span>
          <select aria-invalid={invalid(errors.campaignType)} {...register("campaignType")}>
            {CAMPAIGN_TYPES.map((t) => (
              <option key={t} value={t} disabled={editing && (t === "custom") !== (initial.campaignType === "custom")}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          {err(errors.campaignType)}
        </label>
        {!editing && (
          <label className="field">
            <span>Status</span>
            <select {...register("status")}>
              {CAMPAIGN_STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label className="field">
        <span>Description</span>
        <textarea rows={2} aria-invalid={invalid(errors.description)} {...register("description")} />
        {err(errors.description)}
      </label>

      <h3 className="subheading">Dates and daily calling window</h3>
      <div className="form-grid">
        <label className="field">
          <span>Start date</span>
          <input type="date" aria-invalid={invalid(errors.startDate)} {...register("startDate")} />
          {err(errors.startDate)}
        </label>
        <label className="field">
          <span>End date</span>
          <input type="date" aria-invalid={invalid(errors.endDate)} {...register("endDate")} />
          {err(errors.endDate)}
        </label>
        <label className="field">
          <span>Daily start</span>
          <input type="time" aria-invalid={invalid(errors.startTime)} {...register("startTime")} />
          {err(errors.startTime)}
        </label>
        <label className="field">
          <span>Daily end</span>
          <input type="time" aria-invalid={invalid(errors.endTime)} {...register("endTime")} />
          {err(errors.endTime)}
        </label>
        <label className="field">
          <span>Time zone</span>
          <input list="campaign-zones" aria-invalid={invalid(errors.timezone)} {...register("timezone")} />
          <datalist id="campaign-zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {err(errors.timezone)}
        </label>
      </div>
      <CallingWindowNote campaignType={campaignType} startTime={startTime} endTime={endTime} />

      <h3 className="subheading">Audience</h3>
      <fieldset className="choice-row language-choices" aria-invalid={invalid(errors.languages)}>
        <legend>Languages</legend>
        {LANGUAGES.map((l) => (
          <label key={l} className="check-field">
            <input type="checkbox" value={l} {...register("languages")} /> {l}
          </label>
        ))}
      </fieldset>
      {err(errors.languages as FieldError | undefined)}
      <div className="form-grid">
        <label className="field">
          <span>Region</span>
          <input aria-invalid={invalid(errors.region)} {...register("region")} />
          {err(errors.region)}
        </label>
        <label className="field">
          <span>Phone country</span>
          <input
            className="mono"
            maxLength={2}
            aria-invalid={invalid(errors.phoneCountry)}
            aria-describedby="campaign-country-hint"
            {...register("phoneCountry", { setValueAs: toCountry, disabled: editing || !canWrite })}
          />
          <span id="campaign-country-hint" className="muted small">
            {editing ? "Fixed once the campaign exists" : "Numbers without a country code are read in it (ISO 3166, e.g. IN)"}
          </span>
          {err(errors.phoneCountry)}
        </label>
        <label className="field">
          <span>Tags (comma-separated)</span>
          <input aria-invalid={invalid(errors.tags)} {...register("tags", { setValueAs: toTags })} />
          {err(errors.tags as FieldError | undefined)}
        </label>
      </div>

      <h3 className="subheading">Calls</h3>
      <div className="form-grid">
        <label className="field">
          <span>Simultaneous calls</span>
          <input
            type="number"
            min={1}
            max={500}
            aria-invalid={invalid(errors.maxConcurrentCalls)}
            {...register("maxConcurrentCalls", { setValueAs: toNumber })}
          />
          {err(errors.maxConcurrentCalls)}
        </label>
        <label className="field">
          <span>Retries of a No Contact / Failed call</span>
          <input
            type="number"
            min={0}
            max={10}
            aria-invalid={invalid(errors.maxRetries)}
            {...register("maxRetries", { setValueAs: toNumber })}
          />
          {err(errors.maxRetries)}
        </label>
        <label className="field">
          <span>Minutes between retries</span>
          <input
            type="number"
            min={1}
            max={10080}
            aria-invalid={invalid(errors.retryDelayMinutes)}
            {...register("retryDelayMinutes", { setValueAs: toNumber })}
          />
          {err(errors.retryDelayMinutes)}
        </label>
        <label className="field">
          <span>Follow-up workflow</span>
          <select aria-invalid={invalid(errors.workflowId)} {...register("workflowId", { setValueAs: (v) => (v === "" ? undefined : v) })}>
            <option value="">None: calls only when started</option>
            {workflows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
          {workflows.length === 0 && <span className="muted small">No workflows yet: create one under Workflows first.</span>}
          {err(errors.workflowId)}
        </label>
      </div>

      {editing && initial.workflowId !== workflowId && (
        <p className="muted small" role="note">
          {workflowId
            ? "Contacts added with “use workflow” from now on follow this workflow’s latest version; runs already going finish on the version they started on."
            : "New contacts will start no workflow runs; runs already going finish on the version they started on."}
        </p>
      )}

      {campaignType === "custom" && !editing && <CrmFieldEditor control={control} register={register} errors={errors} />}

      {errors.root && (
        <div role="alert" className="alert alert-error">
          {errors.root.message}
        </div>
      )}
      {canWrite ? (
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : editing ? "Save campaign" : "Create campaign"}
          </button>
        </div>
      ) : (
        <p className="muted small">You have read-only access: an operator or admin can change campaigns.</p>
      )}
    </form>
  );
}

const WORKFLOW_GONE = {
  message: "Workflow not found",
  field: "workflowId",
  says: "This workflow no longer exists (deleted meanwhile?): choose another, or None.",
};

const TYPE_LABELS: Record<(typeof CAMPAIGN_TYPES)[number], string> = {
  emi: "EMI collection",
  edi: "EDI collection",
  lead: "Lead generation",
  custom: "Custom (CRM fields)",
};
