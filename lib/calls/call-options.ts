import { db } from "@/lib/db/client";
import { Invalid } from "@/lib/domain/errors";
import { assertAgentVariablesProvided } from "@/lib/agents/agent-variables";
import type { FieldSchema } from "@/lib/campaigns/field-schema";

// What a request to add customers asks for besides the customers: calls to the agent and
// disposition given, or the campaign's workflow. Plain typed inputs; each contract adapter reads
// them from its own body (lib/timepay/call-options.ts) and words a refusal its own way.

export type CallOptions = {
  initiateCall?: boolean;
  callConfig?: { agentId: string; dispositionId: string };
  useWorkflow?: boolean;
};

/** Why call options cannot be honoured; `value` is the id as the caller sent it. */
export type CallOptionsProblem =
  | { code: "unknown_agent"; value: string }
  | { code: "unknown_disposition"; value: string }
  | { code: "no_workflow" }
  | { code: "workflow_without_steps"; value: string };

/** The call options refused; `issues` are plain words, each adapter may word `problems` its own way. */
export class CallOptionsRefused extends Invalid {
  constructor(readonly problems: CallOptionsProblem[]) {
    super("Validation failed", { issues: problems.map(plainWords) });
  }
}

function plainWords(problem: CallOptionsProblem): string {
  switch (problem.code) {
    case "unknown_agent":
      return "agentId does not match an agent of your organization";
    case "unknown_disposition":
      return "dispositionId does not match a disposition of your organization";
    case "no_workflow":
      return "The campaign has no workflow to run (set one on the campaign)";
    case "workflow_without_steps":
      return `The campaign's workflow ${problem.value} has no steps to run (save a definition first)`;
  }
}

/**
 * The agent and disposition of callConfig must belong to the caller's organization, and a
 * workflow can only run on a campaign that has one. CallOptionsRefused naming every reference that fails;
 * then MissingAgentVariables when the campaign's fields cannot provide the agent's variables.
 */
export async function assertCallTargets(
  organizationId: string,
  campaign: { workflowId: string | null; schema: FieldSchema },
  options: CallOptions,
): Promise<void> {
  const problems: CallOptionsProblem[] = [];
  let variables: string[] = [];
  if (options.initiateCall && options.callConfig) {
    const { agentId, dispositionId } = options.callConfig;
    const [agent, disposition] = await Promise.all([
      db.agent.findFirst({ where: { id: agentId, organizationId }, select: { id: true, variables: true } }),
      db.disposition.findFirst({ where: { id: dispositionId, organizationId }, select: { id: true } }),
    ]);
    if (!agent) problems.push({ code: "unknown_agent", value: agentId });
    variables = agent?.variables ?? [];
    if (!disposition) problems.push({ code: "unknown_disposition", value: dispositionId });
  }
  if (options.useWorkflow && !campaign.workflowId) problems.push({ code: "no_workflow" });
  if (problems.length > 0) throw new CallOptionsRefused(problems);
  assertAgentVariablesProvided({ variables }, campaign.schema);
}

/** What is recorded on the upload job, so the request for calls or a workflow is not lost. */
export function recordedCallOptions(options: CallOptions) {
  return {
    initiateCall: options.initiateCall === true,
    callConfig: options.initiateCall ? (options.callConfig ?? null) : null,
    useWorkflow: options.useWorkflow === true,
    ...(options.useWorkflow && { workflowDispatch: "runs" }),
  };
}
