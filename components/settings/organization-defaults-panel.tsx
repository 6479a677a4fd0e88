"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type FieldError, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { apiRequest } from "@/components/settings/api-request";
import { organizationDefaultsSchema } from "@/lib/organizations/organization-defaults-input";

// The organization's defaults: the country of numbers written without a country code (new
// campaigns, global DNC numbers) and new campaigns' time zone. The form checks the shape with the
// route's schema; the server checks the values against its lists and its refusals land on their
// field ("phoneCountry: ZZ is not a country code …"). Only admins change them.

type Input = z.input<typeof organizationDefaultsSchema>;
type Output = z.output<typeof organizationDefaultsSchema>;
const FIELDS = ["phoneCountry", "timezone"] as const;
const ZONES = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["Asia/Kolkata"];

export function OrganizationDefaultsPanel({ initial, canManage }: { initial: Output; canManage: boolean }) {
  const [notice, setNotice] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, control, formState } = useForm<Input, unknown, Output>({
    resolver: zodResolver(organizationDefaultsSchema),
    defaultValues: initial,
    disabled: !canManage,
  });
  const { errors, isSubmitting } = formState;
  const country = useWatch({ control, name: "phoneCountry" });

  const save = async (values: Output) => {
    setNotice(null);
    const answer = await apiRequest<{ defaults: Output }>("PUT", "/api/settings/organization", values);
    if (answer.ok) {
      reset(answer.data.defaults);
      return setNotice("Organization defaults saved.");
    }
    const unplaced: string[] = [];
    for (const message of answer.errors) {
      const [field, ...rest] = message.split(": ");
      const name = FIELDS.find((f) => f === field);
      if (name && rest.length > 0) setError(name, { type: "server", message: rest.join(": ") });
      else unplaced.push(message);
    }
    setError("root", { type: "server", message: [answer.message, ...unplaced].join(": ") });
  };
  const err = (e: FieldError | undefined) => (e ? <span className="field-error small">{e.message}</span> : null);

  return (
    <section className="card" aria-labelledby="org-defaults-title">
      <h2 id="org-defaults-title">Organization defaults</h2>
      <p className="muted small">
        Used where a campaign, an upload or a request names none. Existing campaigns keep theirs. The attempts per number per 24 h are under{" "}
        <a href="#dialer-title">Dialer and call defaults</a>.
      </p>
      <form className="settings-form" onSubmit={handleSubmit(save)} noValidate aria-label="Organization defaults">
        <div className="form-grid">
          <label className="field">
            <span>Phone country</span>
            <input
              className="mono"
              maxLength={2}
              autoCapitalize="characters"
              aria-invalid={errors.phoneCountry ? true : undefined}
              aria-describedby="org-country-hint"
              {...register("phoneCountry")}
            />
            <span id="org-country-hint" className="muted small">
              {countryName(country)} · for numbers written without a country code (ISO 3166, e.g. IN)
            </span>
            {err(errors.phoneCountry)}
          </label>
          <label className="field">
            <span>Time zone</span>
            <input list="org-zones" aria-invalid={errors.timezone ? true : undefined} {...register("timezone")} />
            <datalist id="org-zones">
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <span className="muted small">New campaigns' calling hours are read in it (IANA, e.g. Asia/Kolkata)</span>
            {err(errors.timezone)}
          </label>
        </div>
        {errors.root && (
          <div role="alert" className="alert alert-error">
            {errors.root.message}
          </div>
        )}
        {notice && (
          <div role="status" className="alert alert-success">
            {notice}
          </div>
        )}
        {canManage ? (
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : "Save organization defaults"}
          </button>
        ) : (
          <p className="muted small" data-testid="org-defaults-read-only">
            Only an admin can change the organization defaults.
          </p>
        )}
      </form>
    </section>
  );
}

function countryName(code: string | undefined) {
  const value = (code ?? "").trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(value)) return "—";
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(value) ?? value;
  } catch {
    return value;
  }
}
