import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { deliverWebhook, type DeliveryOutcome, type PayloadBuilder } from "./deliver";

// The delivery log of the settings screen, and the manual resend: one attempt now, logged as
// "manual", whatever the row's state (a delivered result can be sent again on purpose).

export const DELIVERIES_PER_PAGE = 20;

export type DeliveryView = {
  id: string;
  callId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  url: string | null;
  deliveredAt: string | null;
  createdAt: string;
  log: { at: string; statusCode: number | null; error: string | null; durationMs: number; trigger: string }[];
};

export async function listDeliveries(organizationId: string, page = 1, callId?: string) {
  const where = { organizationId, ...(callId && { callId }) };
  const [total, rows] = await Promise.all([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * DELIVERIES_PER_PAGE,
      take: DELIVERIES_PER_PAGE,
      include: { log: { orderBy: { createdAt: "desc" }, take: 10 } },
    }),
  ]);
  return {
    deliveries: rows.map(view),
    pagination: { page, per_page: DELIVERIES_PER_PAGE, total, total_pages: Math.ceil(total / DELIVERIES_PER_PAGE) },
  };
}

export async function resendDelivery(ctx: DomainContext, deliveryId: string, buildPayload: PayloadBuilder): Promise<{ outcome: DeliveryOutcome; delivery: DeliveryView }> {
  const owned = await db.webhookDelivery.findFirst({ where: { id: deliveryId, organizationId: ctx.organizationId }, select: { id: true } });
  if (!owned) throw new NotFound("Delivery not found", { resource: "webhook delivery" });
  const endpoint = await db.webhookEndpoint.findUnique({ where: { organizationId: ctx.organizationId }, select: { id: true } });
  if (!endpoint) throw new NotFound("No webhook endpoint is configured", { resource: "webhook endpoint" });
  const outcome = await deliverWebhook(deliveryId, { buildPayload, trigger: "manual" });
  const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { log: { orderBy: { createdAt: "desc" }, take: 10 } } });
  return { outcome, delivery: view(row) };
}

type Row = Awaited<ReturnType<typeof db.webhookDelivery.findUniqueOrThrow<{ where: { id: string }; include: { log: true } }>>>;

function view(row: Row): DeliveryView {
  return {
    id: row.id,
    callId: row.callId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    url: row.url,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    log: row.log.map((a) => ({ at: a.createdAt.toISOString(), statusCode: a.statusCode, error: a.error, durationMs: a.durationMs, trigger: a.trigger })),
  };
}
