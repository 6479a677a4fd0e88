"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatNumber } from "@/components/ui/format";

// Delete asks first and says what goes with the campaign: its contacts, upload jobs and calls.

type Counts = { contacts: number; jobs: number; calls: number };

export function CampaignDelete({ id, name, counts }: { id: string; name: string; counts: Counts }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    setBusy(true);
    setProblem(null);
    const response = await fetch(`/api/v1/campaigns/${id}`, { method: "DELETE" }).catch(() => null);
    setBusy(false);
    if (response?.ok) {
      router.push("/campaigns");
      router.refresh();
      return;
    }
    const json = (await response?.json().catch(() => null)) as { message?: string } | null;
    setProblem(json?.message ?? "Could not reach the server; check your connection and try again");
  };

  return (
    <section className="card" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete campaign</h2>
      {!asking ? (
        <button type="button" className="btn btn-danger" onClick={() => setAsking(true)}>
          Delete campaign…
        </button>
      ) : (
        <div role="alertdialog" aria-labelledby="delete-question" className="delete-confirm">
          <p id="delete-question">
            Delete <strong>{name}</strong>? Its {formatNumber(counts.contacts)} contacts, {formatNumber(counts.jobs)} upload jobs and{" "}
            {formatNumber(counts.calls)} calls are deleted with it. This cannot be undone.
          </p>
          {problem && (
            <div role="alert" className="alert alert-error">
              {problem}
            </div>
          )}
          <div className="button-row">
            <button type="button" className="btn btn-danger" onClick={remove} disabled={busy}>
              {busy ? "Deleting…" : "Delete for good"}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setAsking(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
