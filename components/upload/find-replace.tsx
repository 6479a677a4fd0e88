"use client";

import { useEffect, useState } from "react";
import type { FieldDefinition } from "@/lib/campaigns/field-schema";
import type { ReplaceSpec } from "@/lib/upload-wizard/find-replace";
import type { UploadWorkerClient } from "@/lib/upload-wizard/worker-client";
import { formatNumber } from "@/components/ui/format";

type Props = {
  client: UploadWorkerClient;
  fields: FieldDefinition[];
  /** Changes after every edit, so the count of matching cells is recounted. */
  version: unknown;
  onReplace: (spec: ReplaceSpec) => Promise<void>;
  onClose: () => void;
};

// Find and replace within one column. The number of cells it will change is counted (in the
// worker) while the operator types; the replacement is one step of undo.
export function FindReplace({ client, fields, version, onReplace, onClose }: Props) {
  const [spec, setSpec] = useState<ReplaceSpec>({
    field: fields[0]?.key ?? "",
    find: "",
    replace: "",
    wholeCell: false,
    matchCase: false,
    onlyErrors: false,
  });
  const [matched, setMatched] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<ReplaceSpec>) => setSpec((s) => ({ ...s, ...change }));

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void client.call("replace", { spec, dryRun: true }).then(
        (r) => live && setMatched(r.matched),
        () => live && setMatched(null),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, spec, version]);

  const submit = async () => {
    setBusy(true);
    await onReplace(spec);
    setBusy(false);
  };

  return (
    <form
      className="card find-replace"
      aria-label="Find and replace"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => e.key === "Escape" && onClose()}
    >
      <label className="field inline">
        <span>In column</span>
        <select value={spec.field} onChange={(e) => set({ field: e.target.value })}>
          {fields.map((f) => (
            <option key={f.key} value={f.key}>
              {f.key}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline">
        <span>Find</span>
        <input
          autoFocus
          value={spec.find}
          onChange={(e) => set({ find: e.target.value })}
          placeholder={spec.wholeCell ? "blank cells" : "text to find"}
        />
      </label>
      <label className="field inline">
        <span>Replace with</span>
        <input value={spec.replace} onChange={(e) => set({ replace: e.target.value })} />
      </label>
      <div className="find-options">
        <label>
          <input type="checkbox" checked={spec.wholeCell} onChange={(e) => set({ wholeCell: e.target.checked })} /> Entire cell
        </label>
        <label>
          <input type="checkbox" checked={spec.matchCase} onChange={(e) => set({ matchCase: e.target.checked })} /> Match case
        </label>
        <label>
          <input type="checkbox" checked={spec.onlyErrors} onChange={(e) => set({ onlyErrors: e.target.checked })} /> Only cells with errors
        </label>
      </div>
      <div className="find-actions">
        <span className="muted" role="status">
          {matched === null
            ? ""
            : matched === 0
              ? "No cells match"
              : `${formatNumber(matched)} ${matched === 1 ? "cell matches" : "cells match"}`}
        </span>
        <button type="submit" className="btn btn-primary btn-sm" disabled={busy || !matched}>
          {busy ? "Replacing…" : `Replace ${matched ? formatNumber(matched) : ""}`.trim()}
        </button>
        <button type="button" className="btn btn-sm" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
