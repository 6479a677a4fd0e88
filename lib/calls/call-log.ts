import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";

// The call log: every attempt that was handed to the dialer (dialedAt set), newest first. Blocked
// or cancelled attempts and ones still waiting were never calls, so they are not in it.

/** A call's status as the log reports it: its result, or where it stands without one. */
export const LOG_STATUSES = ["Contacted", "No Contact", "Failed", "In Progress", "Completed"] as const;
export type LogStatus = (typeof LOG_STATUSES)[number];

export type CallLogFilter = {
  campaignId?: string;
  agentId?: string;
  status?: LogStatus;
  /** The reported disposition's name, case-insensitively. */
  disposition?: string;
  /** E.164. */
  fromPhone?: string;
  /** E.164 of the customer. */
  toPhone?: string;
  /** Dialled at or after / at or before (inclusive). */
  from?: Date;
  to?: Date;
};

const logInclude = {
  campaign: { select: { name: true, serviceType: true } },
  customer: { select: { firstName: true, lastName: true, identifier: true } },
} satisfies Prisma.CallInclude;

export type CallLogRow = Prisma.CallGetPayload<{ include: typeof logInclude }>;

export async function listCallLog(ctx: DomainContext, filter: CallLogFilter, page: { page: number; perPage: number }) {
  const where = logWhere(ctx, filter);
  const [rows, total] = await Promise.all([
    db.call.findMany({
      where,
      orderBy: [{ dialedAt: "desc" }, { id: "desc" }],
      skip: (page.page - 1) * page.perPage,
      take: page.perPage,
      include: logInclude,
    }),
    db.call.count({ where }),
  ]);
  return { rows, total };
}

export async function countCallLog(ctx: DomainContext, filter: CallLogFilter) {
  return db.call.count({ where: logWhere(ctx, filter) });
}

/** One logged call of the organization; another organization's id is not found. */
export async function getLoggedCall(ctx: DomainContext, callId: string): Promise<CallLogRow> {
  const call = UUID.test(callId)
    ? await db.call.findFirst({ where: { id: callId, organizationId: ctx.organizationId, dialedAt: { not: null } }, include: logInclude })
    : null;
  if (!call) throw new NotFound("Call not found", { resource: "call" });
  return call;
}

/** The status the log shows for a call. */
export function logStatus(call: { state: string; outcome: string | null }): string {
  if (call.outcome) return call.outcome;
  if (call.state === "dialing") return "In Progress";
  return "Failed";
}

function logWhere(ctx: DomainContext, filter: CallLogFilter): Prisma.CallWhereInput {
  return {
    organizationId: ctx.organizationId,
    dialedAt: { not: null, ...(filter.from && { gte: filter.from }), ...(filter.to && { lte: filter.to }) },
    ...(filter.campaignId && { campaignId: filter.campaignId }),
    ...(filter.agentId && { agentId: filter.agentId }),
    ...(filter.fromPhone && { fromPhone: filter.fromPhone }),
    ...(filter.toPhone && { toPhone: filter.toPhone }),
    ...(filter.disposition && { outcomeDisposition: { equals: filter.disposition, mode: "insensitive" } }),
    ...(filter.status && statusWhere(filter.status)),
  };
}

function statusWhere(status: LogStatus): Prisma.CallWhereInput {
  switch (status) {
    case "Contacted":
    case "No Contact":
      return { outcome: status };
    case "Failed":
      return { OR: [{ outcome: "Failed" }, { outcome: null, state: { not: "dialing" } }] };
    case "In Progress":
      return { outcome: null, state: "dialing" };
    case "Completed":
      return { outcome: { not: null } };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
