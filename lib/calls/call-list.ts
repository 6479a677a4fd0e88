import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { uploadCallsWhere } from "./upload-call-keys";

// The Calls page's list. By default the calls placed (handed to the dialer), newest placed first,
// on the call log's index; the statuses Waiting, Blocked and Cancelled list the attempts that were
// not placed (yet), newest first, so an operator sees why someone was not called. Filters are ANDed.

export const CALL_VIEW_STATUSES = ["Contacted", "No Contact", "Failed", "In progress", "Waiting", "Blocked", "Cancelled"] as const;
export type CallViewStatus = (typeof CALL_VIEW_STATUSES)[number];

export type CallListFilter = {
  campaignId?: string;
  agentId?: string;
  dispositionName?: string;
  status?: CallViewStatus;
  /** Placed at or after / before (for attempts not placed: created). */
  from?: Date;
  to?: Date;
  /** The calls this upload job started. */
  uploadJobId?: string;
};

const listInclude = {
  campaign: { select: { name: true } },
  agent: { select: { name: true } },
  customer: { select: { firstName: true, lastName: true, identifier: true } },
} satisfies Prisma.CallInclude;

export type CallListRow = Prisma.CallGetPayload<{ include: typeof listInclude }>;

export async function listCalls(ctx: DomainContext, filter: CallListFilter, page: { page: number; perPage: number }) {
  const where: Prisma.CallWhereInput = {
    ...callListWhere(ctx, filter),
    ...(filter.uploadJobId && { batchId: (await uploadCallsWhere(ctx, filter.uploadJobId)).batchId }),
  };
  const [rows, total] = await Promise.all([
    db.call.findMany({
      where,
      orderBy: notPlaced(filter.status) ? [{ createdAt: "desc" }, { id: "desc" }] : [{ dialedAt: "desc" }, { id: "desc" }],
      skip: (page.page - 1) * page.perPage,
      take: page.perPage,
      include: listInclude,
    }),
    db.call.count({ where }),
  ]);
  return { rows, total };
}

/** Whether the organization has any call attempt at all (the page's empty state). */
export async function hasCalls(ctx: DomainContext) {
  return (await db.call.findFirst({ where: { organizationId: ctx.organizationId }, select: { id: true } })) !== null;
}

/** What the page shows as a call's status. */
export function viewStatus(call: { state: string; outcome: string | null }): CallViewStatus {
  if (call.outcome === "Contacted" || call.outcome === "No Contact" || call.outcome === "Failed") return call.outcome;
  switch (call.state) {
    case "scheduled":
      return "Waiting";
    case "dialing":
      return "In progress";
    case "blocked":
      return "Blocked";
    case "cancelled":
      return "Cancelled";
    default:
      return "Failed";
  }
}

function callListWhere(ctx: DomainContext, filter: CallListFilter): Prisma.CallWhereInput {
  const range = { ...(filter.from && { gte: filter.from }), ...(filter.to && { lte: filter.to }) };
  return {
    organizationId: ctx.organizationId,
    ...(notPlaced(filter.status) ? { createdAt: range } : { dialedAt: { not: null, ...range } }),
    ...(filter.campaignId && { campaignId: filter.campaignId }),
    ...(filter.agentId && { agentId: filter.agentId }),
    ...(filter.dispositionName && { outcomeDisposition: filter.dispositionName }),
    ...(filter.status && statusWhere(filter.status)),
  };
}

function notPlaced(status: CallViewStatus | undefined) {
  return status === "Waiting" || status === "Blocked" || status === "Cancelled";
}

function statusWhere(status: CallViewStatus): Prisma.CallWhereInput {
  switch (status) {
    case "Contacted":
    case "No Contact":
      return { outcome: status };
    case "Failed":
      return { OR: [{ outcome: "Failed" }, { outcome: null, state: "failed" }] };
    case "In progress":
      return { outcome: null, state: "dialing" };
    case "Waiting":
      return { state: "scheduled" };
    case "Blocked":
      return { state: "blocked" };
    case "Cancelled":
      return { state: "cancelled" };
  }
}
