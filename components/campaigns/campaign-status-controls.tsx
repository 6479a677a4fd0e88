"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";

// Pause and resume. Pausing goes through TimePay's PATCH /api/v1/campaigns/pause/{id}; resuming
// through the app's own route (TimePay documents none). The server's message is shown on failure.

type Props = { campaignId: string; status: "draft" | "active" | "paused" | "completed" };

export function CampaignStatusControls({ campaignId, status }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (status === "completed") return null;

  const change = (action: "pause" | "resume") =>
    startTransition(async () => {
      setError(null);
      const response =
        action === "pause"
          ? await fetch(`/api/v1/campaigns/pause/${encodeURIComponent(campaignId)}`, { method: "PATCH" })
          : await fetch(`/api/campaigns/${encodeURIComponent(campaignId)}/resume`, { method: "POST" });
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        setError(body?.message ?? body?.error?.message ?? `The campaign could not be ${action}d (HTTP ${response.status})`);
        return;
      }
      router.refresh();
    });

  return (
    <div className="button-row">
      {status === "active" ? (
        <button type="button" className="btn" disabled={pending} onClick={() => change("pause")}>
          {pending ? "Pausing…" : "Pause calls"}
        </button>
      ) : (
        <button type="button" className="btn btn-primary" disabled={pending} onClick={() => change("resume")}>
          {pending ? "Resuming…" : status === "draft" ? "Start calls" : "Resume calls"}
        </button>
      )}
      {error && (
        <div role="alert" className="alert alert-error">
          {error}
        </div>
      )}
    </div>
  );
}
