import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import type { DomainContext } from "@/lib/domain/context";
import { Invalid } from "@/lib/domain/errors";
import { normalizePhone } from "@/lib/records/phone";
import { getCallSettings } from "./call-settings";
import { dialerFor } from "./dialer-for";
import type { DialAttempt } from "./dialer";
import { simulateOutcome } from "./simulated-outcome";
import { callResultStatusSchema } from "./types";

// "Send a test call" of the dialer settings: one attempt through the organization's configured
// dialer, exactly as the dispatcher hands attempts over. The HTTP dialer really POSTs it, signed,
// to the provider and we report the provider's answer; the simulated dialer accepts it and we
// report the outcome it would deliver for that number. No attempt row is written: a test call
// is no customer's call, is not counted against the cap, and its result is not recorded.

export const testCallSchema = z.object(
  { phone: z.string({ error: "phone is required and must be a string" }).trim().min(1, "phone is required and must be a string").max(32) },
  { error: "Request body must be a JSON object" },
);
export type TestCallInput = z.output<typeof testCallSchema>;

export const testCallReportSchema = z
  .object({
    dialer: z.enum(["simulated", "http"]),
    callId: z.string(),
    to: z.string(),
    from: z.string(),
    accepted: z.boolean(),
    providerCallId: z.string().nullable(),
    error: z.string().nullable(),
    durationMs: z.number(),
    /** Simulated dialer: the result it would report for this number. */
    simulatedResult: z
      .object({
        status: callResultStatusSchema,
        disposition: z.string(),
        duration: z.number(),
        summary: z.string(),
        extractedData: z.record(z.string(), z.unknown()),
      })
      .nullable(),
  })
  .meta({ id: "TestCallReport" });
export type TestCallReport = z.infer<typeof testCallReportSchema>;

export async function placeTestCall(ctx: DomainContext, input: TestCallInput, clock: Clock): Promise<TestCallReport> {
  const phone = normalizePhone(input.phone, { defaultCountry: "IN", mobileOnly: false });
  if (!phone.ok) throw new Invalid("Validation failed", { field: "phone", issues: [`phone: ${phone.message}`] });
  const settings = await getCallSettings(ctx.organizationId);
  const attempt: DialAttempt = {
    callId: randomUUID(),
    organizationId: ctx.organizationId,
    campaignId: "test-call",
    campaignName: "Dialsheet test call",
    serviceType: "lead_generation",
    customerId: "test-call",
    identifier: "TEST-CALL",
    name: "Test call",
    language: "english",
    toPhone: phone.e164,
    fromPhone: settings.fromPhone,
    agentId: "test-call",
    dispositionId: null,
    attempt: 1,
    data: { test_call: true },
    at: clock.now(),
  };
  const started = performance.now();
  const outcome = await dialerFor(settings).place(attempt);
  const durationMs = Math.round(performance.now() - started);
  const simulated = settings.dialerKind === "simulated" || !settings.providerUrl || !settings.providerSecret;
  const dispositions = simulated
    ? (await db.disposition.findMany({ where: { organizationId: ctx.organizationId }, select: { name: true } })).map((d) => d.name)
    : [];
  return {
    dialer: simulated ? "simulated" : "http",
    callId: attempt.callId,
    to: phone.e164,
    from: settings.fromPhone,
    accepted: outcome.ok,
    providerCallId: outcome.ok ? outcome.providerCallId : null,
    error: outcome.ok ? null : outcome.message,
    durationMs,
    simulatedResult: simulated
      ? simulateOutcome({
          seed: settings.simulatedSeed,
          phone: phone.e164,
          attempt: 1,
          mix: {
            contactedPct: settings.simulatedContactedPct,
            noContactPct: settings.simulatedNoContactPct,
            failedPct: settings.simulatedFailedPct,
          },
          serviceType: "lead_generation",
          dispositions,
          at: attempt.at,
        })
      : null,
  };
}
