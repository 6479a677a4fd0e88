"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

// "Add to DNC" and "Delete", each asking first. The server's message is shown if it refuses.

type Props = { campaignId: string; contactId: string; name: string; blocked: "global" | "campaign" | null };

export function ContactActions({ campaignId, contactId, name, blocked }: Props) {
  const router = useRouter();
  const [asking, setAsking] = useState<"dnc" | "delete" | null>(null);
  const [scope, setScope] = useState<"campaign" | "global">(blocked === "campaign" ? "global" : "campaign");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/campaigns/${campaignId}/contacts/${contactId}`;

  async function act(request: () => Promise<Response>, then: () => void) {
    setBusy(true);
    setError(null);
    const res = await request();
    setBusy(false);
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      setError(body?.error?.message ?? `The server answered ${res.status}`);
      return;
    }
    setAsking(null);
    then();
  }

  const block = () =>
    act(
      () => fetch(`${url}/dnc`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ scope }) }),
      () => router.refresh(),
    );
  const remove = () =>
    act(
      () => fetch(url, { method: "DELETE" }),
      () => router.push(`/campaigns/${campaignId}/contacts`),
    );

  return (
    <div className="contact-actions">
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {asking === null && (
        <div className="button-row">
          {blocked !== "global" && (
            <button className="btn" type="button" onClick={() => setAsking("dnc")}>
              Add to DNC
            </button>
          )}
          <button className="btn btn-danger" type="button" onClick={() => setAsking("delete")}>
            Delete contact
          </button>
        </div>
      )}
      {asking === "dnc" && (
        <fieldset className="confirm" aria-label="Add to DNC">
          <p>Stop calling this number?</p>
          <label className="choice-inline">
            <input
              type="radio"
              name="scope"
              checked={scope === "campaign"}
              disabled={blocked === "campaign"}
              onChange={() => setScope("campaign")}
            />{" "}
            In this campaign
          </label>
          <label className="choice-inline">
            <input type="radio" name="scope" checked={scope === "global"} onChange={() => setScope("global")} /> In every campaign (global
            list)
          </label>
          <div className="button-row">
            <button
              className="btn btn-primary"
              type="button"
              disabled={busy || (scope === "campaign" && blocked === "campaign")}
              onClick={block}
            >
              Add to DNC
            </button>
            <button className="btn" type="button" onClick={() => setAsking(null)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
      {asking === "delete" && (
        <fieldset className="confirm confirm-danger" aria-label="Delete contact">
          <p>Delete {name}? The contact and its call history are removed; this cannot be undone.</p>
          <div className="button-row">
            <button className="btn btn-danger" type="button" disabled={busy} onClick={remove}>
              Yes, delete
            </button>
            <button className="btn" type="button" onClick={() => setAsking(null)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
