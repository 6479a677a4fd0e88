import { z } from "zod";
import type { CallSettingsView } from "./call-settings";

// Call settings as the settings API shows them: the provider secret only to admins (who set it
// and must copy it to the provider); others see that one is set.

const int = z.number().int();
export const callSettingsResponseSchema = z
  .object({
    frequencyCap: int,
    maxConcurrentCalls: int,
    dialerKind: z.enum(["simulated", "http"]),
    providerUrl: z.string().nullable(),
    providerSecret: z.string().nullable().meta({ description: "Only admins see it; null for others." }),
    providerSecretSet: z.boolean(),
    providerTimeoutMs: int,
    simulatedDelayMs: int,
    simulatedContactedPct: int,
    simulatedNoContactPct: int,
    simulatedFailedPct: int,
    simulatedSeed: z.string(),
    fromPhone: z.string(),
  })
  .meta({ id: "CallSettings" });
export type CallSettingsResponse = z.infer<typeof callSettingsResponseSchema>;

export function callSettingsView(settings: CallSettingsView, role: "admin" | "operator" | "viewer"): CallSettingsResponse {
  const { organizationId: _org, ...rest } = settings;
  return {
    ...rest,
    providerSecret: role === "admin" ? settings.providerSecret : null,
    providerSecretSet: settings.providerSecret !== null,
  };
}
