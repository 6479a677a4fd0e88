import { z } from "zod";

// The bodies the workflow, template and message routes answer with (lib/timepay/workflows.ts,
// lib/timepay/initiate-messages.ts, app/api/v1/templates), as zod for the OpenAPI document.

const int = z.number().int();
const iso = z.string();
const pagination = z.object({ page: int, limit: int, total: int, totalPages: int });

export const workflowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    version: int,
    steps: z.unknown(),
    createdAt: iso,
    updatedAt: iso,
  })
  .meta({ id: "Workflow" });

export const workflowResponseSchema = z
  .object({ success: z.literal(true), message: z.string(), data: workflowSchema })
  .meta({ id: "WorkflowResponse" });
export const workflowListResponseSchema = z
  .object({ success: z.literal(true), data: z.array(workflowSchema), pagination })
  .meta({ id: "WorkflowList" });
export const workflowDetailResponseSchema = z
  .object({
    success: z.literal(true),
    data: workflowSchema.extend({
      versions: z.array(z.object({ version: int, steps: z.unknown(), createdAt: iso })),
      campaigns: z.array(z.object({ id: z.string(), name: z.string(), pinnedVersion: int.nullable() })),
    }),
  })
  .meta({ id: "WorkflowDetail" });
export const workflowDeletedResponseSchema = z
  .object({ success: z.literal(true), message: z.string(), data: z.object({ id: z.string() }) })
  .meta({ id: "WorkflowDeleted" });

export const dryRunResponseSchema = z
  .object({
    success: z.literal(true),
    data: z.object({
      zone: z.string().meta({ description: "The IANA zone the summaries say their times in: the sample customer's, else the campaign's." }),
      timeline: z.array(z.object({ at: iso, stepId: z.string(), type: z.string(), summary: z.string(), delayedUntil: iso.optional() })),
      end: z.object({ state: z.string(), reason: z.string().nullable() }),
    }),
  })
  .meta({ id: "WorkflowDryRun" });

const runStepSchema = z.object({
  seq: int,
  stepId: z.string(),
  type: z.string(),
  status: z.string(),
  result: z.unknown(),
  callId: z.string().nullable(),
  messageId: z.string().nullable(),
  startedAt: iso.nullable(),
  finishedAt: iso.nullable(),
});
export const workflowRunsResponseSchema = z
  .object({
    success: z.literal(true),
    data: z.array(
      z.object({
        id: z.string(),
        campaignId: z.string(),
        customerId: z.string().nullable(),
        workflowId: z.string(),
        version: int,
        state: z.string(),
        currentStep: z.string().nullable(),
        stopReason: z.string().nullable(),
        dueAt: iso.nullable(),
        createdAt: iso.nullable(),
        finishedAt: iso.nullable(),
        steps: z.array(runStepSchema),
      }),
    ),
    pagination,
  })
  .meta({ id: "WorkflowRuns" });

const templateSchema = z
  .object({ id: z.string(), name: z.string(), channel: z.enum(["sms", "whatsapp"]), body: z.string(), createdAt: iso })
  .meta({ id: "MessageTemplate" });
export const templateListResponseSchema = z
  .object({ success: z.literal(true), data: z.array(templateSchema) })
  .meta({ id: "MessageTemplateList" });
export const templateCreatedResponseSchema = z
  .object({ success: z.literal(true), message: z.string(), data: templateSchema })
  .meta({ id: "MessageTemplateCreated" });

export const initiateMessagesResponseSchema = z
  .object({
    success: z.boolean(),
    message: z.string(),
    results: z.object({
      totalMatched: int,
      customersSelected: int,
      initiated: int,
      failed: int,
      batchesProcessed: int,
      errors: z.array(z.object({ id: z.string().nullable(), error: z.string(), reason: z.string() })),
    }),
  })
  .meta({ id: "InitiateMessagesResponse" });

export const whatsappDetailsResponseSchema = z
  .object({
    success: z.literal(true),
    data: z.object({
      message_id: z.string(),
      wamid: z.string().nullable(),
      agent_id: z.string().nullable(),
      campaign_id: z.string(),
      to: z.string(),
      status: z.string(),
      template_id: z.string().nullable(),
      template_name: z.string().nullable(),
      name: z.string().nullable(),
      loan_id: z.string().nullable(),
      conversation: z.array(z.object({ role: z.string(), content: z.string(), timestamp: iso })),
      errors: z.array(z.unknown()),
    }),
  })
  .meta({ id: "WhatsappMessageDetails" });
