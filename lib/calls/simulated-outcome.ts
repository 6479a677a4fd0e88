import { createHash } from "node:crypto";
import type { CallResultStatus } from "@/lib/calls/types";

// The simulated dialer's outcomes: a pure function of (seed, phone number, attempt number), so
// tests and demos can predict them. The mix is in percent (Contacted / No Contact / Failed); the
// disposition comes from the organization's own names.

export type OutcomeMix = { contactedPct: number; noContactPct: number; failedPct: number };

export type SimulatedOutcome = {
  status: CallResultStatus;
  disposition: string;
  duration: number;
  summary: string;
  extractedData: Record<string, unknown>;
};

const NO_CONTACT = /no answer|voicemail|busy|unreachable|switched off|not reachable/i;

export function simulateOutcome(input: {
  seed: string;
  phone: string;
  attempt: number;
  mix: OutcomeMix;
  serviceType: "debt_collection" | "lead_generation" | "custom";
  /** The organization's disposition names. */
  dispositions: string[];
  /** When the call started (for dates in the extracted data). */
  at: Date;
}): SimulatedOutcome {
  const bytes = createHash("sha256").update(`${input.seed}|${input.phone}|${input.attempt}`).digest();
  const roll = bytes.readUInt32BE(0) % 100;
  const pick = (list: string[], fallback: string) => (list.length ? list[bytes.readUInt16BE(4) % list.length] : fallback);
  const { contactedPct, noContactPct } = input.mix;
  const sorted = [...input.dispositions].sort();

  if (roll < contactedPct) {
    const disposition = pick(sorted.filter((d) => !NO_CONTACT.test(d)), input.serviceType === "debt_collection" ? "Promise to Pay" : "Interested");
    const duration = 30 + (bytes.readUInt16BE(6) % 271);
    if (input.serviceType === "debt_collection") {
      const days = 1 + (bytes[8] % 14);
      const promise = new Date(input.at.getTime() + days * 86_400_000).toISOString().slice(0, 10);
      return {
        status: "Contacted", disposition, duration,
        summary: `The customer agreed to pay by ${promise}.`,
        extractedData: { promise_to_pay_date: promise, emi_amount: 1_000 * (5 + (bytes[9] % 20)) },
      };
    }
    return {
      status: "Contacted", disposition, duration,
      summary: "The customer asked for more details and a follow-up.",
      extractedData: { interested: bytes[8] % 2 === 0, callback_requested: bytes[9] % 3 === 0 },
    };
  }
  if (roll < contactedPct + noContactPct) {
    return {
      status: "No Contact",
      disposition: pick(sorted.filter((d) => NO_CONTACT.test(d)), "No Answer"),
      duration: bytes[8] % 31,
      summary: "The call was not answered.",
      extractedData: {},
    };
  }
  return { status: "Failed", disposition: "Call Failed", duration: 0, summary: "The call could not be connected.", extractedData: {} };
}
