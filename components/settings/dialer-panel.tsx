"use client";

import { useState, useTransition } from "react";
import type { CallSettingsResponse } from "@/lib/calls/call-settings-view";
import { apiRequest } from "@/components/settings/api-request";
import { TestCallForm } from "@/components/settings/test-call-form";

// The dialer (simulated, or an HTTP provider URL + Standard Webhooks secret) and the
// organization's call defaults. Every control maps to a call setting the dispatcher reads.

type Form = CallSettingsResponse;
const NUMBER_FIELDS = [
  "frequencyCap",
  "maxConcurrentCalls",
  "providerTimeoutMs",
  "simulatedDelayMs",
  "simulatedContactedPct",
  "simulatedNoContactPct",
  "simulatedFailedPct",
] as const;

// canTest: a test call writes (it places a call), so viewers do not get the form.
export function DialerPanel({
  initial,
  canManage,
  canTest,
  resultsUrl,
}: {
  initial: Form;
  canManage: boolean;
  canTest: boolean;
  resultsUrl: string;
}) {
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState<{ message: string; errors: string[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const num = (key: (typeof NUMBER_FIELDS)[number]) => ({
    type: "number",
    value: String(form[key]),
    disabled: !canManage,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key, Number(e.target.value)),
  });

  const save = () =>
    startTransition(async () => {
      setProblem(null);
      setNotice(null);
      const { providerSecretSet: _set, ...patch } = form;
      const body = { ...patch, ...(patch.providerSecret === null && { providerSecret: undefined }) };
      const answer = await apiRequest<{ settings: Form }>("PUT", "/api/settings/calls", body);
      if (!answer.ok) return setProblem(answer);
      setForm(answer.data.settings);
      setNotice("Call settings saved.");
    });
  const generateSecret = () => {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    set("providerSecret", `whsec_${btoa(String.fromCharCode(...bytes))}`);
  };

  return (
    <section className="card" aria-labelledby="dialer-title">
      <h2 id="dialer-title">Dialer and call defaults</h2>
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <fieldset className="choice-row" disabled={!canManage}>
          <legend>Dialer</legend>
          <label className="check-field">
            <input
              type="radio"
              name="dialerKind"
              checked={form.dialerKind === "simulated"}
              onChange={() => set("dialerKind", "simulated")}
            />{" "}
            Simulated (places no real call; reports realistic results)
          </label>
          <label className="check-field">
            <input type="radio" name="dialerKind" checked={form.dialerKind === "http"} onChange={() => set("dialerKind", "http")} /> HTTP
            provider
          </label>
        </fieldset>

        {form.dialerKind === "http" ? (
          <>
            <label className="field">
              <span>Provider URL</span>
              <input
                type="url"
                value={form.providerUrl ?? ""}
                onChange={(e) => set("providerUrl", e.target.value || null)}
                disabled={!canManage}
                placeholder="https://provider.example.com/calls"
              />
            </label>
            <div className="field">
              <span>Signing secret (Standard Webhooks)</span>
              <div className="secret-row">
                <input
                  type="text"
                  className="mono"
                  value={form.providerSecret ?? ""}
                  onChange={(e) => set("providerSecret", e.target.value || null)}
                  disabled={!canManage}
                  placeholder={form.providerSecretSet ? "set (only admins see it)" : "whsec_…"}
                />
                {canManage && (
                  <button type="button" className="btn btn-sm" onClick={generateSecret}>
                    Generate
                  </button>
                )}
              </div>
            </div>
            <label className="field">
              <span>Timeout per attempt (ms)</span>
              <input {...num("providerTimeoutMs")} min={100} max={60000} />
            </label>
            <p className="muted small">
              Attempts are POSTed signed with this secret. The provider reports results, signed the same way, to{" "}
              <code className="secret">{resultsUrl}</code>
            </p>
          </>
        ) : (
          <div className="form-grid">
            <label className="field">
              <span>Result delay (ms)</span>
              <input {...num("simulatedDelayMs")} min={0} />
            </label>
            <label className="field">
              <span>Contacted %</span>
              <input {...num("simulatedContactedPct")} min={0} max={100} />
            </label>
            <label className="field">
              <span>No Contact %</span>
              <input {...num("simulatedNoContactPct")} min={0} max={100} />
            </label>
            <label className="field">
              <span>Failed %</span>
              <input {...num("simulatedFailedPct")} min={0} max={100} />
            </label>
            <label className="field">
              <span>Outcome seed</span>
              <input type="text" value={form.simulatedSeed} onChange={(e) => set("simulatedSeed", e.target.value)} disabled={!canManage} />
            </label>
          </div>
        )}

        <h3 className="subheading">Call limits and caller ID</h3>
        <div className="form-grid">
          <label className="field">
            <span>Attempts per number per 24 h</span>
            <input {...num("frequencyCap")} min={1} max={100} />
          </label>
          <label className="field">
            <span>Simultaneous calls (organization)</span>
            <input {...num("maxConcurrentCalls")} min={1} />
          </label>
          <label className="field">
            <span>Caller ID (from_phone)</span>
            <input type="text" value={form.fromPhone} onChange={(e) => set("fromPhone", e.target.value)} disabled={!canManage} />
          </label>
        </div>

        {problem && (
          <div role="alert" className="alert alert-error">
            {problem.message}
            {problem.errors.length > 0 && (
              <ul>
                {problem.errors.map((m) => (
                  <li key={m}>{m}</li>
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
        {canManage ? (
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? "Saving…" : "Save call settings"}
          </button>
        ) : (
          <p className="muted small">Only an admin can change call settings.</p>
        )}
      </form>
      {canTest && <TestCallForm />}
    </section>
  );
}
