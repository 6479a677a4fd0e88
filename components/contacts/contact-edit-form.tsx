"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

// Edits a contact's fields. Only changed fields are sent; the server merges them into the stored
// record and judges it with the validation core, and its messages are shown as they come.

type Field = { key: string; label: string; type: string; required: boolean; value: string | null; locked?: boolean };

export function ContactEditForm({ campaignId, contactId, fields }: { campaignId: string; contactId: string; fields: Field[] }) {
  const router = useRouter();
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((f) => [f.key, f.value ?? ""])));
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string; errors: string[] }>({
    kind: "idle",
  });
  const changed = fields.filter((f) => (values[f.key] ?? "") !== (f.value ?? ""));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setState({ kind: "saving" });
    const data = Object.fromEntries(changed.map((f) => [f.key, values[f.key]]));
    const res = await fetch(`/api/campaigns/${campaignId}/contacts/${contactId}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ data }),
    });
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      setState({ kind: "error", message: body?.error?.message ?? `The server answered ${res.status}`, errors: body?.error?.errors ?? [] });
      return;
    }
    setState({ kind: "saved" });
    router.refresh();
  }

  return (
    <form onSubmit={save} aria-label="Edit contact" className="edit-form">
      {state.kind === "error" && (
        <div className="alert alert-error" role="alert">
          <strong>{state.message}</strong>
          {state.errors.length > 0 && (
            <ul className="reasons">
              {state.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.kind === "saved" && changed.length === 0 && (
        <div className="alert alert-success" role="status">
          Saved.
        </div>
      )}
      <div className="edit-fields">
        {fields.map((f) => (
          <label key={f.key} className="field">
            <span>
              {f.label}
              {f.required && (
                <span className="rg-required" aria-hidden>
                  *
                </span>
              )}{" "}
              <span className="mono small muted">{f.key}</span>
            </span>
            <input
              name={f.key}
              value={values[f.key] ?? ""}
              onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
              inputMode={f.type === "phone" || f.type === "number" || f.type === "integer" ? "tel" : undefined}
              readOnly={f.locked}
              aria-describedby={f.locked ? `${f.key}-locked` : undefined}
            />
            {f.locked && (
              <span id={`${f.key}-locked`} className="muted small">
                Identifies the contact; it cannot change.
              </span>
            )}
          </label>
        ))}
      </div>
      <div className="button-row">
        <button className="btn btn-primary" type="submit" disabled={changed.length === 0 || state.kind === "saving"}>
          {state.kind === "saving"
            ? "Saving…"
            : changed.length > 0
              ? `Save ${changed.length} change${changed.length === 1 ? "" : "s"}`
              : "Save"}
        </button>
        {changed.length > 0 && (
          <button className="btn" type="button" onClick={() => setValues(Object.fromEntries(fields.map((f) => [f.key, f.value ?? ""])))}>
            Discard changes
          </button>
        )}
      </div>
    </form>
  );
}
