"use client";

import { useState } from "react";
import { DncAddForm } from "@/components/dnc/dnc-add-form";
import { DncUpload } from "@/components/dnc/dnc-upload";

// The DNC screen's write tools: "Add a number" and "Upload a file", each opening its panel. With an
// empty list they sit in the empty state, under what the list is for. Viewers get neither.

type Option = { id: string; name: string };

export function DncTools({ campaigns, canWrite, empty }: { campaigns: Option[]; canWrite: boolean; empty: boolean }) {
  const [open, setOpen] = useState<"add" | "upload" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setOpen(null);
    setNotice(message || null);
  };
  const buttons = canWrite && open === null && (
    <div className="button-row">
      <button type="button" className="btn btn-primary" onClick={() => setOpen("add")}>
        Add a number
      </button>
      <button type="button" className="btn" onClick={() => setOpen("upload")}>
        Upload a file
      </button>
    </div>
  );
  return (
    <>
      {empty ? (
        <section className="card empty-state">
          <h2>No numbers on the do-not-call list</h2>
          <p className="muted">
            Numbers on this list are never dialled: globally, or for one campaign. Add the people who asked not to be called, or a
            regulator's or client's list. Every call checks the list again just before dialling, and every change is kept in the history.
          </p>
          {buttons}
        </section>
      ) : (
        buttons
      )}
      {notice && (
        <div role="status" className="alert alert-success">
          {notice}
        </div>
      )}
      {open === "add" && <DncAddForm campaigns={campaigns} onDone={done} />}
      {open === "upload" && <DncUpload campaigns={campaigns} onDone={done} />}
    </>
  );
}
