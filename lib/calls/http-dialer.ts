import { Webhook } from "standardwebhooks";
import { z } from "zod";
import { systemClock, type Clock } from "@/lib/domain/clock";
import { dialFailed, type Dialer, type DialAttempt } from "@/lib/calls/dialer";

// POSTs each attempt to the organization's provider, signed as a Standard Webhook (headers
// webhook-id = our call id, webhook-timestamp, webhook-signature), with a timeout. The call id is
// stable across re-sends, so a provider de-duplicates a re-sent attempt on webhook-id. The
// provider answers 2xx with {"provider_call_id": "..."} and later reports the result on the
// inbound webhook (recordCallResult). Timeouts, network errors, 408, 429 and 5xx are retryable;
// any other answer is permanent.

export type HttpDialerOptions = { url: string; secret: string; timeoutMs: number; clock?: Clock };

const accepted = z.object({ provider_call_id: z.string().min(1).max(255) });

export function attemptPayload(attempt: DialAttempt) {
  return {
    call_id: attempt.callId,
    attempt: attempt.attempt,
    campaign_id: attempt.campaignId,
    campaign_name: attempt.campaignName,
    agent_id: attempt.agentId,
    disposition_id: attempt.dispositionId,
    customer_id: attempt.customerId,
    identifier: attempt.identifier,
    name: attempt.name,
    language: attempt.language,
    to: attempt.toPhone,
    from: attempt.fromPhone,
    data: attempt.data,
  };
}

export function createHttpDialer(options: HttpDialerOptions): Dialer {
  const webhook = new Webhook(options.secret);
  const clock = options.clock ?? systemClock;
  return {
    kind: "http",
    async place(attempt) {
      const body = JSON.stringify(attemptPayload(attempt));
      const timestamp = clock.now();
      const headers = {
        "content-type": "application/json",
        "webhook-id": attempt.callId,
        "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
        "webhook-signature": webhook.sign(attempt.callId, timestamp, body),
      };
      let response: Response;
      try {
        response = await fetch(options.url, { method: "POST", headers, body, signal: AbortSignal.timeout(options.timeoutMs), redirect: "error" });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
        return dialFailed("retryable", timedOut ? `provider did not answer within ${options.timeoutMs} ms` : `provider unreachable: ${(error as Error).message}`);
      }
      const text = await response.text().catch(() => "");
      if (!response.ok) {
        const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
        return dialFailed(retryable ? "retryable" : "permanent", `provider answered ${response.status}: ${text.slice(0, 200)}`);
      }
      const parsed = accepted.safeParse(safeJson(text));
      if (!parsed.success) return dialFailed("permanent", "provider answered without a provider_call_id");
      return { ok: true, providerCallId: parsed.data.provider_call_id };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
