import { createHash } from "node:crypto";

// The SMS / WhatsApp boundary, like the dialer's: hand one message to a channel → the channel's
// message id and status, or a classified error. The simulated channel (the default, the demo's
// and the tests') sends nothing: it accepts every message and reports it Delivered, with a
// deterministic wamid-like id, so tests can predict it. A real provider plugs in behind the same
// interface.

export type OutgoingMessage = { messageId: string; channel: "sms" | "whatsapp"; toPhone: string; body: string; at: Date };
export type ChannelOutcome =
  | { ok: true; providerMessageId: string; status: "Accepted" | "Delivered" }
  | { ok: false; retryable: boolean; error: string };

export interface MessageChannel {
  kind: string;
  send(message: OutgoingMessage): Promise<ChannelOutcome>;
}

/** What the simulated channel answers (pure, so the workflow runner can record it in its transaction). */
export function simulatedSend(message: OutgoingMessage): ChannelOutcome & { ok: true } {
  const digest = createHash("sha256").update(message.messageId).digest("hex").slice(0, 24);
  return { ok: true, providerMessageId: message.channel === "whatsapp" ? `wamid.SIM${digest}` : `sms.SIM${digest}`, status: "Delivered" };
}

export const simulatedChannel: MessageChannel = {
  kind: "simulated",
  async send(message) {
    return simulatedSend(message);
  },
};
