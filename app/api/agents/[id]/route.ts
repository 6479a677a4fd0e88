// PATCH /api/agents/{id} - change an agent's name, username, voice or language, or (de)activate it
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { updateAgentSchema } from "@/lib/agents/agent-input";
import { updateAgent } from "@/lib/agents/agent-writes";

export const PATCH = withApi({ dialect: appDialect, auth: "credential", body: updateAgentSchema }, async ({ auth, params, body }) => ({
  status: 200,
  body: { agent: await updateAgent(domainContext(auth, "ui"), params.id, body) },
}));
