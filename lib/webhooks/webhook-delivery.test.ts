import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { getBoss, QUEUES, send, stopBoss } from "@/lib/jobs/boss";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { eventually, startReceiver } from "@/lib/test/receiver";
import { deliverWebhook, WEBHOOK_MAX_ATTEMPTS, type PayloadBuilder } from "./deliver";
import { enqueueCallResultWebhook } from "./outbox";
import { callDeliveries, resendDelivery } from "./deliveries";
import { startWebhookWorker } from "./webhook-worker";

// Results out: outbox rows written in the caller's transaction, delivered with the Bearer secret
// to a receiver on 127.0.0.1, retried on any non-200 through the real queue, logged, resendable.

let org: TestOrg;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const builds: string[] = [];
const buildPayload: PayloadBuilder = async ({ callId }) => {
  builds.push(callId);
  return callId.startsWith("gone") ? null : { event_type: "call", call_id: callId, status: "Contacted" };
};
const ctx = () => ({ organizationId: org.id, actor: { userId: null, apiKeyId: null, role: "admin" as const }, source: "ui" as const });

beforeAll(async () => {
  await getBoss();
  org = await createTestOrg("webhooks");
  receiver = await startReceiver();
  await db.webhookEndpoint.create({ data: { organizationId: org.id, url: receiver.url, secret: "dswh_test-secret-0123456789" } });
});
afterAll(async () => {
  await receiver.close();
  await deleteTestOrg(org);
  await stopBoss();
});

const enqueue = (callId = randomUUID(), eventKey = `${callId}:result`) =>
  db.$transaction((tx) => enqueueCallResultWebhook(tx, { organizationId: org.id, callId, eventKey }));
const deliveryOf = (id: string) =>
  db.webhookDelivery.findUniqueOrThrow({ where: { id }, include: { log: { orderBy: { createdAt: "asc" } } } });
const messagesFor = (deliveryId: string) =>
  db.$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'webhook-delivery' AND data->>'deliveryId' = ${deliveryId}`.then((r) => r[0].n);

describe("outbox", () => {
  it("writes one delivery and one queue message per result event, in the caller's transaction", async () => {
    const callId = randomUUID();
    const id = await enqueue(callId);
    expect(id).toMatch(/^whd_[0-9a-f]{20}$/);
    expect(await enqueue(callId)).toBeNull();
    expect(await db.webhookDelivery.count({ where: { callId } })).toBe(1);
    expect(await messagesFor(id!)).toBe(1);
    expect(await deliveryOf(id!)).toMatchObject({ status: "pending", attempts: 0, payload: null, eventType: "call" });
  });

  it("writes nothing when the transaction rolls back, or when the organization has no enabled endpoint", async () => {
    const callId = randomUUID();
    await expect(
      db.$transaction(async (tx) => {
        await enqueueCallResultWebhook(tx, { organizationId: org.id, callId, eventKey: callId });
        throw new Error("the result could not be recorded");
      }),
    ).rejects.toThrow("the result could not be recorded");
    expect(await db.webhookDelivery.count({ where: { callId } })).toBe(0);

    const other = await createTestOrg("webhooks-none");
    const none = await db.$transaction((tx) => enqueueCallResultWebhook(tx, { organizationId: other.id, callId, eventKey: callId }));
    expect(none).toBeNull();
    await db.webhookEndpoint.create({ data: { organizationId: other.id, url: receiver.url, secret: "x".repeat(20), enabled: false } });
    expect(await db.$transaction((tx) => enqueueCallResultWebhook(tx, { organizationId: other.id, callId, eventKey: callId }))).toBeNull();
    await deleteTestOrg(other);
  });
});

describe("deliverWebhook", () => {
  it("POSTs the payload as JSON with Authorization: Bearer <secret>; only 200 counts, every attempt is logged", async () => {
    const callId = randomUUID();
    const id = (await db.webhookDelivery.create({ data: { organizationId: org.id, callId, eventKey: callId } })).id;
    receiver.answer([201, 500, 200]);
    const before = receiver.received.length;

    expect(await deliverWebhook(id, { buildPayload })).toEqual({ result: "retry", statusCode: 201, error: "HTTP 201" });
    expect(await deliverWebhook(id, { buildPayload })).toEqual({ result: "retry", statusCode: 500, error: "HTTP 500" });
    expect(await deliverWebhook(id, { buildPayload })).toEqual({ result: "delivered", statusCode: 200 });
    // A redelivered queue message for a delivered row sends nothing.
    expect(await deliverWebhook(id, { buildPayload })).toEqual({ result: "skipped", reason: "already delivered" });

    const sent = receiver.received.slice(before);
    expect(sent).toHaveLength(3);
    for (const request of sent) {
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/hooks/calls");
      expect(request.headers.authorization).toBe("Bearer dswh_test-secret-0123456789");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.body).toBe(JSON.stringify({ event_type: "call", call_id: callId, status: "Contacted" }));
    }
    expect(builds.filter((b) => b === callId)).toHaveLength(1); // built once, then kept
    const row = await deliveryOf(id);
    expect(row).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200, lastError: null, url: receiver.url });
    expect(row.deliveredAt).toBeInstanceOf(Date);
    expect(row.log.map((a) => [a.statusCode, a.error, a.trigger])).toEqual([
      [201, "HTTP 201", "queue"],
      [500, "HTTP 500", "queue"],
      [200, null, "queue"],
    ]);
  });

  it(`gives up after ${WEBHOOK_MAX_ATTEMPTS} attempts, and says why when the receiver cannot be reached`, async () => {
    const callId = randomUUID();
    const id = (
      await db.webhookDelivery.create({ data: { organizationId: org.id, callId, eventKey: callId, attempts: WEBHOOK_MAX_ATTEMPTS - 1 } })
    ).id;
    receiver.answer([503]);
    expect(await deliverWebhook(id, { buildPayload })).toEqual({ result: "failed", statusCode: 503, error: "HTTP 503" });
    expect(await deliveryOf(id)).toMatchObject({ status: "failed", attempts: WEBHOOK_MAX_ATTEMPTS });
    expect(await deliverWebhook(id, { buildPayload })).toEqual({ result: "skipped", reason: "already failed" });

    const unreachable = await createTestOrg("webhooks-down");
    const closed = await startReceiver();
    await closed.close();
    await db.webhookEndpoint.create({ data: { organizationId: unreachable.id, url: closed.url, secret: "y".repeat(20) } });
    const down = (await db.webhookDelivery.create({ data: { organizationId: unreachable.id, callId, eventKey: callId } })).id;
    const outcome = await deliverWebhook(down, { buildPayload });
    expect(outcome).toMatchObject({ result: "retry", statusCode: null });
    expect(outcome.result === "retry" && outcome.error).toMatch(/^Could not connect: .*ECONNREFUSED/);
    await deleteTestOrg(unreachable);
  });

  it("marks a delivery failed when its call no longer exists", async () => {
    const id = (await db.webhookDelivery.create({ data: { organizationId: org.id, callId: "gone-1", eventKey: "gone-1" } })).id;
    expect(await deliverWebhook(id, { buildPayload })).toEqual({ result: "skipped", reason: "call not found" });
    expect(await deliveryOf(id)).toMatchObject({ status: "failed", lastError: "The call no longer exists", attempts: 0 });
  });
});

describe("the queue worker", () => {
  it("delivers an outbox row, retrying with backoff until the receiver answers 200", async () => {
    const own = await createTestOrg("webhooks-queue");
    const ownReceiver = await startReceiver([503, 200]);
    await db.webhookEndpoint.create({ data: { organizationId: own.id, url: ownReceiver.url, secret: "z".repeat(20) } });
    const stop = await startWebhookWorker(await getBoss(), buildPayload);
    try {
      const callId = randomUUID();
      const id = (await db.$transaction((tx) => enqueueCallResultWebhook(tx, { organizationId: own.id, callId, eventKey: callId })))!;
      const row = await eventually(async () => {
        const current = await deliveryOf(id);
        return current.status === "delivered" ? current : null;
      });
      expect(row.attempts).toBe(2);
      expect(row.log.map((a) => a.statusCode)).toEqual([503, 200]);
      // The retry waited for pg-boss's backoff (at least 2 s).
      expect(row.log[1].createdAt.getTime() - row.log[0].createdAt.getTime()).toBeGreaterThanOrEqual(1_900);
      expect(ownReceiver.received.map((r) => r.headers.authorization)).toEqual([`Bearer ${"z".repeat(20)}`, `Bearer ${"z".repeat(20)}`]);
    } finally {
      await stop();
      await ownReceiver.close();
      await deleteTestOrg(own);
    }
  });
});

describe("resend", () => {
  it("sends a delivery again now, logged as manual, and refuses another organization's", async () => {
    const callId = randomUUID();
    const id = (
      await db.webhookDelivery.create({
        data: { organizationId: org.id, callId, eventKey: callId, status: "failed", attempts: WEBHOOK_MAX_ATTEMPTS },
      })
    ).id;
    receiver.answer([200]);
    const { outcome, delivery } = await resendDelivery(ctx(), id, buildPayload);
    expect(outcome).toEqual({ result: "delivered", statusCode: 200 });
    expect(delivery).toMatchObject({ id, status: "delivered", attempts: WEBHOOK_MAX_ATTEMPTS + 1, lastStatusCode: 200 });
    expect(delivery.log[0]).toMatchObject({ statusCode: 200, trigger: "manual" });

    const other = await createTestOrg("webhooks-other");
    await expect(resendDelivery({ ...ctx(), organizationId: other.id }, id, buildPayload)).rejects.toThrow("Delivery not found");
    await deleteTestOrg(other);
  });
});

describe("a call's deliveries (the Calls page's detail panel)", () => {
  it("lists every delivery of the call, newest first, with its last answer and when the outbox tries again; nothing of other calls or organizations", async () => {
    const callId = randomUUID();
    const delivered = await db.webhookDelivery.create({
      data: {
        organizationId: org.id,
        callId,
        eventKey: `${callId}:first`,
        status: "delivered",
        attempts: 2,
        lastStatusCode: 200,
        deliveredAt: new Date("2099-01-01T10:00:05Z"),
        createdAt: new Date("2099-01-01T10:00:00Z"),
        log: {
          create: [
            {
              url: receiver.url,
              statusCode: 503,
              error: "HTTP 503",
              durationMs: 12,
              trigger: "queue",
              createdAt: new Date("2099-01-01T10:00:01Z"),
            },
            {
              url: receiver.url,
              statusCode: 200,
              error: null,
              durationMs: 9,
              trigger: "queue",
              createdAt: new Date("2099-01-01T10:00:05Z"),
            },
          ],
        },
      },
    });
    const retrying = await db.webhookDelivery.create({
      data: {
        organizationId: org.id,
        callId,
        eventKey: `${callId}:second`,
        status: "retrying",
        attempts: 1,
        lastStatusCode: 500,
        lastError: "HTTP 500",
        createdAt: new Date("2099-01-02T10:00:00Z"),
      },
    });
    // Its message waits for the backoff (far ahead, so no worker of another test file takes it).
    await send(QUEUES.webhookDelivery, { deliveryId: retrying.id }, { startAfter: new Date("2099-01-02T10:05:00Z") });
    await db.webhookDelivery.create({ data: { organizationId: org.id, callId: randomUUID(), eventKey: randomUUID() } });
    const other = await createTestOrg("webhooks-call-other");
    await db.webhookDelivery.create({ data: { organizationId: other.id, callId, eventKey: `${callId}:other` } });

    const list = await callDeliveries(org.id, callId);
    expect(list.map((d) => d.id)).toEqual([retrying.id, delivered.id]);
    expect(list[0]).toMatchObject({
      status: "retrying",
      attempts: 1,
      lastStatusCode: 500,
      lastError: "HTTP 500",
      nextAttemptAt: "2099-01-02T10:05:00.000Z",
      deliveredAt: null,
      log: [],
    });
    expect(list[1]).toMatchObject({
      status: "delivered",
      attempts: 2,
      lastStatusCode: 200,
      nextAttemptAt: null,
      deliveredAt: "2099-01-01T10:00:05.000Z",
    });
    expect(list[1].log.map((a) => a.statusCode)).toEqual([200, 503]);
    expect(await callDeliveries(other.id, callId)).toHaveLength(1);
    expect(await callDeliveries(org.id, randomUUID())).toEqual([]);
    await deleteTestOrg(other);
  });
});
