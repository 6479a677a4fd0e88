"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendDnc } from "@/components/dnc/dnc-api";
import styles from "@/components/dnc/dnc.module.css";

// Remove (asks first: the number will be dialled again) or re-activate one entry.

export function DncEntryActions({ id, number, active }: { id: string; number: string; active: boolean }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const change = async (next: boolean) => {
    setBusy(true);
    const sent = await sendDnc("PATCH", `/api/dnc/${encodeURIComponent(id)}`, { active: next });
    setBusy(false);
    setAsking(false);
    if (sent.ok) router.refresh();
    else setProblem(sent.message);
  };
  if (problem)
    return (
      <span role="alert" className="small text-danger">
        {problem}
      </span>
    );
  if (!active)
    return (
      <button type="button" className="btn btn-sm" disabled={busy} onClick={() => change(true)} aria-label={`Re-activate ${number}`}>
        Re-activate
      </button>
    );
  if (asking)
    return (
      <span className={styles.confirm}>
        <span className="small">Remove {number}? It can be called again.</span>
        <button type="button" className="btn btn-sm btn-danger" disabled={busy} onClick={() => change(false)}>
          Yes, remove
        </button>
        <button type="button" className="btn btn-sm" onClick={() => setAsking(false)}>
          Keep
        </button>
      </span>
    );
  return (
    <button type="button" className="btn btn-sm btn-danger" onClick={() => setAsking(true)} aria-label={`Remove ${number}`}>
      Remove
    </button>
  );
}
