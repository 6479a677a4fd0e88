import { db } from "@/lib/db/client";

// One delivery attempt of one outbox row: POST the payload to the organization's endpoint with
// `Authorization: Bearer <secret>`, log the attempt, and move the row on. Only 200 counts as
// delivered (TimePay: "If the response code is not 200, our system may retry"). The payload is
// built once, at the first attempt, and kept: retries and manual resends send the same bytes.

export const WEBHOOK_MAX_ATTEMPTS = 8;
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Builds the body of a delivery (the contract's shape); null when its call or message is gone. */
export type PayloadBuilder = (delivery: {
  organizationId: string;
  /** The call, or for eventType "sms" / "whatsapp" the message, the event is about. */
  callId: string;
  eventType: string;
  eventKey?: string;
  createdAt?: Date;
}) => Promise<Record<string, unknown> | null>;

export type DeliveryOutcome =
  | { result: "delivered"; statusCode: number }
  | { result: "retry"; statusCode: number | null; error: string }
  | { result: "failed"; statusCode: number | null; error: string }
  | { result: "skipped"; reason: string };

type Options = { buildPayload: PayloadBuilder; trigger?: "queue" | "manual" };

export async function deliverWebhook(deliveryId: string, { buildPayload, trigger = "queue" }: Options): Promise<DeliveryOutcome> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery) return { result: "skipped", reason: "delivery not found" };
  if (trigger === "queue" && (delivery.status === "delivered" || delivery.status === "failed")) {
    return { result: "skipped", reason: `already ${delivery.status}` };
  }
  const endpoint = await db.webhookEndpoint.findUnique({ where: { organizationId: delivery.organizationId } });
  if (!endpoint || (!endpoint.enabled && trigger === "queue")) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "failed", lastError: "No enabled webhook endpoint" } });
    return { result: "skipped", reason: "no enabled endpoint" };
  }

  let payload = delivery.payload;
  if (payload === null) {
    const built = await buildPayload(delivery);
    if (built === null) {
      await db.webhookDelivery.update({
        where: { id: deliveryId },
        data: { status: "failed", lastError: delivery.eventType === "call" ? "The call no longer exists" : "The message no longer exists" },
      });
      return { result: "skipped", reason: "call not found" };
    }
    payload = JSON.stringify(built);
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { payload } });
  }

  const sent = await post(endpoint.url, endpoint.secret, payload);
  const attempts = delivery.attempts + 1;
  await db.webhookDeliveryAttempt.create({
    data: { deliveryId, url: endpoint.url, statusCode: sent.statusCode, error: sent.error, durationMs: sent.durationMs, trigger },
  });
  const delivered = sent.statusCode === 200;
  const giveUp = !delivered && (trigger === "manual" || attempts >= WEBHOOK_MAX_ATTEMPTS);
  const status = delivered ? "delivered" : giveUp ? "failed" : "retrying";
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      status,
      url: endpoint.url,
      attempts,
      lastStatusCode: sent.statusCode,
      lastError: sent.error,
      ...(delivered && { deliveredAt: new Date() }),
    },
  });
  if (delivered) return { result: "delivered", statusCode: 200 };
  const error = sent.error ?? `HTTP ${sent.statusCode}`;
  return giveUp ? { result: "failed", statusCode: sent.statusCode, error } : { result: "retry", statusCode: sent.statusCode, error };
}

async function post(
  url: string,
  secret: string,
  payload: string,
): Promise<{ statusCode: number | null; error: string | null; durationMs: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}`, "User-Agent": "Dialsheet-Webhooks/1" },
      body: payload,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => {});
    const ok = response.status === 200;
    return {
      statusCode: response.status,
      error: ok ? null : `HTTP ${response.status}`,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    const message =
      error instanceof Error && error.name === "TimeoutError"
        ? `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`
        : `Could not connect: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`;
    return { statusCode: null, error: message, durationMs: Math.round(performance.now() - started) };
  }
}
