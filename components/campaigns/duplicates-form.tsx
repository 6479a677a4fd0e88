"use client";

import { useState } from "react";
import { DUPLICATES_BY, duplicatesByLabels, type DuplicatesBy } from "@/lib/records/duplicates-by";

// The campaign's "duplicates by" setting: what makes two customers the same person. Saving
// re-keys the stored customers (lib/campaigns/duplicates-setting.ts); the answer says so.

const HINTS: Record<DuplicatesBy, string> = {
  both: "A repeated identifier or a repeated phone number (compared as dialled, +91…) is not added again.",
  phone: "A repeated phone number is not added again; each identifier still names one customer.",
  identifier: "Only a repeated identifier is a duplicate: several customers may share a phone number.",
};

export function DuplicatesForm({ campaignId, initial }: { campaignId: string; initial: DuplicatesBy }) {
  const [value, setValue] = useState<DuplicatesBy>(initial);
  const [saved, setSaved] = useState<DuplicatesBy>(initial);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string }>({ kind: "idle" });

  async function save() {
    setStatus({ kind: "saving" });
    const response = await fetch(`/api/campaigns/${encodeURIComponent(campaignId)}/duplicates`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ duplicatesBy: value }),
    }).catch(() => null);
    if (!response?.ok) {
      const body = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
      setStatus({ kind: "error", message: body?.error?.message ?? "The setting could not be saved; try again." });
      return;
    }
    setSaved(value);
    setStatus({ kind: "saved" });
  }

  return (
    <form
      className="duplicates-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>Duplicates</span>
        <select aria-label="Duplicates" value={value} onChange={(e) => setValue(e.target.value as DuplicatesBy)}>
          {DUPLICATES_BY.map((by) => (
            <option key={by} value={by}>
              {duplicatesByLabels[by]}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">{HINTS[value]}</p>
      <div className="duplicates-actions">
        <button type="submit" className="btn btn-sm" disabled={value === saved || status.kind === "saving"}>
          {status.kind === "saving" ? "Saving…" : "Save"}
        </button>
        <span role="status" aria-live="polite">
          {status.kind === "saved" && value === saved && `Saved: ${duplicatesByLabels[saved].toLowerCase()}.`}
          {status.kind === "error" && <span className="field-error">{status.message}</span>}
        </span>
      </div>
    </form>
  );
}
