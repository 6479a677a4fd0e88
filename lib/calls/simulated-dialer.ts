import type { Dialer } from "@/lib/calls/dialer";

// The default dialer: places no call. It accepts every attempt at once (provider call id
// "sim_<call id>") and marks when its result is due; deliverSimulatedResults then reports the
// outcome through recordCallResults, the path a provider's webhook takes.

export const SIMULATED_PREFIX = "sim_";

export function createSimulatedDialer(options: { delayMs: number }): Dialer {
  return {
    kind: "simulated",
    async place(attempt) {
      return { ok: true, providerCallId: `${SIMULATED_PREFIX}${attempt.callId}`, resultDueAt: new Date(attempt.at.getTime() + options.delayMs) };
    },
  };
}
