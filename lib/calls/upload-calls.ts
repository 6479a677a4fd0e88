import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { CALL_VIEW_STATUSES, type CallViewStatus, viewStatus } from "./call-list";
import { uploadCallsWhere } from "./upload-call-keys";

// The calls an upload started (upload-call-keys.ts says which), as the job page shows them.

/** How many attempts the job started, per status as the Calls page shows it, and the latest few. */
export async function uploadJobCalls(ctx: DomainContext, jobId: string, latest = 5) {
  const where = await uploadCallsWhere(ctx, jobId);
  const [groups, rows] = await Promise.all([
    db.call.groupBy({ by: ["state", "outcome"], where, _count: { _all: true } }),
    db.call.findMany({
      where: { ...where, dialedAt: { not: null } },
      orderBy: [{ dialedAt: "desc" }, { id: "desc" }],
      take: latest,
      select: {
        id: true,
        state: true,
        outcome: true,
        outcomeDisposition: true,
        duration: true,
        dialedAt: true,
        customer: { select: { id: true, identifier: true, firstName: true, lastName: true } },
      },
    }),
  ]);
  const byStatus = Object.fromEntries(CALL_VIEW_STATUSES.map((s) => [s, 0])) as Record<CallViewStatus, number>;
  let total = 0;
  for (const g of groups) {
    byStatus[viewStatus(g)] += g._count._all;
    total += g._count._all;
  }
  return {
    total,
    byStatus,
    latest: rows.map((c) => ({
      id: c.id,
      status: viewStatus(c),
      disposition: c.outcomeDisposition,
      duration: c.duration,
      dialedAt: c.dialedAt,
      customer: c.customer,
    })),
  };
}

export type UploadJobCalls = Awaited<ReturnType<typeof uploadJobCalls>>;
