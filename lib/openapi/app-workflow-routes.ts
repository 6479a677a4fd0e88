import { z } from "zod";
import { dryRunBodySchema } from "@/lib/timepay/workflow-bodies";
import { workflowBodySchema, workflowUpdateSchema } from "@/lib/timepay/workflow-bodies";
import { appErrorSchema } from "./app-routes";
import type { ResponseDoc, RouteDoc } from "./route-doc";

// The workflow editor's routes (app's error shape). They call the same domain functions as
// /api/v1/workflows: the one definition schema and the same reference checks.

const error = (description: string): ResponseDoc => ({ description, schema: appErrorSchema });
const common: Record<number, ResponseDoc> = {
  401: error("Not signed in and no API key."),
  429: error("Too many requests for this API key (Retry-After)."),
  500: error("Anything unexpected."),
};
const bodyErrors = {
  400: error("Invalid body or definition: one line per problem, naming the step."),
  413: error("Body too large."),
  415: error("Not JSON."),
};
const saved = z
  .object({ workflow: z.object({ id: z.string(), name: z.string(), version: z.number().int() }) })
  .meta({ id: "AppWorkflowSaved" });
const iso = z.string();
const dryRun = z
  .object({
    dryRun: z.object({
      timeline: z.array(z.object({ at: iso, stepId: z.string(), type: z.string(), summary: z.string(), delayedUntil: iso.optional() })),
      end: z.object({ state: z.string(), reason: z.string().nullable() }),
    }),
  })
  .meta({ id: "AppWorkflowDryRun" });
const params = z.object({ id: z.string().meta({ description: "The workflow id." }) });

export const appWorkflowRoutes: RouteDoc[] = [
  {
    method: "post",
    path: "/api/workflows",
    family: "App",
    summary: "Create a workflow, version 1 (workflow editor)",
    body: workflowBodySchema,
    responses: {
      201: { description: "The workflow.", schema: saved },
      ...bodyErrors,
      403: error("Viewers cannot change workflows."),
      409: error("A workflow with this name already exists."),
      ...common,
    },
  },
  {
    method: "put",
    path: "/api/workflows/{id}",
    family: "App",
    summary: "Save the steps as a new version; running customers finish on theirs (workflow editor)",
    params,
    body: workflowUpdateSchema,
    responses: {
      200: { description: "The workflow and its new version.", schema: saved },
      ...bodyErrors,
      403: error("Viewers cannot change workflows."),
      404: error("No such workflow in this organization."),
      409: error("A workflow with this name already exists."),
      ...common,
    },
  },
  {
    method: "delete",
    path: "/api/workflows/{id}",
    family: "App",
    summary: "Delete a workflow; refused while a campaign uses it (workflow editor)",
    params,
    responses: {
      200: { description: "Deleted.", schema: z.object({ deleted: z.string() }).meta({ id: "AppWorkflowDeleted" }) },
      403: error("Viewers cannot change workflows."),
      404: error("No such workflow in this organization."),
      409: error("Used by campaigns: the message names them."),
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/workflows/dry-run",
    family: "App",
    summary: "Play steps for a sample customer with simulated outcomes on a timeline; writes nothing (workflow editor)",
    body: dryRunBodySchema,
    responses: {
      200: { description: "The timeline.", schema: dryRun },
      ...bodyErrors,
      404: error("No such campaign in this organization."),
      ...common,
    },
  },
];
