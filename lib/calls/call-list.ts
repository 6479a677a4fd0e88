import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";

// Every call attempt of the organization for the Calls page: placed calls with their result, and
// attempts still waiting, blocked (DNC, cap) or cancelled, so an operator sees why someone was
// not called. Newest first; the filters are ANDed.

export const CALL_VIEW_STATUSES = ["Contacted", "No Contact", "Failed", "In progress", "Waiting", "Blocked", "Cancelled"] as const;
export type CallViewStatus = (typeof CALL_VIEW_STATUSES)[number];

export type CallListFilter = {
  campaignId?: string;
  agentId?: string;
  dispositionName?: string;
  status?: CallViewStatus;
  /** Placed (or, if never placed, scheduled) at or after / before. */
  from?: Date;
  to?: Date;
};

const listInclude = {
  campaign: { select: { name: true } },
  agent: { select: { name: true } },
  customer: { select: { firstName: true, lastName: true, identifier: true } },
} satisfies Prisma.CallInclude;

export type CallListRow = Prisma.CallGetPayload<{ include: typeof listInclude }>;

export async function listCalls(ctx: DomainContext, filter: CallListFilter, page: { page: number; perPage: number }) {
  const where = callListWhere(ctx, filter);
  const [rows, total] = await Promise.all([
    db.call.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page.page - 1) * page.perPage, take: page.perPage, include: listInclude }),
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
  const and: Prisma.CallWhereInput[] = [];
  if (filter.from || filter.to) and.push({ OR: [{ dialedAt: range }, { dialedAt: null, createdAt: range }] });
  if (filter.status) and.push(statusWhere(filter.status));
  return {
    organizationId: ctx.organizationId,
    ...(filter.campaignId && { campaignId: filter.campaignId }),
    ...(filter.agentId && { agentId: filter.agentId }),
    ...(filter.dispositionName && { outcomeDisposition: filter.dispositionName }),
    ...(and.length > 0 && { AND: and }),
  };
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
