import { db } from "@/lib/db/client";
import type { FieldSchema } from "@/lib/campaigns/field-schema";

// The agents a customer of the organization may be assigned to, for the core's one assignee rule
// (validateRecords' `agents`): undefined when the campaign's records name no agent.
export async function assignableAgents(organizationId: string, schema: FieldSchema): Promise<ReadonlySet<string> | undefined> {
  if (schema.agentKey === null) return undefined;
  const agents = await db.agent.findMany({ where: { organizationId }, select: { username: true } });
  return new Set(agents.map((agent) => agent.username));
}
