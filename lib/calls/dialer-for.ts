import type { CallSettingsView } from "@/lib/calls/call-settings";
import type { Dialer } from "@/lib/calls/dialer";
import { createHttpDialer } from "@/lib/calls/http-dialer";
import { createSimulatedDialer } from "@/lib/calls/simulated-dialer";

// Which dialer an organization uses (call_settings.dialerKind; simulated by default).

export type DialerFor = (settings: CallSettingsView) => Dialer;

export const dialerFor: DialerFor = (settings) => {
  if (settings.dialerKind === "http" && settings.providerUrl && settings.providerSecret) {
    return createHttpDialer({ url: settings.providerUrl, secret: settings.providerSecret, timeoutMs: settings.providerTimeoutMs });
  }
  return createSimulatedDialer({ delayMs: settings.simulatedDelayMs });
};
