import { requireOperator } from "@/lib/auth/session";
import { allAgents, campaignFieldKeys } from "@/lib/agents/agents";
import { AgentsManager } from "@/components/agents/agents-manager";

// /agents: the organization's AI voice agents and human dialer users.
export async function AgentsPage() {
  const { organization, user } = await requireOperator();
  const [agents, fieldKeys] = await Promise.all([allAgents(organization.id), campaignFieldKeys(organization.id)]);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Agents</h1>
          <p className="muted">
            Who places the calls. Calls name an agent by its id (TimePay <code>agentId</code>) or its username (Flexydial <code>user</code>
            ).
          </p>
        </div>
      </header>
      <AgentsManager
        canWrite={user.role !== "viewer"}
        fieldKeys={fieldKeys}
        agents={agents.map((a) => ({
          id: a.id,
          name: a.name,
          kind: a.kind,
          username: a.username,
          voice: a.voice,
          language: a.language,
          active: a.active,
          variables: a.variables,
        }))}
      />
    </>
  );
}
