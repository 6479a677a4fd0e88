import { z } from "zod";
import type { ApiResult } from "@/lib/api/with-api";
import type { DomainContext } from "@/lib/domain/context";
import { listAgents as listAgentRows } from "@/lib/agents/agents";
import type { Agent } from "@/lib/generated/prisma/client";
import type { agentSchema } from "./responses";

// GET /api/v1/agents, paginated like TimePay's other lists ({page, limit, total, totalPages}).
// TimePay documents no agents page (§2.8): the item keeps to what callers need to pick an agentId.

export const listAgentsQuery = z.object({
  page: z.coerce
    .number({ error: "must be a positive integer" })
    .int("must be a positive integer")
    .min(1, "must be a positive integer")
    .default(1),
  limit: z.coerce
    .number({ error: "must be an integer between 1 and 100" })
    .int("must be an integer between 1 and 100")
    .min(1, "must be an integer between 1 and 100")
    .max(100, "must be an integer between 1 and 100")
    .default(10),
  search: z.string().max(200, "must be at most 200 characters").optional(),
  type: z.enum(["ai", "human"], { error: "must be one of ai, human" }).optional(),
  active: z
    .enum(["true", "false"], { error: "must be true or false" })
    .transform((v) => v === "true")
    .optional(),
});

export async function listAgents(ctx: DomainContext, query: z.output<typeof listAgentsQuery>): Promise<ApiResult> {
  const { rows, total } = await listAgentRows(ctx, {
    page: query.page,
    limit: query.limit,
    search: query.search,
    kind: query.type,
    active: query.active,
  });
  return {
    status: 200,
    body: {
      success: true,
      data: rows.map(serializeAgent),
      pagination: { page: query.page, limit: query.limit, total, totalPages: Math.ceil(total / query.limit) },
    },
  };
}

function serializeAgent(agent: Agent): z.input<typeof agentSchema> {
  return {
    id: agent.id,
    name: agent.name,
    type: agent.kind,
    username: agent.username,
    active: agent.active,
    variables: agent.variables,
    createdAt: agent.createdAt.toISOString(),
  };
}
