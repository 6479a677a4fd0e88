import { z } from "zod";
import { listAgentsQuery } from "@/lib/timepay/agents";
import {
  createDispositionBody,
  createGroupBody,
  getGroupQuery,
  listDispositionsQuery,
  listGroupsQuery,
  updateDispositionBody,
  updateGroupBody,
} from "@/lib/timepay/disposition-bodies";
import { initiateCallsBodySchema } from "@/lib/timepay/initiate-calls-body";
import { logsQuery } from "@/lib/timepay/log-query";
import {
  callDetailsResponseSchema,
  dispositionGroupResponseSchema,
  dispositionResponseSchema,
  dispositionRuleErrorSchema,
  initiateCallsPreflightSchema,
  initiateCallsResponseSchema,
  listAgentsResponseSchema,
  listDispositionGroupsResponseSchema,
  listDispositionsResponseSchema,
  logsCountResponseSchema,
  logsResponseSchema,
  missingAgentVariablesErrorSchema,
  okMessageResponseSchema,
  timepayErrorSchema,
  timepayMessageErrorSchema,
  timepayValidationErrorSchema,
  updatedFieldsResponseSchema,
} from "@/lib/timepay/responses";
import type { ResponseDoc, RouteDoc } from "./route-doc";

// TimePay's calling routes (Authorization: Bearer <key>): initiate calls (§2.4), dispositions and
// groups (§2.5), logs and call details (§2.6), agents. Examples are api-contracts.md's.

const error = (description: string): ResponseDoc => ({ description, schema: timepayErrorSchema });
const common: Record<number, ResponseDoc> = {
  401: error("Missing or invalid API key."),
  403: { description: "The key's role may not do this.", schema: z.union([timepayMessageErrorSchema, timepayErrorSchema]) },
  429: error("Too many requests for this API key (Retry-After says when to retry)."),
  500: error("Anything unexpected; nothing internal is said."),
};
const bodyErrors: Record<number, ResponseDoc> = {
  413: error("The body is larger than MAX_BODY_BYTES."),
  415: error("Content-Type is not application/json."),
};
const idempotencyErrors: Record<number, ResponseDoc> = {
  422: error("The Idempotency-Key was already used with a different request body."),
};
const validation = (extra: z.ZodType[] = []): ResponseDoc => ({
  description: "Validation failed (or, for bodies, malformed JSON).",
  schema: z.union([timepayValidationErrorSchema, timepayErrorSchema, ...extra]),
});
const notFound = (what: string): ResponseDoc => ({ description: `${what} not found.`, schema: timepayMessageErrorSchema });
const conflict = (description: string): ResponseDoc => ({ description, schema: z.union([timepayMessageErrorSchema, timepayErrorSchema]) });
const ok = (description: string, schema: z.ZodType, examples?: Record<string, unknown>): ResponseDoc => ({ description, schema, examples });
const idParams = (what: string) => z.object({ id: z.string().meta({ description: `The ${what} id.` }) });
const dispositionParams = idParams("disposition");
const groupParams = idParams("disposition group");
const rule = (description: string): ResponseDoc => ({
  description,
  schema: z.union([dispositionRuleErrorSchema, timepayValidationErrorSchema, timepayErrorSchema]),
});
const idempotentAdd: Record<number, ResponseDoc> = {
  409: conflict("A request with this Idempotency-Key is still in progress."),
  ...idempotencyErrors,
};
const membersBody = z.object({ dispositions: z.array(z.string()).min(1) });

export const timepayCallRoutes: RouteDoc[] = [
  {
    method: "post",
    path: "/api/v1/initiate/{campaignId}/calls",
    family: "TimePay",
    summary: "Initiate calls",
    description:
      "Calls the campaign's customers selected by the filters (AND), up to `limit`. Every attempt is checked again at dial time. `?validateOnly=true` answers what would happen and writes nothing.",
    params: z.object({ campaignId: z.string().meta({ description: "The campaign id (camp_…)." }) }),
    query: z.object({
      validateOnly: z.enum(["true", "false", "1", "0"]).optional().meta({ description: "Dry run: what would be called, per reason." }),
    }),
    body: initiateCallsBodySchema,
    bodyExample: {
      agentId: "agt_…",
      dispositionId: "NiciJNJoGytGUGiyhqgK",
      limit: 250,
      filters: { payment_status: ["pending", "bounced"] },
    },
    responses: {
      200: ok("All initiated (or the validate-only answer).", z.union([initiateCallsResponseSchema, initiateCallsPreflightSchema]), {
        seed: {
          success: true,
          message: "Calls initiated for 250 customers",
          results: { totalMatched: 500, customersSelected: 250, initiated: 250, failed: 0, batchesProcessed: 1, errors: [] },
        },
      }),
      207: ok("Some initiated.", initiateCallsResponseSchema),
      400: {
        ...validation([missingAgentVariablesErrorSchema]),
        description:
          "Validation error, no active caller numbers, or missing agent variables (the agent's variables name fields the campaign does not have).",
      },
      404: notFound("Campaign, agent, disposition or matching customers"),
      409: conflict("A request with this Idempotency-Key is still in progress."),
      ...idempotencyErrors,
      ...bodyErrors,
      ...common,
      500: { description: "None initiated, or anything unexpected.", schema: z.union([initiateCallsResponseSchema, timepayErrorSchema]) },
    },
  },
  {
    method: "get",
    path: "/api/v1/dispositions",
    family: "TimePay",
    summary: "List dispositions",
    query: listDispositionsQuery,
    responses: { 200: ok("One page (20) of dispositions.", listDispositionsResponseSchema), 400: validation(), ...common },
  },
  {
    method: "post",
    path: "/api/v1/dispositions",
    family: "TimePay",
    summary: "Create a disposition",
    body: createDispositionBody,
    bodyExample: { name: "Promise to Pay", description: "Customer committed to a payment date", priority: 100 },
    responses: {
      201: ok("Created.", dispositionResponseSchema),
      400: validation(),
      409: conflict("A disposition with this name already exists (or the Idempotency-Key is in progress)."),
      ...idempotencyErrors,
      ...bodyErrors,
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/v1/dispositions/{id}",
    family: "TimePay",
    summary: "Get a disposition",
    params: dispositionParams,
    responses: { 200: ok("The disposition.", dispositionResponseSchema), 404: notFound("Disposition"), ...common },
  },
  {
    method: "put",
    path: "/api/v1/dispositions/{id}",
    family: "TimePay",
    summary: "Update a disposition (partly)",
    params: dispositionParams,
    body: updateDispositionBody,
    responses: {
      200: ok("Updated.", updatedFieldsResponseSchema, {
        seed: { success: true, message: "Disposition updated successfully", updatedFields: ["name", "priority"] },
      }),
      400: validation([timepayMessageErrorSchema]),
      404: notFound("Disposition"),
      409: conflict("A disposition with this name already exists."),
      ...bodyErrors,
      ...common,
    },
  },
  {
    method: "delete",
    path: "/api/v1/dispositions/{id}",
    family: "TimePay",
    summary: "Delete a disposition",
    params: dispositionParams,
    responses: {
      200: ok("Deleted.", okMessageResponseSchema),
      400: {
        ...rule("The disposition is used in a group."),
        examples: { seed: { success: false, message: "Cannot delete: Disposition is used in group(s): Call Back, Follow Up" } },
      },
      404: notFound("Disposition"),
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/v1/dispositions/groups/create",
    family: "TimePay",
    summary: "Create a disposition group",
    description: "Repeated disposition ids collapse.",
    body: createGroupBody,
    responses: {
      201: ok("Created.", dispositionGroupResponseSchema),
      400: rule("Validation failed, or unknown disposition ids (invalidIds)."),
      409: conflict("A group with this name already exists (or the Idempotency-Key is in progress)."),
      ...idempotencyErrors,
      ...bodyErrors,
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/v1/dispositions/groups/list",
    family: "TimePay",
    summary: "List disposition groups",
    query: listGroupsQuery,
    responses: {
      200: ok("One page of groups (with ?expand=true, their dispositions).", listDispositionGroupsResponseSchema),
      400: validation(),
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/v1/dispositions/groups/{id}",
    family: "TimePay",
    summary: "Get a disposition group",
    params: groupParams,
    query: getGroupQuery,
    responses: { 200: ok("The group.", dispositionGroupResponseSchema), 400: validation(), 404: notFound("Disposition group"), ...common },
  },
  {
    method: "put",
    path: "/api/v1/dispositions/groups/{id}",
    family: "TimePay",
    summary: "Update a disposition group (dispositions replaces the list)",
    params: groupParams,
    body: updateGroupBody,
    responses: {
      200: ok("Updated.", updatedFieldsResponseSchema),
      400: {
        ...rule("Validation failed, or unknown disposition ids."),
        examples: { seed: { success: false, message: "Invalid disposition IDs", invalidIds: ["NiciJNJoGytGUGiyhqgK"] } },
      },
      404: notFound("Disposition group"),
      409: conflict("A group with this name already exists."),
      ...bodyErrors,
      ...common,
    },
  },
  {
    method: "delete",
    path: "/api/v1/dispositions/groups/{id}",
    family: "TimePay",
    summary: "Delete a disposition group (its dispositions stay)",
    params: groupParams,
    responses: { 200: ok("Deleted.", okMessageResponseSchema), 404: notFound("Disposition group"), ...common },
  },
  ...(["post", "delete"] as const).map(
    (method): RouteDoc => ({
      method,
      path: "/api/v1/dispositions/groups/{id}/dispositions",
      family: "TimePay",
      summary: method === "post" ? "Add dispositions to a group (repeats ignored)" : "Remove dispositions from a group",
      params: groupParams,
      body: membersBody,
      responses: {
        200: ok(method === "post" ? "Added." : "Removed.", okMessageResponseSchema),
        400: rule("Not a non-empty list of ids (a bare message), or unknown disposition ids."),
        404: notFound("Disposition group"),
        ...(method === "post" ? idempotentAdd : {}),
        ...bodyErrors,
        ...common,
      },
    }),
  ),
  {
    method: "get",
    path: "/api/v1/logs",
    family: "TimePay",
    summary: "Call logs",
    description: "10 per page, newest first; times in India Standard Time without a zone. `count_only=true` answers only the count.",
    query: logsQuery,
    responses: {
      200: ok("One page of the log, or its count.", z.union([logsResponseSchema, logsCountResponseSchema])),
      400: validation(),
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/v1/communication/call/{call_id}",
    family: "TimePay",
    summary: "Call details",
    params: z.object({ call_id: z.string().meta({ description: "The call id (from the logs or a webhook)." }) }),
    responses: { 200: ok("The call.", callDetailsResponseSchema), 404: notFound("Call"), ...common },
  },
  {
    method: "get",
    path: "/api/v1/agents",
    family: "TimePay",
    summary: "List agents",
    query: listAgentsQuery,
    responses: { 200: ok("One page of agents.", listAgentsResponseSchema), 400: validation(), ...common },
  },
];
