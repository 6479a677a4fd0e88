// The dialer boundary: place one call for an attempt. The dispatcher has already checked the
// campaign, the window, DNC, the cap, liveness and concurrency, and moved the attempt to
// `dialing`; a dialer only talks to the provider. Results come back through recordCallResult.

export type DialAttempt = {
  /** calls.id: also the idempotency key a provider should de-duplicate on. */
  callId: string;
  organizationId: string;
  campaignId: string;
  campaignName: string;
  serviceType: "debt_collection" | "lead_generation" | "custom";
  customerId: string;
  /** loan_id / lead_id / identifier. */
  identifier: string;
  name: string | null;
  language: string | null;
  /** E.164. */
  toPhone: string;
  fromPhone: string;
  agentId: string;
  dispositionId: string | null;
  attempt: number;
  /** The customer's other fields (keyed as in the campaign's field schema). */
  data: Record<string, unknown>;
  /** When the dispatcher handed the attempt over (the injected clock). */
  at: Date;
};

export type DialErrorKind = "retryable" | "permanent";

export type DialOutcome =
  | {
      ok: true;
      providerCallId: string;
      /** For the simulated dialer: when its result is due (deliverSimulatedResults). */
      resultDueAt?: Date;
    }
  | { ok: false; kind: DialErrorKind; message: string };

export interface Dialer {
  readonly kind: "simulated" | "http" | (string & {});
  /** Never throws for provider problems: classify them. A throw is treated as retryable. */
  place(attempt: DialAttempt): Promise<DialOutcome>;
}

export const dialFailed = (kind: DialErrorKind, message: string): DialOutcome => ({ ok: false, kind, message });
