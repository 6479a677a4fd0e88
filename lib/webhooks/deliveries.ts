import { z } from "zod";
import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { nextRunsOf, QUEUES } from "@/lib/jobs/boss";
import { deliverWebhook, type PayloadBuilder } from "./deliver";

// The delivery log of the settings screen, and the manual resend: one attempt now, logged as
// "manual", whatever the row's state (a delivered result can be sent again on purpose).

export const DELIVERIES_PER_PAGE = 20;

const nullableInt = z.number().int().nullable();
export const deliveryViewSchema = z
  .object({
    id: z.string(),
    callId: z.string(),
    eventType: z.string(),
    status: z.string(),
    attempts: z.number().int(),
    lastStatusCode: nullableInt,
    lastError: z.string().nullable(),
    url: z.string().nullable(),
    /** When the outbox tries again (pending or retrying); null once delivered or given up. */
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    log: z.array(
      z.object({ at: z.string(), statusCode: nullableInt, error: z.string().nullable(), durationMs: z.number(), trigger: z.string() }),
    ),
  })
  .meta({ id: "WebhookDelivery" });
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const deliveryListSchema = z
  .object({
    deliveries: z.array(deliveryViewSchema),
    pagination: z.object({ page: z.number().int(), per_page: z.number().int(), total: z.number().int(), total_pages: z.number().int() }),
  })
  .meta({ id: "WebhookDeliveryList" });

/** What one delivery attempt came to (deliver.ts's DeliveryOutcome). */
export const resendAnswerSchema = z
  .object({
    outcome: z.union([
      z.object({ result: z.literal("delivered"), statusCode: z.number().int() }),
      z.object({ result: z.enum(["retry", "failed"]), statusCode: nullableInt, error: z.string() }),
      z.object({ result: z.literal("skipped"), reason: z.string() }),
    ]),
    delivery: deliveryViewSchema,
  })
  .meta({ id: "WebhookResend" });

export async function listDeliveries(organizationId: string, page = 1, callId?: string): Promise<z.infer<typeof deliveryListSchema>> {
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
    deliveries: await withNextAttempts(rows),
    pagination: { page, per_page: DELIVERIES_PER_PAGE, total, total_pages: Math.ceil(total / DELIVERIES_PER_PAGE) },
  };
}

/** Every delivery of one call's results (the Calls page's detail panel), newest first. */
export async function callDeliveries(organizationId: string, callId: string): Promise<DeliveryView[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { organizationId, callId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERIES_PER_PAGE,
    include: { log: { orderBy: { createdAt: "desc" }, take: 10 } },
  });
  return withNextAttempts(rows);
}

/** The views, with when the outbox tries again: it retries through pg-boss's backoff, and the waiting message says when. */
async function withNextAttempts(rows: Row[]): Promise<DeliveryView[]> {
  const open = rows.filter((r) => r.status === "pending" || r.status === "retrying").map((r) => r.id);
  const next = await nextRunsOf(db, QUEUES.webhookDelivery, "deliveryId", open);
  return rows.map((r) => ({ ...view(r), nextAttemptAt: next.get(r.id)?.toISOString() ?? null }));
}

export async function resendDelivery(
  ctx: DomainContext,
  deliveryId: string,
  buildPayload: PayloadBuilder,
): Promise<z.infer<typeof resendAnswerSchema>> {
  const owned = await db.webhookDelivery.findFirst({ where: { id: deliveryId, organizationId: ctx.organizationId }, select: { id: true } });
  if (!owned) throw new NotFound("Delivery not found", { resource: "webhook delivery" });
  const endpoint = await db.webhookEndpoint.findUnique({ where: { organizationId: ctx.organizationId }, select: { id: true } });
  if (!endpoint) throw new NotFound("No webhook endpoint is configured", { resource: "webhook endpoint" });
  const outcome = await deliverWebhook(deliveryId, { buildPayload, trigger: "manual" });
  const row = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    include: { log: { orderBy: { createdAt: "desc" }, take: 10 } },
  });
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
    nextAttemptAt: null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    log: row.log.map((a) => ({
      at: a.createdAt.toISOString(),
      statusCode: a.statusCode,
      error: a.error,
      durationMs: a.durationMs,
      trigger: a.trigger,
    })),
  };
}
