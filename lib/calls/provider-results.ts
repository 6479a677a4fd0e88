import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { z } from "zod";
import { getCallSettings } from "@/lib/calls/call-settings";
import { recordCallResult } from "@/lib/calls/record-call-result";
import type { RecordResultOutcome } from "@/lib/calls/types";
import { callResultStatusSchema } from "@/lib/calls/types";
import type { Clock } from "@/lib/domain/clock";
import { logInfo } from "@/lib/log";

// Results in: the HTTP dialer's provider reports each call's result here, signed as a Standard
// Webhook (webhook-id, webhook-timestamp, webhook-signature) with the organization's provider
// secret — the one the dialer signs its attempts with. Verified over the exact bytes received
// before anything is parsed; a bad or missing signature changes nothing. The result goes through
// recordCallResult, the one results path: idempotent on provider_call_id, safe out of order.

/** The provider's result, in the attempt payload's own snake_case. */
export const providerResultSchema = z.object({
  provider_call_id: z.string({ error: "provider_call_id is required" }).trim().min(1, "provider_call_id is required").max(255),
  /** Our call id (the attempt's webhook-id / call_id), when the provider echoes it. */
  call_id: z.uuid({ error: "call_id must be the call_id of the attempt (a UUID)" }).optional(),
  status: callResultStatusSchema,
  disposition: z.string().max(200).nullable().optional(),
  duration: z.number().int().min(0).nullable().optional(),
  start_time: z.iso.datetime({ offset: true, error: "start_time must be an ISO 8601 date-time with a zone" }).nullable().optional(),
  end_time: z.iso.datetime({ offset: true, error: "end_time must be an ISO 8601 date-time with a zone" }).nullable().optional(),
  summary: z.string().max(20_000).nullable().optional(),
  extracted_data: z.record(z.string(), z.unknown()).nullable().optional(),
  recording_id: z.string().max(255).nullable().optional(),
  transcript_id: z.string().max(255).nullable().optional(),
  from_phone: z.string().max(32).nullable().optional(),
});

export type ProviderResultOutcome =
  | { kind: "unauthorized"; reason: string }
  | { kind: "invalid"; issues: string[] }
  | { kind: "not_found"; providerCallId: string }
  | { kind: "recorded"; providerCallId: string; outcome: Exclude<RecordResultOutcome, { outcome: "not_found" }> };

export async function receiveProviderResult(
  organizationId: string,
  raw: string,
  headers: Headers,
  clock: Clock,
): Promise<ProviderResultOutcome> {
  const settings = await getCallSettings(organizationId);
  if (!settings.providerSecret) return { kind: "unauthorized", reason: "no provider secret is configured" };
  try {
    new Webhook(settings.providerSecret).verify(
      raw,
      {
        "webhook-id": headers.get("webhook-id") ?? "",
        "webhook-timestamp": headers.get("webhook-timestamp") ?? "",
        "webhook-signature": headers.get("webhook-signature") ?? "",
      },
      { jsonParse: false },
    );
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { kind: "unauthorized", reason: error.message };
    throw error;
  }

  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { kind: "invalid", issues: ["The body is not valid JSON"] };
  }
  const parsed = providerResultSchema.safeParse(body);
  if (!parsed.success)
    return { kind: "invalid", issues: parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)) };
  const r = parsed.data;
  const outcome = await recordCallResult(
    { organizationId },
    {
      providerCallId: r.provider_call_id,
      attemptId: r.call_id,
      status: r.status,
      disposition: r.disposition,
      duration: r.duration,
      startedAt: r.start_time ? new Date(r.start_time) : null,
      endedAt: r.end_time ? new Date(r.end_time) : null,
      summary: r.summary,
      extractedData: r.extracted_data,
      recordingId: r.recording_id,
      transcriptId: r.transcript_id,
      fromPhone: r.from_phone,
      clock,
    },
  );
  if (outcome.outcome === "not_found") {
    logInfo("provider result for an unknown call", {
      organizationId,
      providerCallId: r.provider_call_id,
      webhookId: headers.get("webhook-id"),
    });
    return { kind: "not_found", providerCallId: r.provider_call_id };
  }
  return { kind: "recorded", providerCallId: r.provider_call_id, outcome };
}
