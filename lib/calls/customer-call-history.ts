import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { viewStatus } from "./call-list";

// One contact's call history for its detail page: every attempt (placed, waiting, blocked or
// cancelled), newest first, with its status as the Calls page shows it, disposition, duration and
// summary. The caller has already checked that the customer belongs to the organization.

export const CALL_HISTORY_LIMIT = 50;

export async function customerCallHistory(ctx: DomainContext, customerId: string, limit = CALL_HISTORY_LIMIT) {
  const where = { organizationId: ctx.organizationId, customerId };
  const [rows, total] = await Promise.all([
    db.call.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { attempt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        attempt: true,
        state: true,
        outcome: true,
        outcomeDisposition: true,
        duration: true,
        summary: true,
        blockedReason: true,
        waitReason: true,
        notBefore: true,
        dialedAt: true,
        finishedAt: true,
        createdAt: true,
        agent: { select: { name: true } },
      },
    }),
    db.call.count({ where }),
  ]);
  return {
    total,
    calls: rows.map((c) => ({
      id: c.id,
      attempt: c.attempt,
      status: viewStatus(c),
      disposition: c.outcomeDisposition,
      duration: c.duration,
      summary: c.summary,
      reason: c.blockedReason ?? c.waitReason,
      /** When it was placed; for an attempt not placed, when it was scheduled. */
      at: c.dialedAt ?? c.createdAt,
      placed: c.dialedAt !== null,
      notBefore: c.state === "scheduled" ? c.notBefore : null,
      finishedAt: c.finishedAt,
      agent: c.agent.name,
    })),
  };
}

export type CustomerCallHistory = Awaited<ReturnType<typeof customerCallHistory>>;
