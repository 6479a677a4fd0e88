import { type ApiError, contractError } from "@/lib/api/errors";
import type { MissingAgentVariables } from "@/lib/agents/agent-variables";

// TimePay's 400 "missing agent variables" (§2.4: "Validation error, no active numbers, or missing
// agent variables"): the agent's script uses fields the campaign does not have. The validation
// shape `{success: false, message, errors}`, one entry per variable, plus `missingVariables`.

export function missingAgentVariablesMessage(missing: readonly string[]): string {
  return `Missing agent variables: ${missing.join(", ")} (the agent's script uses them and the campaign's fields do not provide them)`;
}

export function missingAgentVariablesError(error: MissingAgentVariables): ApiError {
  return contractError(400, {
    success: false,
    message: missingAgentVariablesMessage(error.missing),
    errors: error.missing.map((key) => `agentId: the agent's variable ${key} is not a field of the campaign`),
    missingVariables: error.missing,
  });
}
