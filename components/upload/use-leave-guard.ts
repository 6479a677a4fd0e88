"use client";

import { useEffect, useRef } from "react";

// Leaving the wizard with reviewed or half-sent rows asks first: closing or reloading the tab
// (the browser's own prompt), any in-app link (the sidebar, breadcrumbs) and the back button.
// `onLeave` runs once the operator chose to leave (and on pagehide, when the tab closes or
// reloads): during a submission it cancels the upload, so rows not yet sent are not sent.

export const LEAVE_QUESTION = "Leave this upload? Your edits stay in this browser: the upload page offers to resume them.";
export const LEAVE_SUBMIT_QUESTION =
  "Leave this upload? The upload is cancelled: rows not sent yet are not sent. The upload page offers to resume it.";

export function useLeaveGuard(active: boolean, question: string, onLeave: () => void = () => {}) {
  const latest = useRef({ question, onLeave });
  latest.current = { question, onLeave };

  useEffect(() => {
    if (!active) return;
    const ask = () => window.confirm(latest.current.question);
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const pagehide = () => latest.current.onLeave();

    // Capture on window runs before React's listeners on its root, so a refused click never
    // reaches next/link's handler.
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.search === window.location.search))
        return;
      if (ask()) return latest.current.onLeave();
      event.preventDefault();
      event.stopPropagation();
    };

    // The back button: an entry of our own sits on top of the page's, so "back" first lands on
    // the page itself, where we can ask; staying puts the entry back.
    const marker = { uploadGuard: true };
    window.history.pushState(marker, "");
    const popstate = () => {
      if (ask()) {
        latest.current.onLeave();
        window.removeEventListener("popstate", popstate);
        window.history.back();
      } else {
        window.history.pushState(marker, "");
      }
    };

    window.addEventListener("beforeunload", beforeUnload);
    window.addEventListener("pagehide", pagehide);
    window.addEventListener("click", click, true);
    window.addEventListener("popstate", popstate);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      window.removeEventListener("pagehide", pagehide);
      window.removeEventListener("click", click, true);
      window.removeEventListener("popstate", popstate);
      // Done guarding (the upload finished, or the operator went back a step): drop our entry.
      if ((window.history.state as { uploadGuard?: boolean } | null)?.uploadGuard) window.history.back();
    };
  }, [active]);
}
