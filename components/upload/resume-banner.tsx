"use client";

import { editCount, type UploadDraft } from "@/lib/upload-wizard/upload-draft";
import { formatNumber } from "@/components/ui/format";

// Offered on the upload page when the browser kept an upload that did not finish (a reload, a
// crash, a closed tab): resume it where it was, or discard it.
export function ResumeBanner({
  draft,
  busy,
  onResume,
  onDiscard,
}: {
  draft: UploadDraft;
  busy: boolean;
  onResume: () => void;
  onDiscard: () => void;
}) {
  const edits = editCount(draft.edits);
  const sending = draft.step === "submit" && draft.submission !== null;
  return (
    <section className="card resume-banner" aria-label="Unfinished upload">
      <div>
        <h2 className="resume-title">
          Resume the upload of <span className="mono">{draft.file.name}</span>: {formatNumber(draft.rows)}{" "}
          {draft.rows === 1 ? "row" : "rows"}, {formatNumber(edits)} {edits === 1 ? "edit" : "edits"}
        </h2>
        <p className="muted small">
          {sending
            ? "Sending had started. Resuming sends the rest; rows already added are not added twice."
            : "Kept in this browser: your column choices and edits come back as you left them."}{" "}
          Saved {new Date(draft.savedAt).toLocaleString()}.
        </p>
      </div>
      <div className="button-row">
        <button type="button" className="btn" disabled={busy} onClick={onDiscard}>
          Discard
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={onResume}>
          Resume
        </button>
      </div>
    </section>
  );
}
