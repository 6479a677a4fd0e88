"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { checkAgainstCampaign } from "@/lib/upload-wizard/campaign-check";
import type { UploadWorkerClient } from "@/lib/upload-wizard/worker-client";
import type { ReviewState } from "@/lib/upload-wizard/worker-protocol";

export type CheckStatus = { state: "idle" | "checking" | "done" | "error"; error: string | null };

// Runs the validate-only check whenever valid rows are unchecked (on entering the review, and
// shortly after edits), one loop at a time, and stops when the review step goes away.
export function useCampaignCheck(client: UploadWorkerClient, campaignId: string, unchecked: number, onState: (state: ReviewState) => void) {
  const [status, setStatus] = useState<CheckStatus>({ state: "idle", error: null });
  const running = useRef(false);
  const stopped = useRef(false);
  const latest = useRef(onState);
  latest.current = onState;

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setStatus({ state: "checking", error: null });
    try {
      await checkAgainstCampaign({ client, campaignId, onState: (s) => latest.current(s), isStopped: () => stopped.current });
      setStatus({ state: "done", error: null });
    } catch (error) {
      setStatus({ state: "error", error: error instanceof Error ? error.message : String(error) });
    } finally {
      running.current = false;
    }
  }, [client, campaignId]);

  useEffect(() => {
    stopped.current = false;
    return () => {
      stopped.current = true;
    };
  }, []);

  useEffect(() => {
    if (unchecked === 0 || status.state === "error") return;
    // First let the table settle on screen; after that, edits come in bursts (typing, a
    // replace), so wait for a pause before asking the server.
    const timer = setTimeout(() => void run(), status.state === "idle" ? 1000 : 800);
    return () => clearTimeout(timer);
  }, [unchecked, status.state, run]);

  return { status, retry: run };
}
