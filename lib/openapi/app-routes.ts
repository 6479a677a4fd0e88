import { z } from "zod";
import { duplicatesSettingSchema } from "@/lib/campaigns/duplicates-setting";
import { saveMappingSchema } from "@/lib/campaigns/saved-mapping";
import { liveJobsAnswerSchema } from "@/lib/dashboard/campaign-activity";
import { rememberedMappingSchema } from "@/lib/spreadsheet/map-columns";
import {
  checkRowsAnswerSchema,
  checkRowsRequestSchema,
  finishUploadAnswerSchema,
  openUploadAnswerSchema,
  openUploadRequestSchema,
  uploadChunkAnswerSchema,
  uploadChunkRequestSchema,
} from "@/lib/upload-wizard/upload-api";
import { createAgentSchema, updateAgentSchema } from "@/lib/agents/agent-input";
import type { ResponseDoc, RouteDoc } from "./route-doc";

// The app's own routes (the upload wizard's, sign-in, this reference), in the app's error shape
// `{ error: { code, message, errors? } }`. Signed-in browser session or a Bearer API key.

export const appErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), errors: z.array(z.string()).optional() }) })
  .meta({ id: "AppError" });
const error = (description: string): ResponseDoc => ({ description, schema: appErrorSchema });
const common = {
  401: error("Not signed in and no API key."),
  429: error("Too many requests for this API key (Retry-After)."),
  500: error("Anything unexpected."),
};
const mapping = z.object({ mapping: rememberedMappingSchema.nullable() }).meta({ id: "SavedMapping" });
const campaignParams = z.object({ id: z.string().meta({ description: "The campaign id." }) });
const jobParams = z.object({ jobId: z.string().meta({ description: "The upload job's id (from POST /api/uploads)." }) });
const idempotent = {
  409: error("A request with this Idempotency-Key is still in progress."),
  422: error("The Idempotency-Key was already used with a different body."),
};
const bodyErrors = { 400: error("Invalid body."), 413: error("Body too large."), 415: error("Not JSON.") };

// better-auth's own endpoints (app/api/auth/[...all]); their bodies are better-auth's.
const betterAuth = z.looseObject({}).meta({ description: "better-auth's response body." });

const agentAnswer = z
  .object({
    agent: z.object({
      id: z.string(),
      organizationId: z.string(),
      name: z.string(),
      kind: z.enum(["ai", "human"]),
      username: z.string(),
      active: z.boolean(),
      voice: z.string().nullable(),
      language: z.string().nullable(),
      variables: z.array(z.string()).meta({ description: "Customer field keys the AI agent's script uses." }),
      createdAt: z.string(),
    }),
  })
  .meta({ id: "AgentAnswer" });
const agentErrors = {
  ...bodyErrors,
  403: error("Viewers cannot change agents."),
  409: error("An agent with this username already exists."),
  ...common,
};

export const appRoutes: RouteDoc[] = [
  {
    method: "post",
    path: "/api/agents",
    family: "App",
    summary: "Add an AI voice agent or a human dialer user (agents screen)",
    body: createAgentSchema,
    responses: { 201: { description: "The agent.", schema: agentAnswer }, ...agentErrors },
  },
  {
    method: "patch",
    path: "/api/agents/{id}",
    family: "App",
    summary: "Change an agent, or deactivate it (an inactive agent takes no new calls)",
    params: z.object({ id: z.string().meta({ description: "The agent id." }) }),
    body: updateAgentSchema,
    responses: { 200: { description: "The agent.", schema: agentAnswer }, ...agentErrors, 404: error("No such agent.") },
  },
  {
    method: "post",
    path: "/api/uploads",
    family: "App",
    summary: "Open a file's upload job (upload wizard)",
    body: openUploadRequestSchema,
    responses: {
      201: { description: "The job.", schema: openUploadAnswerSchema },
      ...bodyErrors,
      403: error("Not this organization's campaign, or not allowed."),
      404: error("No such campaign."),
      ...idempotent,
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/uploads/check",
    family: "App",
    summary: "What adding these rows would do (upload wizard); writes nothing",
    body: checkRowsRequestSchema,
    responses: {
      200: { description: "Invalid rows and rows that would not be written.", schema: checkRowsAnswerSchema },
      ...bodyErrors,
      403: error("Not this organization's campaign, or not allowed."),
      404: error("No such campaign."),
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/uploads/{jobId}/chunks",
    family: "App",
    summary: "Add the next chunk of rows to an open upload job (upload wizard)",
    params: jobParams,
    body: uploadChunkRequestSchema,
    responses: {
      200: { description: "What this chunk added, and why the rest was not.", schema: uploadChunkAnswerSchema },
      ...bodyErrors,
      403: error("Not allowed."),
      404: error("No such open upload job."),
      ...idempotent,
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/uploads/{jobId}/finish",
    family: "App",
    summary: "Stop an upload early; its job keeps what was sent (upload wizard)",
    params: jobParams,
    responses: {
      200: { description: "Finished.", schema: finishUploadAnswerSchema },
      403: error("Not allowed."),
      404: error("No such upload job."),
      409: error("The job is not open."),
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/uploads/{jobId}/reopen",
    family: "App",
    summary: "Resume an upload its page stopped (closed or reloaded mid-submit): a cancelled job takes chunks again (upload wizard)",
    params: jobParams,
    responses: {
      200: { description: "Open again (or still open, or already complete).", schema: finishUploadAnswerSchema },
      403: error("Not allowed."),
      404: error("No such upload job of yours."),
      409: error("The job failed or was undone; it cannot be resumed."),
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/campaigns/{id}/mapping",
    family: "App",
    summary: "The column mapping remembered for a campaign",
    params: campaignParams,
    responses: {
      200: { description: "The mapping, or null.", schema: mapping },
      403: error("Not this organization's campaign."),
      404: error("No such campaign."),
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/campaigns/{id}/live-jobs",
    family: "App",
    summary: "A campaign's running upload jobs and those of the last 24 hours (the dashboard polls it)",
    description: "Newest first, at most 5. Another organization's campaign answers an empty list.",
    params: campaignParams,
    responses: { 200: { description: "The jobs with their counts.", schema: liveJobsAnswerSchema }, ...common },
  },
  {
    method: "put",
    path: "/api/campaigns/{id}/mapping",
    family: "App",
    summary: "Remember a file's column choices",
    description: "Merged into what was saved before.",
    params: campaignParams,
    body: saveMappingSchema,
    responses: {
      200: { description: "The merged mapping.", schema: mapping },
      400: error("Invalid body."),
      403: error("Not this organization's campaign."),
      404: error("No such campaign."),
      413: error("Body too large."),
      415: error("Not JSON."),
      ...common,
    },
  },
  {
    method: "put",
    path: "/api/campaigns/{id}/duplicates",
    family: "App",
    summary: "Set what makes two customers of the campaign the same person",
    description: "Re-keys the stored customers in the same transaction; nothing is deleted.",
    params: campaignParams,
    body: duplicatesSettingSchema,
    responses: {
      200: { description: "The setting now.", schema: duplicatesSettingSchema.meta({ id: "DuplicatesSetting" }) },
      ...bodyErrors,
      403: error("The role may not change campaigns."),
      404: error("No such campaign."),
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/auth/sign-in/email",
    family: "App",
    summary: "Sign in (better-auth)",
    auth: "none",
    body: z.object({ email: z.string(), password: z.string(), rememberMe: z.boolean().optional() }),
    responses: {
      200: { description: "Signed in; the session cookie is set.", schema: betterAuth },
      401: { description: "Wrong email or password.", schema: betterAuth },
    },
  },
  {
    method: "post",
    path: "/api/auth/sign-out",
    family: "App",
    summary: "Sign out (better-auth)",
    auth: "session",
    responses: { 200: { description: "Signed out.", schema: betterAuth } },
  },
  {
    method: "get",
    path: "/api/auth/get-session",
    family: "App",
    summary: "The current session (better-auth)",
    auth: "session",
    responses: { 200: { description: "The session and its user, or null.", schema: betterAuth.nullable() } },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    family: "App",
    summary: "This API reference as OpenAPI 3.1",
    auth: "none",
    responses: { 200: { description: "The OpenAPI document.", schema: z.looseObject({ openapi: z.string() }) } },
  },
];
