// POST /api/agents - add an AI voice agent or a human dialer user (agents screen)
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { createAgentSchema } from "@/lib/agents/agent-input";
import { createAgent } from "@/lib/agents/agent-writes";

export const POST = withApi({ dialect: appDialect, auth: "credential", body: createAgentSchema }, async ({ auth, body }) => ({
  status: 201,
  body: { agent: await createAgent(domainContext(auth, "ui"), body) },
}));
