import { z } from "zod";
import { LANGUAGES } from "@/lib/campaigns/field-schema";
import { AGENT_VARIABLE_KEY, MAX_AGENT_VARIABLES } from "@/lib/agents/agent-variables";

// What the agents screen (and the app's /api/agents routes) accept: an AI voice agent or a human
// dialer user. `username` is what Flexydial's `user` column refers to. Messages read "<problem>".

const text = (max: number) =>
  z.string({ error: "is required" }).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string({ error: "must be a string" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => v || null)
    .nullable()
    .optional();

const AGENT_KINDS = ["ai", "human"] as const;

/** The customer field keys an AI agent's script uses; kept in the order given, once each. */
const variables = z
  .array(
    z
      .string({ error: "must be field keys (text)" })
      .trim()
      .max(100, "must be at most 100 characters each")
      .regex(AGENT_VARIABLE_KEY, "must be field keys: letters, digits and _ (a CRM key as section:field)"),
    { error: "must be a list of field keys" },
  )
  .max(MAX_AGENT_VARIABLES, `must be at most ${MAX_AGENT_VARIABLES} field keys`)
  .transform((keys) => [...new Set(keys)]);

const agentFields = {
  name: text(120),
  kind: z.enum(AGENT_KINDS, { error: "must be ai or human" }),
  username: text(150).regex(/^[A-Za-z0-9_.@-]+$/, "may hold letters, digits and . _ @ - only"),
  voice: optionalText(100),
  language: z
    .enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(", ")}` })
    .nullable()
    .optional(),
  variables: variables.optional(),
};

export const createAgentSchema = z.object(agentFields, { error: "Request body must be a JSON object" });
export type CreateAgentInput = z.output<typeof createAgentSchema>;

export const updateAgentSchema = z
  .object({ ...agentFields, active: z.boolean({ error: "must be true or false" }) }, { error: "Request body must be a JSON object" })
  .partial();
export type UpdateAgentInput = z.output<typeof updateAgentSchema>;
