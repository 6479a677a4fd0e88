import { z } from "zod";
import { createCampaignBodySchema, listCampaignsQuerySchema, updateCampaignBodySchema } from "@/lib/timepay/campaign-bodies";
import { addCustomerBodySchema, bulkAddBodySchema, bulkUpdateBodySchema, updateCustomerBodySchema } from "@/lib/timepay/customer-bodies";
import {
  addCustomerResponseSchema,
  bulkAddResponseSchema,
  bulkUpdateResponseSchema,
  createCampaignResponseSchema,
  deleteCampaignResponseSchema,
  getCampaignResponseSchema,
  listCampaignsResponseSchema,
  missingAgentVariablesErrorSchema,
  noValidRecordsSchema,
  pauseCampaignResponseSchema,
  timepayErrorSchema,
  timepayMessageErrorSchema,
  timepayValidationErrorSchema,
  updateCampaignResponseSchema,
  updateCustomerResponseSchema,
} from "@/lib/timepay/responses";
import {
  dryRunBodySchema,
  listQuerySchema,
  runsQuerySchema,
  templateBodySchema,
  workflowBodySchema,
  workflowUpdateSchema,
} from "@/lib/timepay/workflow-bodies";
import { initiateSmsBodySchema, initiateWhatsappBodySchema } from "@/lib/timepay/initiate-messages";
import {
  dryRunResponseSchema,
  initiateMessagesResponseSchema,
  templateCreatedResponseSchema,
  templateListResponseSchema,
  whatsappDetailsResponseSchema,
  workflowDeletedResponseSchema,
  workflowDetailResponseSchema,
  workflowListResponseSchema,
  workflowResponseSchema,
  workflowRunsResponseSchema,
} from "@/lib/timepay/workflow-responses";
import type { ResponseDoc, RouteDoc } from "./route-doc";
import { bulkAddExamples } from "./timepay-examples";

// TimePay's routes (Authorization: Bearer <key>): customers and campaigns. Over 300 lines on purpose:
// one declarative entry per documented route and status, with the seeds' examples verbatim.

const error = (description: string, examples?: Record<string, unknown>): ResponseDoc => ({
  description,
  schema: timepayErrorSchema,
  examples,
});
/** What every TimePay route can answer besides its own outcomes. */
const common: Record<number, ResponseDoc> = {
  401: error("Missing or invalid API key.", {
    unauthorized: { success: false, error: "Unauthorized", message: "Missing or invalid authorization header" },
  }),
  403: {
    description: "The campaign belongs to another organization, or the key's role may not do this.",
    schema: z.union([timepayMessageErrorSchema, timepayErrorSchema]),
    examples: { seed: { success: false, message: "Campaign ID invalid or mismatch for your organization." } },
  },
  429: error("Too many requests for this API key (Retry-After says when to retry)."),
  500: error("Anything unexpected; nothing internal is said.", {
    seed: { success: false, error: "Internal Server Error", message: "An unexpected error occurred" },
  }),
};
/** Routes with a JSON body: malformed or empty JSON, wrong Content-Type, too large. */
const bodyErrors: Record<number, ResponseDoc> = {
  413: error("The body is larger than MAX_BODY_BYTES."),
  415: error("Content-Type is not application/json."),
};
/** Routes that honour Idempotency-Key. */
const idempotencyErrors: Record<number, ResponseDoc> = {
  409: error("A request with this Idempotency-Key is still in progress (or, on the single add, the customer already exists)."),
  422: error("The Idempotency-Key was already used with a different request body."),
};
const validation = (extra: z.ZodType[] = []): ResponseDoc => ({
  description: "Validation failed (or, for bodies, malformed JSON as a TimePayError).",
  schema: z.union([timepayValidationErrorSchema, timepayErrorSchema, ...extra]),
});
const notFound = (what: string): ResponseDoc => ({ description: `${what} not found.`, schema: timepayMessageErrorSchema });
const notFoundAny = (what: string): ResponseDoc => ({
  description: `${what} not found.`,
  schema: z.union([timepayMessageErrorSchema, timepayErrorSchema]),
});
const conflict = (description: string): ResponseDoc => ({ description, schema: z.union([timepayMessageErrorSchema, timepayErrorSchema]) });
const tooMany = error("Too many requests from this key; retry after the Retry-After seconds.");
const workflowIdParams = z.object({ id: z.string().meta({ description: "The workflow id." }) });
const campaignIdParams = z.object({ campaignId: z.string().meta({ description: "The campaign id (camp_…)." }) });
const runsQuery = z.object({ ...runsQuerySchema.shape });
const idParams = z.object({ id: z.string().meta({ description: "The campaign id (camp_…)." }) });
const validateOnlyQuery = z.object({
  validateOnly: z.enum(["true", "false", "1", "0"]).optional().meta({ description: "Dry run: validate and count, write nothing." }),
});

const routes: RouteDoc[] = [
  {
    method: "post",
    path: "/api/v1/customers/add/bulk",
    family: "TimePay",
    summary: "Bulk add customers",
    description:
      "Adds up to 10,000 records to a campaign. Each record is validated on its own; valid ones are written even when others fail. With initiateCall, callResults is final when the answer comes; the accepted attempts appear in the call logs within seconds after it.",
    query: validateOnlyQuery,
    body: bulkAddBodySchema,
    responses: {
      200: { description: "Validate-only: what would be added.", schema: bulkAddResponseSchema },
      201: { description: "Every record added.", schema: bulkAddResponseSchema, examples: bulkAddExamples[201] },
      207: { description: "Some records added.", schema: bulkAddResponseSchema, examples: bulkAddExamples[207] },
      400: {
        ...validation([noValidRecordsSchema, bulkAddResponseSchema, missingAgentVariablesErrorSchema]),
        examples: bulkAddExamples[400],
      },

      404: { ...notFound("Campaign"), examples: bulkAddExamples[404] },
      ...idempotencyErrors,
      ...bodyErrors,
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/v1/customers/add",
    family: "TimePay",
    summary: "Add a customer",
    body: addCustomerBodySchema,
    responses: {
      201: { description: "Added.", schema: addCustomerResponseSchema },
      400: validation([missingAgentVariablesErrorSchema]),
      404: notFound("Campaign"),
      ...idempotencyErrors,
      ...bodyErrors,
      ...common,
    },
  },
  ...["/api/v1/customers/update", "/api/v1/customer-data"].map(
    (path): RouteDoc => ({
      method: "put",
      path,
      family: "TimePay",
      summary: path === "/api/v1/customer-data" ? "Update a customer (older path)" : "Update a customer",
      description: "Changes the given fields of one customer, found by loan_id, lead_id or id; the merged record is validated again.",
      body: updateCustomerBodySchema,
      responses: {
        200: { description: "Updated.", schema: updateCustomerResponseSchema },
        400: validation(),
        404: notFound("Campaign or customer"),
        ...idempotencyErrors,
        ...bodyErrors,
        ...common,
      },
    }),
  ),
  {
    method: "put",
    path: "/api/v1/customer-data/bulk",
    family: "TimePay",
    summary: "Bulk update customers",
    body: bulkUpdateBodySchema,
    responses: {
      200: { description: "Every record updated.", schema: bulkUpdateResponseSchema },
      207: { description: "Some records updated.", schema: bulkUpdateResponseSchema },
      400: validation([noValidRecordsSchema, bulkUpdateResponseSchema]),

      404: notFound("Campaign"),
      ...idempotencyErrors,
      ...bodyErrors,
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/v1/campaigns/create",
    family: "TimePay",
    summary: "Create a campaign",
    body: createCampaignBodySchema,
    responses: {
      201: { description: "Created.", schema: createCampaignResponseSchema },
      400: validation(),
      404: notFound("The workflow (workflowId)"),
      ...idempotencyErrors,
      ...bodyErrors,
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/v1/campaigns",
    family: "TimePay",
    summary: "List campaigns",
    query: listCampaignsQuerySchema,
    responses: { 200: { description: "One page of campaigns.", schema: listCampaignsResponseSchema }, 400: validation(), ...common },
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}",
    family: "TimePay",
    summary: "Get a campaign",
    responses: {
      200: { description: "The campaign.", schema: getCampaignResponseSchema },
      400: validation(),
      404: notFound("Campaign"),
      ...common,
    },
  },
  {
    method: "delete",
    path: "/api/v1/campaigns/{id}",
    family: "TimePay",
    summary: "Delete a campaign and its customers",
    responses: {
      200: { description: "Deleted.", schema: deleteCampaignResponseSchema },
      400: validation(),
      404: notFound("Campaign"),
      409: error("The campaign cannot be deleted now."),
      ...common,
    },
  },
  {
    method: "put",
    path: "/api/v1/campaigns/update/{id}",
    family: "TimePay",
    summary: "Update a campaign",
    body: updateCampaignBodySchema,
    responses: {
      200: { description: "Updated.", schema: updateCampaignResponseSchema },
      400: validation(),
      404: notFound("Campaign or workflow (workflowId)"),
      409: error("The change conflicts with the campaign's state."),
      ...bodyErrors,
      ...common,
    },
  },
  {
    method: "patch",
    path: "/api/v1/campaigns/pause/{id}",
    family: "TimePay",
    summary: "Pause a campaign",
    responses: {
      200: { description: "Paused.", schema: pauseCampaignResponseSchema },
      400: validation(),
      404: notFound("Campaign"),
      409: error("The campaign cannot be paused in its state."),
      ...common,
    },
  },
  // ---- workflows, templates, messages (issue 10) ----
  {
    method: "get",
    path: "/api/v1/workflows",
    family: "TimePay",
    summary: "List workflows",
    query: listQuerySchema,
    responses: {
      200: { description: "One page of workflows.", schema: workflowListResponseSchema },
      400: validation(),
      429: tooMany,
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/v1/workflows",
    family: "TimePay",
    summary: "Create a workflow (version 1)",
    description: "Every step is checked by the one definition schema; each problem is named.",
    body: workflowBodySchema,
    responses: {
      201: { description: "Created.", schema: workflowResponseSchema },
      400: validation(),
      429: tooMany,
      ...idempotencyErrors,
      ...bodyErrors,
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/v1/workflows/{id}",
    family: "TimePay",
    summary: "Get a workflow with its versions and campaigns",
    params: workflowIdParams,
    responses: {
      200: { description: "The workflow.", schema: workflowDetailResponseSchema },
      400: validation(),
      404: notFoundAny("Workflow"),
      429: tooMany,
      ...common,
    },
  },
  {
    method: "put",
    path: "/api/v1/workflows/{id}",
    family: "TimePay",
    summary: "Edit a workflow (new steps write a new version)",
    params: workflowIdParams,
    body: workflowUpdateSchema,
    responses: {
      200: { description: "Updated.", schema: workflowResponseSchema },
      400: validation(),
      404: notFoundAny("Workflow"),
      409: conflict("A workflow of that name already exists."),
      429: tooMany,
      ...bodyErrors,
      ...common,
    },
  },
  {
    method: "delete",
    path: "/api/v1/workflows/{id}",
    family: "TimePay",
    summary: "Delete a workflow no campaign uses",
    params: workflowIdParams,
    responses: {
      200: { description: "Deleted.", schema: workflowDeletedResponseSchema },
      400: validation(),
      404: notFoundAny("Workflow"),
      409: conflict("Cannot delete: Workflow is used by campaign(s): …"),
      429: tooMany,
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/v1/workflows/dry-run",
    family: "TimePay",
    summary: "Dry-run steps for a sample customer (writes nothing)",
    body: dryRunBodySchema,
    responses: {
      200: { description: "The timeline.", schema: dryRunResponseSchema },
      400: validation(),
      404: notFoundAny("Campaign"),
      429: tooMany,
      ...bodyErrors,
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/v1/workflows/runs",
    family: "TimePay",
    summary: "A campaign's or a customer's workflow runs with their steps",
    query: runsQuery,
    responses: {
      200: { description: "One page of runs.", schema: workflowRunsResponseSchema },
      400: validation(),
      404: notFoundAny("Campaign or customer"),
      429: tooMany,
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/v1/templates",
    family: "TimePay",
    summary: "List message templates",
    responses: { 200: { description: "The organization's templates.", schema: templateListResponseSchema }, 429: tooMany, ...common },
  },
  {
    method: "post",
    path: "/api/v1/templates",
    family: "TimePay",
    summary: "Create a message template",
    body: templateBodySchema,
    responses: {
      201: { description: "Created.", schema: templateCreatedResponseSchema },
      400: validation(),
      404: notFoundAny("Campaign"),
      409: conflict("A template of that name exists, or the Idempotency-Key is in progress."),
      422: error("The Idempotency-Key was already used with a different request body."),
      429: tooMany,
      ...bodyErrors,
      ...common,
    },
  },
  ...(["sms", "whatsapp"] as const).map(
    (channel): RouteDoc => ({
      method: "post",
      path: `/api/v1/initiate/{campaignId}/${channel}`,
      family: "TimePay",
      summary: channel === "sms" ? "Initiate SMS" : "Initiate WhatsApp",
      params: campaignIdParams,
      body: channel === "sms" ? initiateSmsBodySchema : initiateWhatsappBodySchema,
      responses: {
        200: { description: "Sent to every selected customer.", schema: initiateMessagesResponseSchema },
        207: { description: "Sent to some.", schema: initiateMessagesResponseSchema },
        400: validation(),
        404: notFoundAny("Campaign, template or customers"),
        ...idempotencyErrors,
        429: tooMany,
        ...bodyErrors,
        ...common,
        500: {
          description: "Sent to none, or anything unexpected.",
          schema: z.union([initiateMessagesResponseSchema, timepayErrorSchema]),
        },
      },
    }),
  ),
  {
    method: "get",
    path: "/api/v1/communication/whatsapp/{message_id}",
    family: "TimePay",
    summary: "A WhatsApp message's details",
    params: z.object({ message_id: z.string().meta({ description: "The message id." }) }),
    responses: {
      200: { description: "The message.", schema: whatsappDetailsResponseSchema },
      404: notFoundAny("Message"),
      429: tooMany,
      ...common,
    },
  },
];

export const timepayRoutes: RouteDoc[] = routes.map((route) =>
  route.path.includes("{id}") && !route.params ? { ...route, params: idParams } : route,
);
