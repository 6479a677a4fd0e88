import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DomainContext } from "@/lib/domain/context";
import type { FieldSchema } from "@/lib/campaigns/field-schema";

// The organization's agents (AI voice agents and human dialer users), as callers pick them for
// callConfig.agentId. Newest first, like the other lists. Inactive agents take no new calls.

export type AgentQuery = { page: number; limit: number; search?: string; kind?: "ai" | "human"; active?: boolean };

export async function listAgents(ctx: DomainContext, query: AgentQuery) {
  const where: Prisma.AgentWhereInput = {
    organizationId: ctx.organizationId,
    ...(query.kind && { kind: query.kind }),
    ...(query.active !== undefined && { active: query.active }),
    ...(query.search && {
      OR: [{ name: { contains: query.search, mode: "insensitive" } }, { username: { contains: query.search, mode: "insensitive" } }],
    }),
  };
  const [rows, total] = await Promise.all([
    db.agent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (query.page - 1) * query.limit, take: query.limit }),
    db.agent.count({ where }),
  ]);
  return { rows, total };
}

/** Every agent of the organization for the agents screen: active ones first, then by name. */
export async function allAgents(organizationId: string) {
  return db.agent.findMany({ where: { organizationId }, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

/** The field keys of the organization's campaigns, each with the campaigns that have it: what an agent's variables can name. */
export async function campaignFieldKeys(organizationId: string): Promise<{ key: string; campaigns: string[] }[]> {
  const campaigns = await db.campaign.findMany({
    where: { organizationId },
    select: { name: true, fieldSchema: true },
    orderBy: { name: "asc" },
  });
  const byKey = new Map<string, string[]>();
  for (const c of campaigns) {
    for (const f of (c.fieldSchema as unknown as FieldSchema).fields) byKey.set(f.key, [...(byKey.get(f.key) ?? []), c.name]);
  }
  return [...byKey].map(([key, names]) => ({ key, campaigns: names })).sort((x, y) => x.key.localeCompare(y.key));
}
