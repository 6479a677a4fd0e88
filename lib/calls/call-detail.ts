import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";

// One call attempt with everything the Calls page's detail panel shows: the customer, campaign
// and agent, the result, and every attempt made to the same customer (retries included).

export async function getCallDetail(ctx: DomainContext, id: string) {
  if (!UUID.test(id)) return null;
  const call = await db.call.findFirst({
    where: { id, organizationId: ctx.organizationId },
    include: {
      campaign: { select: { id: true, name: true, timezone: true } },
      agent: { select: { id: true, name: true } },
      customer: { select: { id: true, firstName: true, lastName: true, identifier: true, phoneE164: true } },
    },
  });
  if (!call) return null;
  const attempts = await db.call.findMany({
    where: { customerId: call.customerId, organizationId: ctx.organizationId },
    orderBy: [{ createdAt: "asc" }, { attempt: "asc" }],
    take: 50,
    select: {
      id: true,
      attempt: true,
      state: true,
      outcome: true,
      outcomeDisposition: true,
      createdAt: true,
      dialedAt: true,
      notBefore: true,
      waitReason: true,
      blockedReason: true,
      errorMessage: true,
      duration: true,
    },
  });
  return { call, attempts };
}

export type CallDetail = NonNullable<Awaited<ReturnType<typeof getCallDetail>>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
