import { vi } from "vitest";
import { logger } from "@/lib/log";

// An "undocumented 500": a request the wrapper could only answer with its generic error (it logs
// "unhandled route error"), or any 5xx from a route outside the wrapper. The contracts' own 500s
// (Flexydial's "Job not found.", "Headers are not matching ...") are documented answers.

export function watchUnhandled() {
  const spy = vi.spyOn(logger, "error");
  let seen = 0;
  return {
    /** Whether the response just received was an undocumented 500. */
    check(route: { file: string }, status: number): boolean {
      const unhandled = spy.mock.calls.filter((args) => args[1] === "unhandled route error").length;
      const fresh = unhandled > seen;
      seen = unhandled;
      return fresh || (status >= 500 && route.file.includes("[...all]"));
    },
    restore: () => spy.mockRestore(),
  };
}
