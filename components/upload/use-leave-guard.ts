"use client";

import { useEffect } from "react";

// Leaving the wizard with reviewed or half-sent rows asks first: closing or reloading the tab
// (the browser's own prompt), any in-app link (the sidebar, breadcrumbs) and the back button.

export const LEAVE_QUESTION = "Leave this upload? The rows you checked and your edits will be lost.";

export function useLeaveGuard(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();

    // Capture on window runs before React's listeners on its root, so a refused click never
    // reaches next/link's handler.
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.search === window.location.search))
        return;
      if (window.confirm(LEAVE_QUESTION)) return;
      event.preventDefault();
      event.stopPropagation();
    };

    // The back button: an entry of our own sits on top of the page's, so "back" first lands on
    // the page itself, where we can ask; staying puts the entry back.
    const marker = { uploadGuard: true };
    window.history.pushState(marker, "");
    const popstate = () => {
      if (window.confirm(LEAVE_QUESTION)) {
        window.removeEventListener("popstate", popstate);
        window.history.back();
      } else {
        window.history.pushState(marker, "");
      }
    };

    window.addEventListener("beforeunload", beforeUnload);
    window.addEventListener("click", click, true);
    window.addEventListener("popstate", popstate);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      window.removeEventListener("click", click, true);
      window.removeEventListener("popstate", popstate);
      // Done guarding (the upload finished, or the operator went back a step): drop our entry.
      if ((window.history.state as { uploadGuard?: boolean } | null)?.uploadGuard) window.history.back();
    };
  }, [active]);
}
