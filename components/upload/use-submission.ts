"use client";

import { useEffect, useRef, type Dispatch } from "react";
import type { SubmitProgress } from "@/lib/upload-wizard/chunked-submit";
import type { SubmitOptions } from "@/lib/upload-wizard/upload-api";
import type { UploadWorkerClient } from "@/lib/upload-wizard/worker-client";
import type { WizardEvent } from "@/lib/upload-wizard/wizard-state";

// The page's side of a submission the worker runs on its own (one "submit", progress as events):
// start (or resume with the key and plan kept in the draft), retry, cancel, and leave — which
// closes the job with what was sent, by a request that outlives the page.

export type SubmissionControl = {
  start: (options: SubmitOptions, fileName: string, resume?: { key: string; plan: number[] }) => Promise<void>;
  retry: () => Promise<void>;
  cancel: () => Promise<void>;
  /** The page is going away mid-submit: stop, and close the job as cancelled with exact counts. */
  leave: () => void;
};

type Deps = {
  client: UploadWorkerClient | null;
  campaignId: string;
  dispatch: Dispatch<WizardEvent>;
  /** The submission's key and plan, to keep in the draft. */
  onPlanned: (submission: { key: string; options: SubmitOptions; plan: number[] }) => void;
};

export function useSubmission({ client, campaignId, dispatch, onPlanned }: Deps): SubmissionControl {
  const progress = useRef<SubmitProgress | null>(null);
  const options = useRef<SubmitOptions>({ mode: "add" });
  const planned = useRef(onPlanned);
  planned.current = onPlanned;

  useEffect(() => {
    if (!client) return;
    return client.onEvent((event) => {
      if (event.event === "submitProgress") {
        progress.current = event.progress;
        dispatch({ type: "submitProgress", progress: event.progress });
      } else planned.current({ key: event.key, options: options.current, plan: event.rows });
    });
  }, [client, dispatch]);

  /** After each run: finished or stopped uploads go to the summary; a paused one waits for retry. */
  const settle = async (last: SubmitProgress) => {
    if (!client || last.phase === "paused" || last.phase === "sending" || last.phase === "cancelling") return;
    if (last.phase === "failed" && last.sent === 0)
      return dispatch({ type: "submitRefused", error: last.error ?? "The server refused the upload." });
    dispatch({ type: "finished", outcome: await client.call("outcome", {}) });
  };

  /** The worker failing mid-upload is shown like any error; the progress so far stays on screen. */
  const guarded = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      dispatch({ type: "failed", error: error instanceof Error ? error.message : String(error) });
    }
  };

  return {
    start: (chosen, fileName, resume) =>
      guarded(async () => {
        if (!client) return;
        options.current = chosen;
        const key = resume?.key ?? crypto.randomUUID();
        const input = { campaignId, fileName, options: chosen, key, resume: resume ? { plan: resume.plan } : null };
        await settle(await client.call("submit", input));
      }),
    retry: () => guarded(async () => client && settle(await client.call("submitRetry", {}))),
    // A sending upload settles when its run ends; a paused one has no run to end, so settle here.
    cancel: () =>
      guarded(async () => {
        if (!client) return;
        const wasPaused = progress.current?.phase === "paused";
        const now = await client.call("submitCancel", {});
        if (wasPaused && now.phase === "cancelled") await settle(now);
      }),
    leave: () => {
      const current = progress.current;
      if (!client || !current?.uploadJobId || !["sending", "paused", "cancelling"].includes(current.phase)) return;
      void client.call("submitCancel", {}).catch(() => {});
      closeJob(current.uploadJobId);
    },
  };
}

/** Outlives the page (keepalive, else a beacon): chunks not yet sent are refused once the job is closed. */
function closeJob(uploadJobId: string) {
  const url = `/api/uploads/${encodeURIComponent(uploadJobId)}/finish`;
  try {
    void fetch(url, { method: "POST", keepalive: true, credentials: "same-origin" }).catch(() => navigator.sendBeacon(url));
  } catch {
    navigator.sendBeacon(url);
  }
}
