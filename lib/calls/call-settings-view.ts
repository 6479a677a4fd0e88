import type { CallSettingsView } from "./call-settings";

// Call settings as the settings API shows them: the provider secret only to admins (who set it
// and must copy it to the provider); others see that one is set.

export type CallSettingsResponse = Omit<CallSettingsView, "organizationId"> & { providerSecretSet: boolean };

export function callSettingsView(settings: CallSettingsView, role: "admin" | "operator" | "viewer"): CallSettingsResponse {
  const { organizationId: _org, ...rest } = settings;
  return { ...rest, providerSecret: role === "admin" ? settings.providerSecret : null, providerSecretSet: settings.providerSecret !== null };
}
