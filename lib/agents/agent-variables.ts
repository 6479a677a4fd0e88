import type { FieldSchema } from "@/lib/campaigns/field-schema";
import { storedRecord, type StoredCustomer } from "@/lib/customers/customer-columns";
import { Invalid } from "@/lib/domain/errors";

// An AI voice agent's variables: the customer field keys its script's placeholders use
// (due_amount, emi_due_date, first_name). One rule for every way a call is asked for (initiate,
// add with initiateCall, the wizard, preflight, workflow call steps):
// - the campaign's fields must provide every variable, else the request is refused
//   (MissingAgentVariables; TimePay answers 400 naming them);
// - a customer whose value for a variable is empty is not called (MISSING_AGENT_VARIABLES, with
//   the variables named), the others are.

/** A variable is a field key: TimePay's (emi_due_date) or a CRM one (customer_info:due_amount). */
export const AGENT_VARIABLE_KEY = /^[A-Za-z0-9_]+(:[A-Za-z0-9_]+)?$/;
export const MAX_AGENT_VARIABLES = 50;

/** The agent's script uses variables the campaign's fields do not provide; `missing` names them. */
export class MissingAgentVariables extends Invalid {
  constructor(readonly missing: string[]) {
    super(`Missing agent variables: the campaign has no field ${missing.join(", ")}`, {
      resource: "agent",
      field: "agentId",
      issues: missing.map((key) => `The agent's variable ${key} is not a field of the campaign`),
    });
  }
}

/** Variables of the agent that are not keys of the campaign's fields, in the agent's order. */
export function unprovidedVariables(variables: readonly string[], schema: FieldSchema): string[] {
  if (variables.length === 0) return [];
  const keys = new Set(schema.fields.map((f) => f.key));
  return variables.filter((v) => !keys.has(v));
}

/** Throws MissingAgentVariables when the campaign's fields cannot provide the agent's variables. */
export function assertAgentVariablesProvided(agent: { variables: readonly string[] }, schema: FieldSchema): void {
  const missing = unprovidedVariables(agent.variables, schema);
  if (missing.length > 0) throw new MissingAgentVariables(missing);
}

/** The variables a record (as a client sends it: field key → value) has no value for. */
export function emptyVariables(variables: readonly string[], record: Record<string, unknown>): string[] {
  return variables.filter((key) => isEmpty(Object.hasOwn(record, key) ? record[key] : undefined));
}

/** The same, for a stored customer (names, language, identifier and phone live in columns). */
export function emptyStoredVariables(
  variables: readonly string[],
  customer: Omit<StoredCustomer, "id" | "data"> & { data: unknown },
  schema: FieldSchema,
): string[] {
  if (variables.length === 0) return [];
  const data = (customer.data ?? {}) as Record<string, unknown>;
  return emptyVariables(variables, storedRecord({ ...customer, id: "", data }, schema));
}

/** The per-customer reason: the variables named. */
export function emptyVariablesReason(empty: readonly string[]): string {
  return `Missing agent variables: no value for ${empty.join(", ")}`;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}
