import { z } from "zod";
import { db } from "@/lib/db/client";
import type { CallSettings } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { Forbidden, Invalid } from "@/lib/domain/errors";

// An organization's calling settings (call_settings). A missing row means the defaults, so no
// organization has to be migrated or seeded to start calling with the simulated dialer.

export type CallSettingsView = Omit<CallSettings, "updatedAt">;

export const DEFAULT_CALL_SETTINGS: Omit<CallSettingsView, "organizationId"> = {
  frequencyCap: 3,
  maxConcurrentCalls: 50,
  dialerKind: "simulated",
  providerUrl: null,
  providerSecret: null,
  providerTimeoutMs: 10_000,
  simulatedDelayMs: 5_000,
  simulatedContactedPct: 60,
  simulatedNoContactPct: 30,
  simulatedFailedPct: 10,
  simulatedSeed: "dialsheet",
  fromPhone: "+918035450808",
};

const pct = z.number().int().min(0).max(100);
export const callSettingsPatchSchema = z
  .object({
    frequencyCap: z.number().int().min(1).max(100),
    maxConcurrentCalls: z.number().int().min(1).max(10_000),
    dialerKind: z.enum(["simulated", "http"]),
    providerUrl: z.url({ protocol: /^https?$/ }).max(2_000).nullable(),
    /** Standard Webhooks secret: "whsec_" + base64. */
    providerSecret: z.string().regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, "must be a Standard Webhooks secret (whsec_…)").nullable(),
    providerTimeoutMs: z.number().int().min(100).max(60_000),
    simulatedDelayMs: z.number().int().min(0).max(600_000),
    simulatedContactedPct: pct,
    simulatedNoContactPct: pct,
    simulatedFailedPct: pct,
    simulatedSeed: z.string().min(1).max(100),
    fromPhone: z.string().regex(/^\+\d{6,15}$/, "must be an E.164 number"),
  })
  .partial()
  .strict();
export type CallSettingsPatch = z.infer<typeof callSettingsPatchSchema>;

export async function getCallSettings(organizationId: string): Promise<CallSettingsView> {
  const row = await db.callSettings.findUnique({ where: { organizationId }, omit: { updatedAt: true } });
  return row ?? { organizationId, ...DEFAULT_CALL_SETTINGS };
}

/** Many organizations at once (the dispatcher), defaults filled in. */
export async function callSettingsOf(organizationIds: string[]): Promise<Map<string, CallSettingsView>> {
  const rows = await db.callSettings.findMany({ where: { organizationId: { in: organizationIds } }, omit: { updatedAt: true } });
  const byOrg = new Map(rows.map((r) => [r.organizationId, r]));
  return new Map(organizationIds.map((id) => [id, byOrg.get(id) ?? { organizationId: id, ...DEFAULT_CALL_SETTINGS }]));
}

/** Admins only. The mix must add up to 100 and an http dialer needs a URL and a secret. */
export async function updateCallSettings(ctx: DomainContext, patch: CallSettingsPatch): Promise<CallSettingsView> {
  if (ctx.actor.role !== "admin") throw new Forbidden("Only admins can change call settings");
  const parsed = callSettingsPatchSchema.safeParse(patch);
  if (!parsed.success) throw new Invalid("Invalid call settings", { issues: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`) });
  const next = { ...(await getCallSettings(ctx.organizationId)), ...parsed.data };
  const issues: string[] = [];
  if (next.simulatedContactedPct + next.simulatedNoContactPct + next.simulatedFailedPct !== 100) {
    issues.push("simulatedContactedPct + simulatedNoContactPct + simulatedFailedPct must add up to 100");
  }
  if (next.dialerKind === "http" && (!next.providerUrl || !next.providerSecret)) {
    issues.push("the http dialer needs providerUrl and providerSecret");
  }
  if (issues.length) throw new Invalid("Invalid call settings", { issues });
  const { organizationId, ...data } = next;
  return db.callSettings.upsert({ where: { organizationId }, create: { organizationId, ...data }, update: data, omit: { updatedAt: true } });
}
