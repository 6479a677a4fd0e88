"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { formatDateTime, formatNumber } from "@/components/ui/format";

// "Undo this upload": asks first, then removes the contacts this job created that have no calls
// and shows how many it removed and which it kept, and why. An undone job shows that record.

type Result = { removed: number; kept: { id: string; identifier: string; reason: string }[]; keptTotal: number };
type Done = { at: string; by: string | null; result: Result | null };

export function UndoUpload({ jobId, added, done, canUndo }: { jobId: string; added: number; done: Done | null; canUndo: boolean }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function undo() {
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/upload-jobs/${jobId}/undo`, { method: "POST" });
    setBusy(false);
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      setError(body?.error?.message ?? `The server answered ${res.status}`);
      return;
    }
    setAsking(false);
    router.refresh();
  }

  if (done) {
    const r = done.result;
    return (
      <div className="undo-record" role="status">
        <p>
          Undone {formatDateTime(done.at)}
          {done.by && ` by ${done.by}`}: <strong>{formatNumber(r?.removed ?? 0)} contacts removed</strong>
          {r && r.keptTotal > 0 && <>, {formatNumber(r.keptTotal)} kept</>}.
        </p>
        {r && r.kept.length > 0 && (
          <ul className="reasons" aria-label="Contacts kept">
            {r.kept.map((k) => (
              <li key={k.id}>
                <span className="mono">{k.identifier}</span>: kept, {k.reason}
              </li>
            ))}
            {r.keptTotal > r.kept.length && <li>… and {formatNumber(r.keptTotal - r.kept.length)} more</li>}
          </ul>
        )}
      </div>
    );
  }
  if (!canUndo) return null;
  return (
    <div>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {!asking ? (
        <>
          <p className="muted">Removes the contacts this upload added that have not been called yet. Contacts already called are kept.</p>
          <button className="btn btn-danger" type="button" onClick={() => setAsking(true)}>
            Undo this upload…
          </button>
        </>
      ) : (
        <fieldset className="confirm confirm-danger" aria-label="Confirm undo">
          <p>Remove up to {formatNumber(added)} contacts added by this upload? Contacts with calls stay. This cannot be reversed.</p>
          <div className="button-row">
            <button className="btn btn-danger" type="button" disabled={busy} onClick={undo}>
              {busy ? "Undoing…" : "Yes, undo the upload"}
            </button>
            <button className="btn" type="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
